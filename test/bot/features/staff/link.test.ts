import test from 'ava';
import { buildUser } from '../../../support/factories.ts';
import { buildCustomer } from '../../../support/customers.ts';
import { buildBonusEntry } from '../../../support/customers.ts';
import { waitFor } from '../../../support/wait.ts';
import { nextMessage, startBotHarness, transcript } from '../../harness.ts';
import { botTexts, linkedStaff } from './support.ts';

test('a manager links his Telegram with the code from his profile; the bot then treats him as staff, not as a master', async (t) => {
  const h = await startBotHarness(t);
  const anna = await h.env.as(await buildUser(h.env.db, { tenant: h.tenant }));
  t.like((await anna.get('/api/profile/telegram')).body, { telegram: { linked: false }, alerts: { reminders: true, newOrders: true, noTaker: true, masterMessages: true, dayPlan: true }, bot: 'sandbox_bot' });

  const issued = await anna.post('/api/profile/telegram', {});
  t.is(issued.status, 201);
  t.regex(issued.body.code, /^[\w-]{16}$/);
  t.is(issued.body.link, `https://t.me/sandbox_bot?start=staff_${issued.body.code}`);

  const user = h.user(770_001, 'Анна');
  user.sendCommand('/start', `staff_${issued.body.code}`);
  t.regex((await user.waitForMessage('Готово')).text!, /^Готово, Тест Менеджер: этот Telegram привязан к «/);
  const profile = (await anna.get('/api/profile/telegram')).body;
  t.like(profile, { telegram: { linked: true } });

  // Not a master: /start and any text get the staff's hello, never the masters' registration.
  let reply = nextMessage(user, 'вы сотрудник');
  user.sendCommand('/start');
  await reply;
  reply = nextMessage(user, 'вы сотрудник');
  user.sendText('Привет');
  await reply;
  t.false(botTexts(user).some((text) => text.includes('Регистрация')));
  t.is(await h.env.db('masters').where({ tenant_id: h.tenant.id, telegram_user_id: 770_001 }).first(), undefined);

  // The code was used up; a stranger's guess and another company's code are refused in words.
  const stranger = h.user(770_002, 'Чужой');
  reply = nextMessage(stranger, 'Код не подошёл');
  stranger.sendCommand('/start', `staff_${issued.body.code}`);
  await reply;
  const other = await h.env.as(await buildUser(h.env.db));
  const foreign = await other.post('/api/profile/telegram', {});
  reply = nextMessage(stranger, 'Код не подошёл');
  stranger.sendCommand('/start', `staff_${foreign.body.code}`);
  await reply;
  t.is(await h.env.db('users').where({ telegram_user_id: 770_002 }).first(), undefined);

  // Unlinked: he is a stranger to the bot again.
  t.is((await anna.request('DELETE', '/api/profile/telegram')).status, 204);
  t.like((await anna.get('/api/profile/telegram')).body, { telegram: { linked: false } });
  reply = nextMessage(user, 'Регистрация');
  user.sendCommand('/start');
  await reply;
  if (process.env.SHOW_CHAT) console.log(transcript(user));
});

test('a registered master cannot link his own Telegram as staff', async (t) => {
  const h = await startBotHarness(t);
  const { user } = await h.master();
  const code = (await h.manager.post('/api/profile/telegram', {})).body.code;
  const reply = nextMessage(user, 'уже зарегистрирован как мастер');
  user.sendCommand('/start', `staff_${code}`);
  await reply;
  t.like((await h.manager.get('/api/profile/telegram')).body, { telegram: { linked: false } });
});

test('/balance answers staff with the customer’s points, the phone in any format; a master gets no balance', async (t) => {
  const h = await startBotHarness(t);
  const { user } = await linkedStaff(h);
  const customer = await buildCustomer(h.env, h.tenant, { name: 'Ольга Цветкова', phone: '+79165551234' });
  await buildBonusEntry(h.env.db, h.tenant, customer.id, { kind: 'welcome', points: 350 });
  await buildBonusEntry(h.env.db, h.tenant, customer.id, { kind: 'spend', points: -50 });

  let reply = nextMessage(user, 'Бонусов');
  user.sendCommand('/balance', '8 (916) 555-12-34');
  t.is((await reply).text, 'Ольга Цветкова, +7 916 555-12-34\nБонусов: 300 (300 ₽ можно списать с заказа в пределах лимита).');
  reply = nextMessage(user, 'нет в базе');
  user.sendCommand('/balance', '+7 999 000-00-00');
  t.is((await reply).text, 'Клиента с номером +7 999 000-00-00 нет в базе.');
  reply = nextMessage(user, 'не похоже на номер');
  user.sendCommand('/balance', 'Ольга');
  await reply;
  reply = nextMessage(user, 'Напишите телефон клиента');
  user.sendCommand('/balance');
  await reply;

  // A master asking gets his own answers, not the customer's points.
  const master = await h.master();
  master.user.sendCommand('/balance', '+79165551234');
  await h.bot.idle();
  t.true(await waitFor(() => master.user.messages().some((message) => message.from === 'bot')));
  t.false(botTexts(master.user).some((text) => text.includes('Бонусов')));
  if (process.env.SHOW_CHAT) console.log(transcript(user));
});
