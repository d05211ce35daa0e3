import test from 'ava';
import { buildOrder, buildUser } from '../../support/factories.ts';
import type { ApiClient } from '../../support/http.ts';
import { buildLoyaltyCompany, newPhone, placeOrder, type LoyaltyCompany } from '../../support/loyalty.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

const english = { 'accept-language': 'en' };

/** A company with the programme on, its staff signed in, and a customer with 350 welcome points and an open order. */
async function company() {
  const loyalty: LoyaltyCompany = await buildLoyaltyCompany(env);
  const { tenant } = loyalty;
  const as = async (role: 'owner' | 'manager' | 'viewer'): Promise<ApiClient> => env.as(await buildUser(env.db, { tenant, role }));
  const order = await placeOrder(env, loyalty, newPhone(), 200_000);
  return { loyalty, order, customerId: order.customer!.id, owner: await as('owner'), manager: await as('manager'), viewer: await as('viewer') };
}

test('every bonus route answers 401 without a session', async (t) => {
  const anonymous = env.client();
  for (const [method, path] of [['GET', '/api/customers/1/bonus'], ['POST', '/api/customers/1/bonus/spend'], ['POST', '/api/customers/1/bonus/correct']] as const) {
    t.is((await anonymous.request(method, path, method === 'GET' ? undefined : {})).status, 401, `${method} ${path}`);
  }
});

test('GET /api/customers/:id/bonus: the balance and the entries for anyone signed in; 404 on every bonus route for another company\'s customer or order, 400 for no id', async (t) => {
  const { customerId, order, viewer } = await company();
  const ledger = await viewer.get(`/api/customers/${customerId}/bonus`);
  t.is(ledger.status, 200);
  t.is(ledger.body.balance, 350);
  t.like(ledger.body.entries, [{ kind: 'welcome', points: 350, orderId: order.id, orderNumber: order.number, reason: '', createdBy: null }]);
  t.deepEqual(Object.keys(ledger.body.entries[0]).sort(), ['createdAt', 'createdBy', 'expiresAt', 'id', 'kind', 'orderId', 'orderNumber', 'points', 'reason']);

  const stranger = await company();
  const foreign = await viewer.get(`/api/customers/${stranger.customerId}/bonus`);
  t.is(foreign.status, 404);
  t.is(foreign.body.error.code, 'not_found');
  t.is((await viewer.get('/api/customers/abc/bonus')).status, 400);
  const ours = await company();
  const foreignCorrection = await ours.owner.post(`/api/customers/${stranger.customerId}/bonus/correct`, { points: 10, reason: 'Чужой клиент' });
  t.is(foreignCorrection.status, 404);
  t.is((await ours.manager.post(`/api/customers/${ours.customerId}/bonus/spend`, { orderId: stranger.order.id, points: 10 })).status, 404, "another company's order");
  t.is((await stranger.owner.get(`/api/customers/${stranger.customerId}/bonus`)).body.balance, 350, 'untouched');
});

test('POST …/bonus/spend: a manager spends, the order costs less; a viewer may not; refusals in Russian and English', async (t) => {
  const { customerId, order, manager, viewer, owner } = await company();
  const spent = await manager.post(`/api/customers/${customerId}/bonus/spend`, { orderId: order.id, points: 100 });
  t.is(spent.status, 200);
  t.like(spent.body, { balance: 250, entry: { kind: 'spend', points: -100, orderId: order.id }, order: { id: order.id, bonusSpent: 100, price: 200_000 } });
  t.like((await owner.post(`/api/customers/${customerId}/bonus/spend`, { orderId: order.id, points: 10 })).body, { balance: 240 });
  t.is((await viewer.post(`/api/customers/${customerId}/bonus/spend`, { orderId: order.id, points: 10 })).status, 403);

  const path = `/api/customers/${customerId}/bonus/spend`;
  const tooMany = await manager.post(path, { orderId: order.id, points: 500 });
  t.is(tooMany.status, 409);
  t.deepEqual(tooMany.body.error, { code: 'conflict', field: 'points', message: 'Бонусы: на счёте клиента 240 бонусов, 500 не списать' });
  t.is((await manager.request('POST', path, { orderId: order.id, points: 500 }, english)).body.error.message, 'Points: the customer has 240 points, 500 cannot be spent');

  const rest = await manager.post(path, { orderId: order.id, points: 240 });
  t.like(rest.body, { balance: 0, order: { bonusSpent: 350 } }, '350 of the 600 points that 30 % of 2 000 ₽ allows');

  const badPoints = await manager.post(path, { orderId: order.id, points: 1.5 });
  t.is(badPoints.status, 400);
  t.deepEqual(badPoints.body.error, { code: 'invalid', field: 'points', message: 'Бонусы: нужно целое число' });
  t.is((await manager.request('POST', path, { orderId: order.id }, english)).body.error.message, 'Points: required');
  t.is((await manager.post(path, { orderId: order.id, points: 1, extra: true })).status, 400);
  t.is((await manager.post(path, { orderId: 'abc', points: 1 })).body.error.field, 'orderId');
});

