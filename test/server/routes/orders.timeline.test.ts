// An order's whole history in words, as the drawer shows it: GET /api/orders/:id gives the events
// with who did each (a master by name, also for his payment in the bot) and the old and new values
// of an edit; client/orders/timelineText.ts words them in the board's language.
import test from 'ava';
import { acceptOrder } from '../../../db/offers/acceptOrder.ts';
import { masterActor, systemActor } from '../../../db/core/actor.ts';
import { completeOrder } from '../../../db/orders/completeOrder.ts';
import { offerNextWave } from '../../../db/offers/offerNextWave.ts';
import { recordPayment } from '../../../db/money/recordPayment.ts';
import { rescheduleOrder } from '../../../db/orders/rescheduleOrder.ts';
import { storePhotos } from '../../../db/orders/storePhotos.ts';
import { formatMoney } from '../../../shared/money.ts';
import type { OrderDTO, OrderEventDTO } from '../../../shared/types.ts';
import { i18nFor } from '../../../client/i18n/index.ts';
import { describeEvent, actorName } from '../../../client/orders/timelineText.ts';
import { buildCity, buildMaster, buildTenant, buildUser } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

test('every event of an order in words, with who did it and the values an edit changed', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const master = await buildMaster(env.db, { tenant, name: 'Иван Петров' });
  const tula = await buildCity(env.db, tenant, { name: 'Тула', slug: 'tula', position: 1 });
  const created = await manager.post('/api/orders', {
    cityId: tenant.cityId,
    kindId: tenant.kindId,
    channelId: tenant.channelId,
    customer: { name: 'Мария', phone: '+79161234567' },
    street: 'ул. Тверская',
    price: 420_000,
  });
  let order: OrderDTO = created.body.order;
  const edit = async (body: Record<string, unknown>) => {
    const answer = await manager.patch(`/api/orders/${order.id}`, { version: order.version, ...body });
    t.is(answer.status, 200, JSON.stringify(answer.body));
    order = answer.body.order;
  };
  await edit({ price: 480_000, street: 'ул. Ленина', cityId: tula.id });
  await edit({ cityId: tenant.cityId, customer: { name: 'Мария Ковалёва', phone: '+79161234567' } });
  order = (await manager.post(`/api/orders/${order.id}/move`, { to: 'confirmed', version: order.version })).body.order;
  order = (await manager.post(`/api/orders/${order.id}/dispatch`, { version: order.version })).body.order;
  await offerNextWave(env, tenant.id, { orderId: order.id, dispatchedAt: order.statusChangedAt, wave: 1 });
  const worker = masterActor({ id: master.id, tenantId: tenant.id });
  await acceptOrder(env, worker, order.id);
  await rescheduleOrder(env, worker, order.id, { plannedAt: '2026-12-05T14:30:00+03:00' });
  await storePhotos(env, worker, order.id, [
    { path: 'a.jpg', mime: 'image/jpeg', telegramFileId: null },
    { path: 'b.jpg', mime: 'image/jpeg', telegramFileId: null },
  ]);
  await completeOrder(env, worker, order.id);
  await recordPayment(env, systemActor(tenant.id), { orderId: order.id, masterId: master.id, amount: 48_000, currency: 'RUB', telegramChargeId: 'tg-1', providerChargeId: 'pr-1' });

  const { timeline } = (await manager.get(`/api/orders/${order.id}`)).body as { timeline: OrderEventDTO[] };
  const cities = new Map<number, string>([[tenant.cityId, 'Москва'], [tula.id, 'Тула']]);
  const names = { cities, kinds: new Map<number, string>(), channels: new Map<number, string>(), statuses: new Map() };
  const lines = (locale: 'ru' | 'en') => {
    const i18n = i18nFor(locale);
    return timeline.map((event) => `${describeEvent(event, i18n, { names }, (code) => code)} — ${actorName(event.actor, i18n.t)}`);
  };
  const money = (kopecks: number) => formatMoney(kopecks, 'ru');
  const ru = lines('ru');
  t.deepEqual(ru, [
    'Создан — Тест Менеджер',
    `Изменено: Город: Москва → Тула; Улица: ул. Тверская → ул. Ленина; Цена: ${money(420_000)} → ${money(480_000)}; Комиссия: ${money(42_000)} → ${money(48_000)} — Тест Менеджер`,
    'Изменено: Город: Тула → Москва; Клиент: Мария, +79161234567 → Мария Ковалёва, +79161234567 — Тест Менеджер',
    'Перемещён: new → confirmed — Тест Менеджер',
    'Отправлен мастерам — Тест Менеджер',
    'Предложен мастерам, волна 1: Иван Петров — Система',
    'Принят мастером — Иван Петров',
    `Перенесён на ${i18nFor('ru').dateTime('2026-12-05T11:30:00.000Z')} — Иван Петров`,
    'Фото от мастера: 2 — Иван Петров',
    'Выполнен — Иван Петров',
    `Комиссия оплачена: ${money(48_000)} (в Telegram) — Иван Петров`,
  ]);
  t.false(ru.some((line) => /Событие|offers\.|photos\./.test(line)), 'no event left as its code');
  const en = lines('en');
  t.is(en[1], `Changed: City: Москва → Тула; Street: ул. Тверская → ул. Ленина; Price: ${formatMoney(420_000, 'en')} → ${formatMoney(480_000, 'en')}; Commission: ${formatMoney(42_000, 'en')} → ${formatMoney(48_000, 'en')} — Тест Менеджер`);
  t.is(en.at(-1), `Commission paid: ${formatMoney(48_000, 'en')} (in Telegram) — Иван Петров`);
});
