import test from 'ava';
import { buildOrder, buildUser } from '../../support/factories.ts';
import { waitFor } from '../../support/wait.ts';
import { dispatch, offersIn, startBotHarness } from '../harness.ts';

// One clock: the bot shows dates on the company's clock (Настройки), and follows a change of it.

test.serial("the offer's time is on the company's clock, and follows a change of the company's time zone", async (t) => {
  const h = await startBotHarness(t, { fake: { requireStart: false }, settings: { timezone: 'Asia/Novosibirsk' } });
  const master = await h.master();
  const owner = await h.env.as(await buildUser(h.env.db, { tenant: h.tenant, role: 'owner' }));
  const plannedAt = '2026-12-05T11:30:00.000Z'; // 18:30 in Novosibirsk, 14:30 in Moscow

  const first = await buildOrder(h.env.db, { tenant: h.tenant, status: 'confirmed' });
  await h.env.db('orders').where({ id: first.id }).update({ planned_at: plannedAt });
  await dispatch(h, first.id);
  t.true(await waitFor(() => offersIn(master.user, first.number).length === 1, 8000));
  t.regex(offersIn(master.user, first.number)[0]!.text ?? '', /18:30/);

  t.is((await owner.patch('/api/settings', { timezone: 'Europe/Moscow' })).status, 200);
  const second = await buildOrder(h.env.db, { tenant: h.tenant, status: 'confirmed' });
  await h.env.db('orders').where({ id: second.id }).update({ planned_at: plannedAt });
  await h.bot.idle();
  await dispatch(h, second.id);
  t.true(await waitFor(() => offersIn(master.user, second.number).length === 1, 8000));
  const text = offersIn(master.user, second.number)[0]!.text ?? '';
  t.regex(text, /14:30/);
  t.notRegex(text, /18:30/);
});