test('POST …/bonus/spend: the share limit, a closed or another customer\'s order, another company\'s customer', async (t) => {
  const { loyalty, customerId, manager } = await company();
  const small = await placeOrder(env, loyalty, (await env.db('customers').where({ id: customerId }).first('phone')).phone, 50_000);
  const share = await manager.post(`/api/customers/${customerId}/bonus/spend`, { orderId: small.id, points: 200 });
  t.is(share.status, 400);
  t.is(share.body.error.message, `Бонусы: бонусами оплачивают не больше 30 % заказа №${small.number}; можно списать ещё 150`);

  const other = await placeOrder(env, loyalty, newPhone());
  const notHis = await manager.request('POST', `/api/customers/${customerId}/bonus/spend`, { orderId: other.id, points: 10 }, english);
  t.deepEqual(notHis.body.error, { code: 'invalid', field: 'orderId', message: `Order: order #${other.number} is not this customer's` });

  await env.db('orders').where({ id: small.id }).update({ status: 'paid' });
  const closed = await manager.post(`/api/customers/${customerId}/bonus/spend`, { orderId: small.id, points: 10 });
  t.is(closed.status, 409);
  t.is(closed.body.error.message, `Заказ: заказ №${small.number} закрыт, бонусы списывают только на открытый заказ`);

  const foreign = await buildOrder(env.db);
  t.is((await manager.post(`/api/customers/${foreign.customer!.id}/bonus/spend`, { orderId: foreign.id, points: 10 })).status, 404);
});

test('POST …/bonus/correct: the owner only, a reason required, never below zero', async (t) => {
  const { customerId, owner, manager, viewer } = await company();
  const path = `/api/customers/${customerId}/bonus/correct`;
  const corrected = await owner.post(path, { points: -50, reason: 'Жалоба на качество: списали по ошибке' });
  t.is(corrected.status, 200);
  t.like(corrected.body, { balance: 300, entry: { kind: 'correction', points: -50, reason: 'Жалоба на качество: списали по ошибке', createdBy: { name: 'Тест Менеджер' } } });
  t.is((await manager.post(path, { points: 10, reason: 'Подарок' })).status, 403);
  t.is((await viewer.post(path, { points: 10, reason: 'Подарок' })).status, 403);
  t.is((await manager.request('POST', path, { points: 10, reason: 'Подарок' }, english)).body.error.message, 'Only the owner of the company can do this');

  const noReason = await owner.post(path, { points: 10 });
  t.deepEqual(noReason.body.error, { code: 'invalid', field: 'reason', message: 'Причина: обязательное поле' });
  t.is((await owner.request('POST', path, { points: 10, reason: '' }, english)).body.error.message, 'Reason: cannot be empty');
  t.is((await owner.post(path, { points: 0, reason: 'Ноль' })).body.error.message, 'Бонусы: не может быть нулём');
  const below = await owner.request('POST', path, { points: -301, reason: 'Слишком много' }, english);
  t.is(below.status, 409);
  t.is(below.body.error.message, 'Points: the customer has 300 points; the balance cannot go below zero');
  t.is((await owner.get(`/api/customers/${customerId}/bonus`)).body.balance, 300);
});
