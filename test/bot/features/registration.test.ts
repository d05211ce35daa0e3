import test from 'ava';
import { nextMessage, startBotHarness, transcript } from '../harness.ts';
import { buildCity, buildKind } from '../../support/factories.ts';

test('a full registration with a step back and a restart mid-way, then approval and blocking', async (t) => {
  const h = await startBotHarness(t);
  const kazan = (await buildCity(h.env.db, h.tenant, { position: 1 })).id;
  const electrics = (await buildKind(h.env.db, h.tenant, { position: 1 })).id;
  const ivan = h.user(910_001, 'Иван');

  let reply = nextMessage(ivan, 'Регистрация займёт минуту');
  ivan.sendCommand('/start');
  await reply;
  reply = nextMessage(ivan, 'Шаг 1 из 6');
  ivan.tapButton('📝 Регистрация');
  t.regex((await reply).text!, /https:\/\/example\.com\/policy/);
  reply = nextMessage(ivan, 'Шаг 2 из 6');
  ivan.tapButton('✅ Согласен');
  await reply;
  t.like(ivan.findButton('📱 Отправить номер'), { requestContact: true });

  // A step back, and forward again.
  reply = nextMessage(ivan, 'Шаг 1 из 6');
  ivan.sendText('« Назад');
  await reply;
  reply = nextMessage(ivan, 'Шаг 2 из 6');
  ivan.tapButton('✅ Согласен');
  await reply;

  reply = nextMessage(ivan, 'Шаг 3 из 6');
  ivan.sendContact('8 (916) 123-45-67');
  await reply;
  t.truthy(ivan.messages().find((message) => message.text === 'Номер +79161234567 записан.'));

  // The bot restarts mid-way: the session is in the database, the form goes on.
  await h.restartBot();
  reply = nextMessage(ivan, 'Шаг 4 из 6');
  ivan.sendText('Иванов  Иван Иванович');
  await reply;
  reply = nextMessage(ivan, 'Шаг 5 из 6');
  ivan.sendText('4510 123456');
  await reply;
  t.deepEqual(
    ivan.buttons().map((button) => button.text),
    ['Москва', 'Казань', '« Назад'],
  );
  reply = nextMessage(ivan, 'Шаг 6 из 6');
  ivan.tapButton('Казань');
  const kinds = await reply;
  ivan.tap(kinds.messageId, ivan.buttons(kinds.messageId).find((button) => button.text === 'Электрика')!.data!);
  await ivan.waitFor((message) => message.messageId === kinds.messageId && ivan.buttons(kinds.messageId).some((button) => button.text === '✓ Электрика'));
  reply = nextMessage(ivan, 'на модерацию');
  ivan.tapButton('Готово');
  t.regex((await reply).text!, /Спасибо, Иванов Иван Иванович!/);

  const master = await h.env.db('masters').where({ tenant_id: h.tenant.id, telegram_user_id: 910_001 }).first();
  t.like(master, { name: 'Иванов Иван Иванович', phone: '+79161234567', passport: '4510 123456', status: 'pending', source: 'bot', on_shift: false });
  t.deepEqual(await h.env.db('master_cities').where({ master_id: master.id }).pluck('city_id'), [kazan]);
  t.deepEqual(await h.env.db('master_kinds').where({ master_id: master.id }).pluck('kind_id'), [electrics]);

  // Pending: the bot says so.
  reply = nextMessage(ivan, 'на модерации');
  ivan.sendText('Когда будут заказы?');
  await reply;

  // A manager approves: the master hears it and goes on shift with one tap.
  reply = nextMessage(ivan, 'Анкета одобрена');
  const approved = await h.manager.post(`/api/masters/${master.id}/approve`);
  t.is(approved.status, 200);
  t.like(approved.body.master, { id: master.id, status: 'approved', passport: null }, 'the passport is for owners only');
  await reply;
  reply = nextMessage(ivan, 'Вы на смене');
  ivan.tapButton('🟢 Выйти на смену');
  await reply;
  t.true((await h.env.db('masters').where({ id: master.id }).first('on_shift')).on_shift);
  t.true(ivan.keyboard().some((button) => button.text === '🟢 На смене'));

  // Blocked with a reason: told, and the menu goes away.
  reply = nextMessage(ivan, 'Доступ к заказам закрыт');
  const blocked = await h.manager.post(`/api/masters/${master.id}/block`, { reason: 'Жалобы клиентов' });
  t.is(blocked.status, 200);
  t.regex((await reply).text!, /Причина: Жалобы клиентов/);
  t.deepEqual(ivan.keyboard(), []);
  t.like(await h.env.db('masters').where({ id: master.id }).first(), { status: 'blocked', block_reason: 'Жалобы клиентов', on_shift: false });

  const events = await h.env.db('order_events').where({ tenant_id: h.tenant.id }).whereIn('type', ['masters.registered', 'masters.approved', 'masters.blocked']).orderBy('seq').pluck('type');
  t.deepEqual(events, ['masters.registered', 'masters.approved', 'masters.blocked']);
  if (process.env.SHOW_CHAT) console.log(transcript(ivan));
});
