import { randomUUID } from 'node:crypto';
import test from 'ava';
import { buildOrder } from '../../../support/factories.ts';
import { waitFor } from '../../../support/wait.ts';
import { buildWebsiteChannel, call } from '../../../server/public/support.ts';
import { dispatch, nextMessage, offersIn, startBotHarness, transcript } from '../../harness.ts';
import { dayIn } from '../../../../shared/time.ts';
import { BOARD, botTexts, linkedStaff } from './support.ts';

test('a website order and an order nobody can take reach the staff who want them; staff get no offers', async (t) => {
  const h = await startBotHarness(t, { fake: { requireStart: false }, web: { PUBLIC_URL: BOARD } });
  const anna = await linkedStaff(h, 'manager', 'Анна');
  const boris = await linkedStaff(h, 'manager', 'Борис');
  await boris.api.patch('/api/profile/alerts', { newOrders: false, noTaker: false });
  const master = await h.master();
  const website = await buildWebsiteChannel(h.env.db, h.tenant.id);
  const channel = await h.env.db('channels').where({ id: website.id }).first('name');

  const told = nextMessage(anna.user, '🆕');
  const site = await call(h.env.web.url, 'POST', '/api/public/orders', {
    headers: { 'x-api-key': website.apiKey, 'idempotency-key': randomUUID() },
    body: { city: 'moskva', kind: 'santehnika', name: 'Мария Ковалёва', phone: '89165551234', street: 'ул. Ленина, 5', description: 'Течёт кран на кухне' },
  });
  t.is(site.status, 201);
  const order = await h.env.db('orders').where({ tenant_id: h.tenant.id, number: site.body.order.number }).first('id', 'number');
  t.is(
    (await told).text,
    `🆕 Новый заказ №${order.number} (${channel.name})\nСантехника, Москва, ул. Ленина, 5\nКогда: не указано\nКлиент: Мария Ковалёва, +7 916 555-12-34\nТечёт кран на кухне\nОткрыть на доске: ${BOARD}/orders/${order.id}`,
  );

  // A phone order typed on the board is no news to the staff.
  const typed = await h.manager.post('/api/orders', { cityId: h.tenant.cityId, kindId: h.tenant.kindId, channelId: h.tenant.channelId, customer: { name: 'Пётр', phone: '+79160000001' }, street: 'ул. Мира', price: 200_000 });
  t.is(typed.status, 201);

  // Dispatched: the master gets the offer, the staff do not.
  const offered = nextMessage(master.user, `заказ №${order.number}`);
  await dispatch(h, order.id);
  await offered;
  await h.bot.idle();
  t.true(offersIn(master.user, order.number).length > 0);
  t.false(anna.user.messages().some((message) => JSON.stringify(message.replyMarkup ?? {}).includes('Принять')), 'no offer, no «Принять»');

  // With the only master off shift, the next order is flagged at once: the staff who want it hear why.
  await h.env.db('masters').where({ id: master.id }).update({ on_shift: false });
  const lonely = await buildOrder(h.env.db, { tenant: h.tenant });
  const flagged = nextMessage(anna.user, '⚠️');
  await dispatch(h, lonely.id);
  t.is((await flagged).text, `⚠️ Заказ №${lonely.number} без исполнителя: нет подходящих мастеров на смене.\nСантехника, Москва, ул. Тверская, д. 7, кв. 12\nОткрыть на доске: ${BOARD}/orders/${lonely.id}`);
  await h.bot.idle();

  t.is(botTexts(anna.user).filter((text) => text.startsWith('🆕')).length, 1, 'the board’s own order told nobody');
  t.deepEqual(botTexts(boris.user).filter((text) => /^(🆕|⚠️)/.test(text)), [], 'his switches are off');
  if (process.env.SHOW_CHAT) console.log(transcript(anna.user));
});

