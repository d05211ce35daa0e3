import test from 'ava';
import type { SimulatedUser } from '../../../../bot/sandbox/index.ts';
import type { JobName, JobPayloads } from '../../../../bot/jobs/queue.ts';
import { TimerQueue } from '../../../../bot/jobs/timerQueue.ts';
import { buildCity, buildKind, buildOrder } from '../../../support/factories.ts';
import { waitFor } from '../../../support/wait.ts';
import { dispatch, offersIn, startBotHarness, transcript } from '../../harness.ts';

test('50 matching and 20 non-matching masters: only the 50 get it, best rating first, the second wave after its delay; no customer data in any offer', async (t) => {
  const h = await startBotHarness(t, { fake: { requireStart: false }, settings: { waveSize: 30, waveDelaySeconds: 4 } });
  const { db } = h.env;
  const otherCity = await buildCity(db, h.tenant);
  const otherKind = await buildKind(db, h.tenant);
  const matching: { id: number; user: SimulatedUser; rating: number }[] = [];
  for (let i = 0; i < 50; i++) matching.push({ ...(await h.master({ rating: 1000 - i * 10 })), rating: 1000 - i * 10 });
  const others = [
    ...(await Promise.all(Array.from({ length: 5 }, () => h.master({ cityIds: [otherCity.id], rating: 5000 })))),
    ...(await Promise.all(Array.from({ length: 5 }, () => h.master({ kindIds: [otherKind.id], rating: 5000 })))),
    ...(await Promise.all(Array.from({ length: 4 }, () => h.master({ onShift: false, rating: 5000 })))),
    ...(await Promise.all(Array.from({ length: 3 }, () => h.master({ status: 'pending', rating: 5000 })))),
    ...(await Promise.all(Array.from({ length: 3 }, () => h.master({ rating: 5000 })))),
  ];
  // The last three owe more than the tenant's debt limit (3 000 ₽).
  for (const debtor of others.slice(-3)) await buildOrder(db, { tenant: h.tenant, status: 'done', masterId: debtor.id, commission: 400_000 });
  t.is(others.length, 20);

  const order = await buildOrder(db, { tenant: h.tenant, status: 'confirmed', price: 250_000, commission: 25_000, street: 'ул. Тверская' });
  const dispatched = await dispatch(h, order.id);

  // Wave 1: the 30 best-rated matching masters; wave 2, the remaining 20, after the delay.
  t.true(await waitFor(() => matching.slice(0, 30).every((m) => offersIn(m.user, order.number).length === 1), 15_000), 'wave 1 delivered');
  t.true(await waitFor(() => matching.every((m) => offersIn(m.user, order.number).length === 1), 20_000), 'wave 2 delivered');
  // When each wave was decided, by the database's clock (how fast 30 messages go out is the throttler's part).
  const waves = await db('order_offers').where({ order_id: order.id }).groupBy('wave').orderBy('wave').select('wave', db.raw('min(created_at) as first_at'), db.raw('max(created_at) as last_at'));
  const [first, second] = waves.map((wave) => ({ firstAt: new Date(wave.first_at).getTime(), lastAt: new Date(wave.last_at).getTime() }));
  const dispatchedAt = Date.parse(dispatched.statusChangedAt);
  t.true(first!.lastAt - dispatchedAt < 4000, `wave 1 written ${first!.lastAt - dispatchedAt} ms after the dispatch: at once`);
  t.true(second!.firstAt - first!.lastAt >= 4000, `wave 2 written ${second!.firstAt - first!.lastAt} ms after wave 1: after its delay`);
  await h.bot.idle();
  t.true(others.every((m) => m.user.messages().length === 0), 'nobody outside the match hears of it');
  t.true(matching.every((m) => offersIn(m.user, order.number).length === 1), 'one offer each');

  const rows = await db('order_offers').where({ order_id: order.id }).orderBy('id');
  t.is(rows.length, 50);
  t.deepEqual([...new Set(rows.map((row) => row.wave))], [1, 2]);
  t.true(rows.every((row) => row.state === 'sent' && row.message_id !== null));
  t.deepEqual(
    rows.filter((row) => row.wave === 1).map((row) => row.master_id).sort(),
    matching.slice(0, 30).map((m) => m.id).sort(),
  );

  // The offer shows the work and the money, never the customer, the house or the flat.
  const offer = offersIn(matching[0]!.user, order.number)[0]!;
  t.regex(offer.text!, /Новый заказ №\d+\nСантехника · Москва\n📍 ул\. Тверская\n/);
  t.regex(offer.text!, /Цена: 2\s500\s₽, комиссия: 250\s₽/);
  t.deepEqual(matching[0]!.user.buttons(offer.messageId).map((button) => button.text), ['✅ Принять заявку']);
  const customer = await db('customers').where({ id: order.customer!.id }).first();
  const sent = h.tg.calls.filter((call) => call.method === 'sendMessage' || call.method === 'sendPhoto');
  t.is(sent.length, 50);
  for (const call of sent) {
    const body = JSON.stringify(call.payload);
    t.false(body.includes(customer.name), 'no customer name');
    t.false(body.includes(customer.phone) || body.includes(customer.phone.slice(2)), 'no phone');
    t.false(/д\. 7|кв\. 12/.test(body), 'no house or flat');
  }
  const events = await db('order_events').where({ order_id: order.id, type: 'offers.sent' }).orderBy('seq');
  t.deepEqual(events.map((event) => event.data.wave), [1, 2]);
  if (process.env.SHOW_CHAT) console.log(transcript(matching[0]!.user));
});

