import test from 'ava';
import { buildOrder } from '../support/factories.ts';
import { waitFor } from '../support/wait.ts';
import { dispatch, offersIn, startBotHarness } from './harness.ts';

const MASTERS = 60;

test('stop() mid-wave ends the sends under way before it resolves, leaves the queued ones pending, and the next start sends those once', async (t) => {
  const h = await startBotHarness(t, { fake: { requireStart: false }, settings: { waveSize: MASTERS } });
  const { db } = h.env;
  const masters = await Promise.all(Array.from({ length: MASTERS }, () => h.master()));
  const order = await buildOrder(db, { tenant: h.tenant, status: 'confirmed' });
  await dispatch(h, order.id);
  const delivered = () => masters.filter((m) => offersIn(m.user, order.number).length > 0).length;
  // Telegram's ~30 a second: the wave takes two seconds, so stopping now catches it in the middle.
  t.true(await waitFor(() => delivered() >= 3, 8000));
  await h.bot.stop();

  // Every message in the chats is recorded as sent, at the moment stop() resolves: no send was still on its way.
  const rows = await db('order_offers').where({ order_id: order.id });
  const sent = rows.filter((row) => row.state === 'sent');
  t.is(sent.length, delivered(), 'every offer in a chat is marked sent');
  t.true(sent.every((row) => row.message_id !== null));
  const pending = rows.filter((row) => row.state === 'pending');
  t.true(pending.length > 0, `stopped mid-wave (${sent.length} of ${MASTERS} sent)`);
  t.true(pending.every((row) => row.message_id === null), 'the queued offers wait in the database');
  t.is(sent.length + pending.length, MASTERS);

  await h.restartBot();
  t.true(await waitFor(() => delivered() === MASTERS, 15_000), 'the next start sends the rest');
  await h.bot.idle();
  t.true(masters.every((m) => offersIn(m.user, order.number).length === 1), 'exactly one offer each');
});