test('a master’s line nobody reads reaches the staff; one a manager read in time does not', async (t) => {
  const h = await startBotHarness(t, { web: { PUBLIC_URL: BOARD }, bot: { staffAlerts: { unreadGraceMs: 400, intervalMs: 0 } } });
  const anna = await linkedStaff(h);
  const boris = await linkedStaff(h, 'manager', 'Борис');
  await boris.api.patch('/api/profile/alerts', { masterMessages: false });
  const master = await h.master({ name: 'Иван Петров' });

  const told = nextMessage(anna.user, '✉️');
  master.user.sendText('Клиент не открывает дверь');
  master.user.sendText('Жду у подъезда');
  t.is((await told).text, `✉️ Мастер Иван Петров написал, а чат никто не открыл:\n«Клиент не открывает дверь»\n«Жду у подъезда»\nОтветить: ${BOARD}/masters/${master.id}`);

  // The manager has the chat open: the line is read before the grace ends, nobody is told.
  master.user.sendText('Всё, открыли');
  t.true(await waitFor(async () => (await h.env.db('chat_messages').where({ master_id: master.id })).length === 3));
  const last = await h.env.db('chat_messages').where({ master_id: master.id }).orderBy('id', 'desc').first('id');
  t.is((await h.manager.post(`/api/masters/${master.id}/messages/read`, { upTo: last.id })).status, 200);
  await new Promise((resolve) => setTimeout(resolve, 1200));
  await h.bot.idle();
  t.is(botTexts(anna.user).filter((text) => text.startsWith('✉️')).length, 1);
  t.deepEqual(botTexts(boris.user).filter((text) => text.startsWith('✉️')), []);
});

test('a master’s line written just before the bot restarts still reaches the staff, once, when its grace ends', async (t) => {
  const grace = 2500;
  const h = await startBotHarness(t, { web: { PUBLIC_URL: BOARD }, bot: { staffAlerts: { unreadGraceMs: grace, intervalMs: 0 } } });
  const anna = await linkedStaff(h);
  const master = await h.master({ name: 'Иван Петров' });
  master.user.sendText('Клиент не открывает дверь');
  t.true(await waitFor(async () => (await h.env.db('chat_messages').where({ master_id: master.id, direction: 'in' })).length === 1));
  await h.bot.idle(); // its check is scheduled: in pg-boss it outlives the process, a timer does not
  const restartedAt = Date.now();
  const told = nextMessage(anna.user, '✉️');
  await h.restartBot();
  t.true(Date.now() - restartedAt < grace, 'the bot was back inside the grace');
  t.regex((await told).text ?? '', /«Клиент не открывает дверь»/);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await h.bot.idle();
  t.is(botTexts(anna.user).filter((text) => text.startsWith('✉️')).length, 1);
});

test('at closing hour the owner hears once that the day’s commission is below the plan, with the figures; managers never', async (t) => {
  const today = dayIn('Europe/Moscow');
  const at = (hour: number, minute: number) => new Date(`${today}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+03:00`);
  let now = at(19, 50);
  const h = await startBotHarness(t, { settings: { staffAlerts: { reminderDays: [], morningHour: 9, dayPlan: { commission: 500_000, closingHour: 20 } } }, bot: { staffAlerts: { clock: () => now, intervalMs: 0 } } });
  const owner = await linkedStaff(h, 'owner', 'Олег');
  const anna = await linkedStaff(h, 'manager', 'Анна');
  const { id: masterId } = await h.master();
  const done = await buildOrder(h.env.db, { tenant: h.tenant, status: 'done', commission: 120_000, masterId });
  t.is((await h.manager.post(`/api/orders/${done.id}/mark-paid`, { method: 'cash' })).status, 200);

  await h.bot.staffSchedule.tick();
  t.false(botTexts(owner.user).some((text) => text.startsWith('📉')), 'not before the closing hour');
  for (const minute of [0, 30, 59]) {
    now = at(20, minute);
    await h.bot.staffSchedule.tick();
  }
  const notes = botTexts(owner.user).filter((text) => text.startsWith('📉'));
  t.is(notes.length, 1);
  t.regex(notes[0]!, /^📉 План дня не выполнен \(\d+ декабря\)\nКомиссия: 1\s200\s₽ из 5\s000\s₽ — 24%\nНе хватает: 3\s800\s₽\nВыполнено заказов: \d+$/u);
  t.false(botTexts(anna.user).some((text) => text.startsWith('📉')), 'the day plan is the owner’s');
  t.is((await h.env.db('staff_day_plans').where({ tenant_id: h.tenant.id })).length, 1);
  if (process.env.SHOW_CHAT) console.log(transcript(owner.user));
});