test('nobody matches: the order is flagged at once with the reason, live on the bus', async (t) => {
  const h = await startBotHarness(t, { fake: { requireStart: false } });
  await h.master({ onShift: false });
  const order = await buildOrder(h.env.db, { tenant: h.tenant, status: 'confirmed' });
  const flagged: unknown[] = [];
  const stop = h.env.bus.subscribe((event) => event.type === 'orders.flagged' && flagged.push(event.data.order));
  t.teardown(stop);
  await dispatch(h, order.id);
  t.true(await waitFor(() => flagged.length === 1, 5000));
  t.like(flagged[0], { id: order.id, status: 'dispatched', noTaker: { reason: 'nobody_matches' } });
  t.like(await h.env.db('orders').where({ id: order.id }).first(), { no_taker_reason: 'nobody_matches' });
});

test('50 simultaneous taps: one winner gets the full card, 49 offers are edited to «Заявка закрыта», the late taps are told', async (t) => {
  const h = await startBotHarness(t, { fake: { requireStart: false }, settings: { waveSize: 50 } });
  const masters: { id: number; user: SimulatedUser }[] = [];
  for (let i = 0; i < 50; i++) masters.push(await h.master({ rating: i }));
  const order = await buildOrder(h.env.db, { tenant: h.tenant, status: 'confirmed' });
  await dispatch(h, order.id);
  t.true(await waitFor(() => masters.every((m) => offersIn(m.user, order.number).length === 1), 8000));
  await h.bot.idle();

  const taps = masters.map((m) => {
    const offer = offersIn(m.user, order.number)[0]!;
    return { master: m, offer, queryId: m.user.tap(offer.messageId, m.user.buttons(offer.messageId)[0]!.data!) };
  });
  const answers = await Promise.all(taps.map(({ master, queryId }) => master.user.waitForAnswer(queryId, 10_000)));
  const won = answers.filter((answer) => answer.text === 'Заказ ваш!');
  t.is(won.length, 1, 'one winner');
  const losing = answers.filter((answer) => answer.text !== 'Заказ ваш!').map((answer) => answer.text);
  t.is(losing.filter((text) => text === 'Заявка уже взята другим мастером.').length, 49, `the others are told (heard: ${[...new Set(losing)].join(' | ')})`);

  const row = await h.env.db('orders').where({ id: order.id }).first();
  t.is(row.status, 'accepted');
  const winner = taps.find(({ master }) => master.id === row.master_id)!;
  t.is(winner.queryId, won[0]!.callbackQueryId);
  const card = await winner.master.user.waitFor((message) => message.messageId === winner.offer.messageId && (message.text ?? '').includes('Мария Клиентова'));
  t.regex(card.text!, /📞 \+7 926 \d{3}-\d{2}-\d{2}/);
  t.regex(card.text!, /ул\. Тверская, д\. 7, кв\. 12/);
  t.deepEqual(winner.master.user.buttons(card.messageId).map((button) => button.text), ['🗓 Перенос', '✔️ Выполнено']);

  const losers = taps.filter(({ master }) => master.id !== row.master_id);
  t.true(
    await waitFor(() => losers.every(({ master, offer }) => master.user.messages().find((m) => m.messageId === offer.messageId)?.text?.startsWith('🔒 Заявка закрыта')), 10_000),
    'every other offer is closed',
  );
  for (const { master, offer } of losers) {
    const message = master.user.messages().find((m) => m.messageId === offer.messageId)!;
    t.deepEqual(master.user.buttons(message.messageId), [], 'no button on a closed offer');
    t.is(message.edits, 1, 'edited once');
  }
  await h.bot.idle();
  const states = await h.env.db('order_offers').where({ order_id: order.id }).select('state', 'shown_closed_at');
  t.is(states.filter((s) => s.state === 'accepted').length, 1);
  t.is(states.filter((s) => s.state === 'closed' && s.shown_closed_at !== null).length, 49);
  if (process.env.SHOW_CHAT) console.log(`${transcript(winner.master.user)}\n---\n${transcript(losers[0]!.master.user)}`);
});

