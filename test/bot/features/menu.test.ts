import test from 'ava';
import { buildCity, buildKind, buildOrder } from '../../support/factories.ts';
import { nextMessage, startBotHarness, transcript } from '../harness.ts';

test('the menu: today, my orders by state, the shift switch, a reschedule from a card', async (t) => {
  const h = await startBotHarness(t);
  const { db } = h.env;
  const { id: masterId, user } = await h.master({ name: 'Сергей Смирнов' });
  const today = await buildOrder(db, { tenant: h.tenant, status: 'accepted', masterId, street: 'ул. Арбат', address: 'д. 7, кв. 12' });
  await db('orders').where({ id: today.id }).update({ planned_at: new Date() });
  const tomorrow = await buildOrder(db, { tenant: h.tenant, status: 'accepted', masterId, street: 'ул. Бутырская', address: 'ул. Бутырская, д. 3' });
  await db('orders').where({ id: tomorrow.id }).update({ planned_at: new Date(Date.now() + 2 * 86_400_000) });
  const unpaid = await buildOrder(db, { tenant: h.tenant, status: 'done', masterId });
  await buildOrder(db, { tenant: h.tenant, status: 'paid', masterId });

  let reply = nextMessage(user, 'Главное меню');
  user.sendCommand('/start');
  await reply;
  t.deepEqual(user.keyboard().map((button) => button.text), ['📋 На сегодня', '🗂 Мои заказы', '🟢 На смене', '💰 Комиссия', '👤 Профиль']);

  reply = nextMessage(user, 'Заказы на сегодня');
  user.sendText('📋 На сегодня');
  const list = await reply;
  t.regex(list.text!, new RegExp(`№${today.number} · Сантехника · ул\\. Арбат, д\\. 7, кв\\. 12 · `), 'street, house and flat');
  t.notRegex(list.text!, new RegExp(`№${tomorrow.number} `), 'tomorrow is not today');
  reply = nextMessage(user, `Заказ №${today.number} — в работе`);
  user.tapButton(`Открыть №${today.number}`);
  const card = await reply;
  t.deepEqual(user.buttons(card.messageId).map((button) => button.text), ['🗓 Перенос', '✔️ Выполнено']);

  // «Перенос»: a date typed in plain words, checked, then the order moves.
  reply = nextMessage(user, 'На когда переносим');
  user.tapButton('🗓 Перенос');
  await reply;
  reply = nextMessage(user, 'Не понял дату');
  user.sendText('послезавтра');
  await reply;
  reply = nextMessage(user, 'перенесён на 25 декабря');
  user.sendText('25.12 15:30');
  await reply;
  const moved = await db('orders').where({ id: today.id }).first();
  t.is(moved.status, 'rescheduled');
  t.is(new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', day: 'numeric', month: 'numeric', hour: '2-digit', minute: '2-digit' }).format(moved.planned_at), '25.12, 15:30');

  reply = nextMessage(user, 'Мои заказы');
  user.sendText('🗂 Мои заказы');
  const mine = await reply;
  t.deepEqual(user.buttons(mine.messageId).map((button) => button.text), ['В работе (2)', 'Не оплачены (1)', 'Оплачены (1)']);
  user.tapButton('Не оплачены (1)');
  const unpaidList = await user.waitFor((message) => message.messageId === mine.messageId && (message.text ?? '').startsWith('Выполнены, комиссия не оплачена'));
  t.true(unpaidList.text!.includes(`№${unpaid.number}`));
  t.truthy(user.buttons(mine.messageId).find((button) => button.text.startsWith(`💳 Оплатить №${unpaid.number}`)));

  // Off shift and back: no offers meanwhile, the button says where he is.
  reply = nextMessage(user, 'Вы ушли со смены');
  user.sendText('🟢 На смене');
  await reply;
  t.false((await db('masters').where({ id: masterId }).first()).on_shift);
  t.true(user.keyboard().some((button) => button.text === '⚪ Не на смене'));
  reply = nextMessage(user, 'Вы на смене');
  user.sendText('⚪ Не на смене');
  await reply;
  t.true((await db('masters').where({ id: masterId }).first()).on_shift);
  if (process.env.SHOW_CHAT) console.log(transcript(user));
});

test('the profile: name, phone by contact, city, kinds of work, and English', async (t) => {
  const h = await startBotHarness(t);
  const { db } = h.env;
  const kazan = await buildCity(db, h.tenant, { position: 1 });
  const electric = await buildKind(db, h.tenant, { position: 1 });
  const { id: masterId, user } = await h.master({ name: 'Сергей Смирнов' });

  let reply = nextMessage(user, 'Профиль');
  user.sendText('👤 Профиль');
  const profile = await reply;
  t.regex(profile.text!, /Имя: Сергей Смирнов\nТелефон: \+7 999 \d{3}-\d{2}-\d{2}\nГород: Москва\nВиды работ: Сантехника\nРейтинг: 0\n🟢 На смене/);

  reply = nextMessage(user, 'Напишите новое имя');
  user.tapButton('Имя');
  await reply;
  reply = nextMessage(user, 'Напишите фамилию и имя');
  user.sendText('Серёга');
  await reply;
  reply = nextMessage(user, 'профиль обновлён');
  user.sendText('Смирнов Сергей Петрович');
  await reply;

  reply = nextMessage(user, 'Отправьте новый номер');
  user.tapButton('Телефон');
  await reply;
  reply = nextMessage(user, 'профиль обновлён');
  user.sendContact('+7 903 000-11-22');
  await reply;

  reply = nextMessage(user, 'Выберите город');
  user.tapButton('Город');
  await reply;
  reply = nextMessage(user, 'профиль обновлён');
  user.tapButton('Казань');
  await reply;

  reply = nextMessage(user, 'Отметьте виды работ');
  user.tapButton('Виды работ');
  const kinds = await reply;
  user.tap(kinds.messageId, user.buttons(kinds.messageId).find((button) => button.text === 'Электрика')!.data!);
  await user.waitFor((message) => message.messageId === kinds.messageId && user.buttons(kinds.messageId).some((button) => button.text === '✓ Электрика'));
  reply = nextMessage(user, 'профиль обновлён');
  user.tapButton('Готово');
  await reply;

  const master = await db('masters').where({ id: masterId }).first();
  t.like(master, { name: 'Смирнов Сергей Петрович', phone: '+79030001122' });
  t.deepEqual(await db('master_cities').where({ master_id: masterId }).pluck('city_id'), [kazan.id]);
  t.deepEqual((await db('master_kinds').where({ master_id: masterId }).pluck('kind_id')).sort(), [h.tenant.kindId, electric.id].sort());

  reply = nextMessage(user, 'your profile is updated');
  user.tapButton('English');
  await reply;
  t.deepEqual(user.keyboard().map((button) => button.text), ['📋 Today', '🗂 My orders', '🟢 On shift', '💰 Commission', '👤 Profile']);
  reply = nextMessage(user, 'You owe no commission');
  user.sendText('💰 Commission');
  await reply;
  if (process.env.SHOW_CHAT) console.log(transcript(user));
});
