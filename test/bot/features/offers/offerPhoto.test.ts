import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import test from 'ava';
import { buildOrder } from '../../../support/factories.ts';
import { waitFor } from '../../../support/wait.ts';
import { dispatch, offersIn, startBotHarness } from '../../harness.ts';

// Offers of an order that has its own photo: sent as the photo with the caption, or, when
// Telegram will not take the photo, as the text offer.

test('an order with its own photo is offered as a photo with the caption; the loser’s caption becomes «Заявка закрыта»', async (t) => {
  const h = await startBotHarness(t, { fake: { requireStart: false } });
  const [first, second] = [await h.master({ rating: 2 }), await h.master({ rating: 1 })];
  const order = await buildOrder(h.env.db, { tenant: h.tenant, status: 'confirmed' });
  await mkdir(join(h.env.config.STORAGE_DIR, 'intake'), { recursive: true });
  await writeFile(join(h.env.config.STORAGE_DIR, 'intake/leak.jpg'), new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 7, 7, 0xff, 0xd9]));
  await h.env.db('order_photos').insert({ tenant_id: h.tenant.id, order_id: order.id, master_id: null, file_path: 'intake/leak.jpg' });
  await dispatch(h, order.id);
  t.true(await waitFor(() => [first, second].every((m) => offersIn(m.user, order.number).length === 1), 8000));
  const offer = offersIn(first.user, order.number)[0]!;
  t.truthy(offer.photo, 'a photo message');
  t.regex(offer.caption!, /Новый заказ/);
  t.deepEqual(Array.from(h.tg.file(offer.photo!.at(-1)!)!.bytes), [0xff, 0xd8, 0xff, 0xe0, 7, 7, 0xff, 0xd9]);
  t.is(h.tg.calls.filter((call) => call.method === 'sendPhoto').length, 2);

  first.user.tap(offer.messageId, first.user.buttons(offer.messageId)[0]!.data!);
  await first.user.waitFor((message) => message.messageId === offer.messageId && (message.caption ?? '').includes('Мария Клиентова'));
  await second.user.waitFor((message) => (message.caption ?? '').startsWith('🔒 Заявка закрыта'));
  t.deepEqual(second.user.buttons(), []);
});

test('a photo Telegram refuses, or whose file is gone, does not hold the offer back: the text offer goes out once and can be taken', async (t) => {
  const h = await startBotHarness(t, { fake: { requireStart: false } });
  const masters = [await h.master({ rating: 3 }), await h.master({ rating: 2 }), await h.master({ rating: 1 })];
  const refused = await buildOrder(h.env.db, { tenant: h.tenant, status: 'confirmed' });
  const missing = await buildOrder(h.env.db, { tenant: h.tenant, status: 'confirmed' });
  await mkdir(join(h.env.config.STORAGE_DIR, 'intake'), { recursive: true });
  await writeFile(join(h.env.config.STORAGE_DIR, 'intake/broken.jpg'), new Uint8Array([0xff, 0xd8, 0x00, 0xff, 0xd9]));
  await h.env.db('order_photos').insert([
    { tenant_id: h.tenant.id, order_id: refused.id, master_id: null, file_path: 'intake/broken.jpg' },
    { tenant_id: h.tenant.id, order_id: missing.id, master_id: null, file_path: 'intake/gone.jpg' },
  ]);
  h.tg.refuse('sendPhoto', 400, 'Bad Request: IMAGE_PROCESS_FAILED');
  await dispatch(h, refused.id);
  await dispatch(h, missing.id);
  const delivered = () => masters.every((m) => offersIn(m.user, refused.number).length === 1 && offersIn(m.user, missing.number).length === 1);
  t.true(await waitFor(delivered, 8000), 'every master has both offers');
  await h.bot.idle();

  for (const m of masters) {
    for (const order of [refused, missing]) {
      const [offer] = offersIn(m.user, order.number);
      t.is(offer!.photo, undefined, 'a text offer');
      t.regex(offer!.text!, new RegExp(`^🆕 Новый заказ №${order.number}\\n`));
      t.deepEqual(m.user.buttons(offer!.messageId).map((button) => button.text), ['✅ Принять заявку']);
    }
  }
  const rows = await h.env.db('order_offers').whereIn('order_id', [refused.id, missing.id]);
  t.is(rows.length, 6);
  t.true(rows.every((row) => row.state === 'sent' && row.message_id !== null), 'all sent: nothing left for the sweep to retry');
  const photoCalls = (order: { number: number }) => h.tg.calls.filter((call) => call.method === 'sendPhoto' && String(call.payload.caption).includes(`№${order.number}`));
  t.true(photoCalls(refused).length >= 1 && photoCalls(refused).length <= masters.length, `the refused photo tried ${photoCalls(refused).length} times`);
  t.true(photoCalls(refused).every((call) => call.status === 400));
  t.is(photoCalls(missing).length, 0, 'a missing file is not sent at all');

  const offers = masters.map((m) => offersIn(m.user, refused.number)[0]!);
  const tap = masters[0]!.user.tap(offers[0]!.messageId, masters[0]!.user.buttons(offers[0]!.messageId)[0]!.data!);
  t.like(await masters[0]!.user.waitForAnswer(tap), { text: 'Заказ ваш!' });
  await masters[0]!.user.waitFor((message) => message.messageId === offers[0]!.messageId && (message.text ?? '').includes('Мария Клиентова'));
  const losers = masters.slice(1).map((m, index) => ({ m, offer: offers[index + 1]! }));
  await Promise.all(losers.map(({ m, offer }) => m.user.waitFor((message) => message.messageId === offer.messageId && (message.text ?? '').startsWith('🔒 Заявка закрыта'), 8000)));
});