test('a day at or above the plan tells the owner nothing, then or later that day', async (t) => {
  const today = dayIn('Europe/Moscow');
  let now = new Date(`${today}T20:15:00+03:00`);
  const h = await startBotHarness(t, { settings: { staffAlerts: { reminderDays: [], morningHour: 9, dayPlan: { commission: 100_000, closingHour: 20 } } }, bot: { staffAlerts: { clock: () => now, intervalMs: 0 } } });
  const owner = await linkedStaff(h, 'owner', 'Олег');
  const { id: masterId } = await h.master();
  const done = await buildOrder(h.env.db, { tenant: h.tenant, status: 'done', commission: 120_000, masterId });
  t.is((await h.manager.post(`/api/orders/${done.id}/mark-paid`, { method: 'cash' })).status, 200);
  await h.bot.staffSchedule.tick();
  t.false(botTexts(owner.user).some((text) => text.startsWith('📉')));
  t.like(await h.env.db('staff_day_plans').where({ tenant_id: h.tenant.id }).first(), { commission: 120_000, plan: 100_000 }, 'the day is checked');
  // Later that evening the day falls short of a raised plan: the day was checked, so nothing is said.
  t.is((await owner.api.patch('/api/settings', { staffAlerts: { dayPlan: { commission: 500_000 } } })).status, 200);
  now = new Date(`${today}T22:40:00+03:00`);
  await h.bot.staffSchedule.tick();
  t.false(botTexts(owner.user).some((text) => text.startsWith('📉')));
});

test('a bot that was down through the whole closing hour tells the owner when it is back that evening, once', async (t) => {
  const today = dayIn('Europe/Moscow');
  let now = new Date(`${today}T19:50:00+03:00`);
  const h = await startBotHarness(t, { settings: { staffAlerts: { reminderDays: [], morningHour: 9, dayPlan: { commission: 500_000, closingHour: 20 } } }, bot: { staffAlerts: { clock: () => now, intervalMs: 0 } } });
  const owner = await linkedStaff(h, 'owner', 'Олег');
  await h.bot.staffSchedule.tick();
  now = new Date(`${today}T21:10:00+03:00`); // no tick between: the bot was down
  await h.bot.staffSchedule.tick();
  now = new Date(`${today}T21:11:00+03:00`);
  await h.bot.staffSchedule.tick();
  const notes = botTexts(owner.user).filter((text) => text.startsWith('📉'));
  t.is(notes.length, 1);
  t.regex(notes[0]!, /Комиссия: 0\s₽ из 5\s000\s₽ — 0%/u);
});

test('a request from the form on the company’s site reaches the staff, with the preferred time', async (t) => {
  const h = await startBotHarness(t, { settings: { timezone: 'Europe/Moscow' }, web: { PUBLIC_URL: BOARD } });
  const anna = await linkedStaff(h);
  const told = nextMessage(anna.user, '🆕');
  const answer = await h.env.client().request('POST', `/p/${h.tenant.slug}/order`, {
    name: 'Анна Соколова',
    phone: '8 (916) 555-12-34',
    address: 'ул. Ленина, д. 5, кв. 3',
    kind: 'santehnika',
    comment: 'Забрать пальто в химчистку',
    preferredTime: '2026-12-15T14:00',
  });
  t.is(answer.status, 201);
  const text = (await told).text!;
  t.true(text.startsWith(`🆕 Новый заказ №${answer.body.order.number} (Форма на сайте)\nСантехника, Москва, `), text);
  t.true(text.includes('Когда: 15 декабря в 14:00'), text);
  t.true(text.includes('Клиент: Анна Соколова, +7 916 555-12-34'), text);
  t.true(text.includes('Забрать пальто в химчистку'), text);
  t.true(text.includes(`${BOARD}/orders/`), text);
  if (process.env.SHOW_CHAT) console.log(text);
});

test('a staff member who blocked the bot is skipped; the others still hear', async (t) => {
  const h = await startBotHarness(t, { fake: { requireStart: false } });
  const anna = await linkedStaff(h, 'manager', 'Анна');
  const boris = await linkedStaff(h, 'manager', 'Борис');
  anna.user.block();
  const website = await buildWebsiteChannel(h.env.db, h.tenant.id);
  const told = nextMessage(boris.user, '🆕');
  const site = await call(h.env.web.url, 'POST', '/api/public/orders', {
    headers: { 'x-api-key': website.apiKey, 'idempotency-key': randomUUID() },
    body: { city: 'moskva', kind: 'santehnika', name: 'Мария', phone: '89165550000' },
  });
  t.is(site.status, 201);
  t.regex((await told).text!, /^🆕 Новый заказ №\d+ \(/);
  await h.bot.idle();
  t.false(botTexts(anna.user).some((text) => text.startsWith('🆕')));
});