test('an order cancelled during the search: every open offer is closed in the chats', async (t) => {
  const h = await startBotHarness(t, { fake: { requireStart: false }, settings: { waveSize: 5 } });
  const masters = await Promise.all(Array.from({ length: 5 }, () => h.master()));
  const order = await buildOrder(h.env.db, { tenant: h.tenant, status: 'confirmed' });
  await dispatch(h, order.id);
  t.true(await waitFor(() => masters.every((m) => offersIn(m.user, order.number).length === 1), 8000));
  const cancelled = await h.manager.post(`/api/orders/${order.id}/cancel`, { reason: 'Клиент передумал' });
  t.is(cancelled.status, 200, JSON.stringify(cancelled.body));
  t.true(await waitFor(() => masters.every((m) => m.user.messages().at(-1)?.text?.startsWith('🔒 Заявка закрыта')), 8000));
  t.true(masters.every((m) => m.user.buttons().length === 0));
});


test('every wave out and nobody accepted: the "no taker" job is due at the tenant\'s limit and flags the order', async (t) => {
  // Timers as the embedded start uses them, except that the no-taker check runs at once
  // instead of after the tenant's minute: what it is scheduled for is recorded and checked.
  const scheduled: { name: JobName; runAt: Date }[] = [];
  const jobs = new (class extends TimerQueue {
    override async schedule<N extends JobName>(name: N, data: JobPayloads[N], runAt: Date): Promise<void> {
      scheduled.push({ name, runAt });
      return super.schedule(name, data, name === 'offers-no-taker' ? new Date() : runAt);
    }
  })();
  const h = await startBotHarness(t, { fake: { requireStart: false }, settings: { waveSize: 2, waveDelaySeconds: 1, noTakerAfterMinutes: 1 }, bot: { jobs } });
  const masters = await Promise.all(Array.from({ length: 2 }, () => h.master()));
  const order = await buildOrder(h.env.db, { tenant: h.tenant, status: 'confirmed' });
  const dispatched = await dispatch(h, order.id);
  t.true(await waitFor(() => masters.every((m) => offersIn(m.user, order.number).length === 1), 8000));
  t.true(await waitFor(async () => (await h.env.db('orders').where({ id: order.id }).first()).no_taker_reason === 'nobody_accepted', 8000));
  const noTaker = scheduled.find((job) => job.name === 'offers-no-taker')!;
  t.is(noTaker.runAt.getTime(), Date.parse(dispatched.statusChangedAt) + 60_000, 'due one minute after the dispatch');
  t.deepEqual(scheduled.map((job) => job.name), ['offers-next-wave', 'offers-no-taker']);
  t.true(masters.every((m) => m.user.buttons().length === 1), 'the offers stay open: someone may still take it');
});

test('the winner gets the street with the house and flat, when the address holds only «д. 5, кв. 12»', async (t) => {
  const h = await startBotHarness(t, { fake: { requireStart: false } });
  const master = await h.master();
  const order = await buildOrder(h.env.db, { tenant: h.tenant, status: 'confirmed', street: 'ул. Ленина', address: 'д. 5, кв. 12' });
  await dispatch(h, order.id);
  t.true(await waitFor(() => offersIn(master.user, order.number).length === 1, 8000));
  const [offer] = offersIn(master.user, order.number);
  t.regex(offer!.text!, /\n📍 ул\. Ленина\n/, 'the offer shows the street only');
  t.notRegex(offer!.text!, /д\. 5|кв\. 12/);
  const tap = master.user.tap(offer!.messageId, master.user.buttons(offer!.messageId)[0]!.data!);
  t.like(await master.user.waitForAnswer(tap), { text: 'Заказ ваш!' });
  const card = await master.user.waitFor((message) => message.messageId === offer!.messageId && (message.text ?? '').includes('Мария Клиентова'));
  t.regex(card.text!, /\n📍 ул\. Ленина, д\. 5, кв\. 12\n/);
});
