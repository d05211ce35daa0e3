import test from 'ava';
import { buildTenant, buildUser } from '../../../support/factories.ts';
import { buildCustomer } from '../../../support/customers.ts';
import { startBotHarness, transcript } from '../../harness.ts';
import { BOARD, botTexts, linkedStaff } from './support.ts';

/** A December day of 2026 on the company's clock (Moscow, UTC+3) at this hour. */
const moscow = (day: number, hour: number) => new Date(Date.UTC(2026, 11, day, hour - 3, 5));

test('a customer’s date reaches a linked manager exactly once at each offset, in the company’s morning, across restarts; switches and companies are respected', async (t) => {
  let now = moscow(1, 12);
  const h = await startBotHarness(t, { web: { PUBLIC_URL: BOARD }, bot: { staffAlerts: { clock: () => now, intervalMs: 0 } } });
  const anna = await linkedStaff(h, 'manager', 'Анна');
  const boris = await linkedStaff(h, 'manager', 'Борис');
  t.is((await boris.api.patch('/api/profile/alerts', { reminders: false })).body.alerts.reminders, false);
  const olga = await buildCustomer(h.env, h.tenant, { name: 'Ольга Цветкова', phone: '+79165551234', dates: [{ title: 'День рождения', month: 12, day: 15, year: 1990 }] });

  // Another company with its own staff member, who has the bot's chat open, and a date on the same day.
  const other = await buildTenant(h.env.db);
  const stranger = h.user(990_001, 'Чужой');
  stranger.sendCommand('/start');
  await stranger.waitForMessage('Регистрация');
  const otherManager = await buildUser(h.env.db, { tenant: other });
  await h.env.db('users').where({ id: otherManager.id }).update({ telegram_user_id: 990_001, telegram_chat_id: 990_001, telegram_linked_at: new Date() });
  await buildCustomer(h.env, other, { name: 'Чужая Клиентка', dates: [{ title: 'Годовщина', month: 12, day: 15 }] });

  const reminders = () => botTexts(anna.user).filter((text) => text.startsWith('📅'));
  for (let day = 5; day <= 16; day += 1) {
    for (const hour of [6, 9, 10, 18]) {
      now = moscow(day, hour);
      await h.bot.staffSchedule.tick();
      if (hour === 6) t.is(reminders().length, day <= 8 ? 0 : day <= 12 ? 1 : day <= 14 ? 2 : 3, `nothing before the morning of ${day} December`);
    }
    if (day === 12) await h.restartBot({ staffAlerts: { clock: () => now, intervalMs: 0 } });
  }

  const link = `${BOARD}/customers/${olga.id}`;
  t.deepEqual(reminders(), [
    `📅 Через 7 дней, вторник, 15 декабря: День рождения\nКлиент: Ольга Цветкова, +7 916 555-12-34\nИсполняется 36 лет\nКарточка клиента: ${link}`,
    `📅 Через 3 дня, вторник, 15 декабря: День рождения\nКлиент: Ольга Цветкова, +7 916 555-12-34\nИсполняется 36 лет\nКарточка клиента: ${link}`,
    `📅 Завтра, вторник, 15 декабря: День рождения\nКлиент: Ольга Цветкова, +7 916 555-12-34\nИсполняется 36 лет\nКарточка клиента: ${link}`,
  ]);
  t.deepEqual(
    (await h.env.db('staff_date_reminders').orderBy('offset_days')).map((row) => [row.offset_days, row.year]),
    [
      [1, 2026],
      [3, 2026],
      [7, 2026],
    ],
    'the other company’s date was never claimed: its bot did not run',
  );
  t.deepEqual(botTexts(boris.user).filter((text) => text.startsWith('📅')), [], 'his reminders are off');
  t.false(botTexts(stranger).some((text) => text.includes('📅')), 'another company’s staff get nothing from this bot');
  if (process.env.SHOW_CHAT) console.log(transcript(anna.user));
});

test('the owner changes the reminder days and the morning hour in settings; a manager cannot', async (t) => {
  let now = moscow(10, 8);
  const h = await startBotHarness(t, { bot: { staffAlerts: { clock: () => now, intervalMs: 0 } } });
  const anna = await linkedStaff(h);
  const owner = await h.env.as(await buildUser(h.env.db, { tenant: h.tenant, role: 'owner' }));
  await buildCustomer(h.env, h.tenant, { name: 'Ирина', dates: [{ title: 'День свадьбы', month: 12, day: 12 }] });

  t.is((await h.manager.patch('/api/settings', { staffAlerts: { morningHour: 7 } })).status, 403);
  const saved = await owner.patch('/api/settings', { staffAlerts: { reminderDays: [2, 0, 2], morningHour: 7 } });
  t.is(saved.status, 200);
  t.deepEqual(saved.body.settings.staffAlerts, { reminderDays: [0, 2], morningHour: 7, dayPlan: { commission: 0, closingHour: 20 } });
  t.is((await owner.patch('/api/settings', { staffAlerts: { morningHour: 24 } })).status, 400);
  t.is((await owner.patch('/api/settings', { staffAlerts: { dayPlan: { commission: -1 } } })).status, 400);

  await h.bot.staffSchedule.tick();
  const sent = () => botTexts(anna.user).filter((text) => text.startsWith('📅'));
  t.is(sent().length, 1);
  t.regex(sent()[0]!, /^📅 Через 2 дня, суббота, 12 декабря: День свадьбы\nКлиент: Ирина, \+7 915/);
  now = moscow(12, 7);
  await h.bot.staffSchedule.tick();
  t.is(sent().length, 2);
  t.regex(sent()[1]!, /^📅 Сегодня, суббота, 12 декабря: День свадьбы\nКлиент: Ирина, \+7 915/);
  t.false(sent()[1]!.includes('Карточка'), 'no PUBLIC_URL: no link to a board nobody can open');
});

test('a reminder Telegram failed to take is sent at the next check, once', async (t) => {
  const now = moscow(8, 10);
  const h = await startBotHarness(t, { bot: { staffAlerts: { clock: () => now, intervalMs: 0 } } });
  const anna = await linkedStaff(h);
  await buildCustomer(h.env, h.tenant, { name: 'Ольга', dates: [{ title: 'День рождения', month: 12, day: 15 }] });
  // Telegram's own failure, not the person's block (a 5xx would be retried on the spot by auto-retry).
  h.tg.refuse('sendMessage', 404, 'Not Found', 1);
  await h.bot.staffSchedule.tick();
  t.deepEqual(botTexts(anna.user).filter((text) => text.startsWith('📅')), []);
  t.is((await h.env.db('staff_date_reminders')).length, 0, 'the claim was given back');
  await h.bot.staffSchedule.tick();
  await h.bot.staffSchedule.tick();
  t.is(botTexts(anna.user).filter((text) => text.startsWith('📅')).length, 1);
});
