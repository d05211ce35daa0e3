// Giving an order to a master by hand (POST /api/orders/:id/assign), the picker's list
// (GET /api/orders/:id/candidates), and taking an order from its master back into the search.
import test from 'ava';
import { offerNextWave } from '../../../db/offers/offerNextWave.ts';
import { offerToArrivingMaster } from '../../../db/offers/offerToArrivingMaster.ts';
import type { CandidateDTO } from '../../../shared/types.ts';
import { buildCity, buildMaster, buildOffers, buildOrder, buildTenant, buildUser } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

test('POST /api/orders/:id/assign: 401, 400, 403, 404, 409 before the order is «Принят в работу» with the master', async (t) => {
  const order = await buildOrder(env.db, { status: 'confirmed' });
  const { tenant } = order;
  const master = await buildMaster(env.db, { tenant, name: 'Иван Петров' });
  t.is((await env.client().post(`/api/orders/${order.id}/assign`, { masterId: master.id })).status, 401);

  const manager = await env.as(await buildUser(env.db, { tenant }));
  const bad = await manager.post(`/api/orders/${order.id}/assign`, { masterId: 'Иван' });
  t.is(bad.status, 400);
  t.is(bad.body.error.field, 'masterId');
  t.is((await manager.post(`/api/orders/${order.id}/assign`, {})).status, 400, 'masterId is required');

  const viewer = await env.as(await buildUser(env.db, { tenant, role: 'viewer' }));
  t.is((await viewer.post(`/api/orders/${order.id}/assign`, { masterId: master.id })).status, 403);

  const stranger = await buildMaster(env.db);
  const foreign = await manager.post(`/api/orders/${order.id}/assign`, { masterId: stranger.id });
  t.is(foreign.status, 404, "another company's master is not found");
  t.is((await manager.post('/api/orders/999999/assign', { masterId: master.id })).status, 404);
  const otherOrder = await buildOrder(env.db, { status: 'new' });
  t.is((await manager.post(`/api/orders/${otherOrder.id}/assign`, { masterId: master.id })).status, 404, "another company's order is not found");

  const stale = await manager.post(`/api/orders/${order.id}/assign`, { masterId: master.id, version: order.version + 5 });
  t.is(stale.status, 409);
  t.is(stale.body.error.code, 'conflict');
  t.is(stale.body.error.order.status, 'confirmed', 'the refusal carries the order as it is');

  const assigned = await manager.post(`/api/orders/${order.id}/assign`, { masterId: master.id, version: order.version });
  t.is(assigned.status, 200);
  t.like(assigned.body.order, { status: 'accepted', master: { id: master.id, name: 'Иван Петров' }, version: order.version + 1 });
  const read = await manager.get(`/api/orders/${order.id}`);
  const event = read.body.timeline.at(-1);
  t.like(event, { type: 'orders.assigned', data: { masterId: master.id, name: 'Иван Петров', from: 'confirmed' }, actor: { type: 'user', name: 'Тест Менеджер' } });

  const again = await manager.post(`/api/orders/${order.id}/assign`, { masterId: master.id });
  t.is(again.status, 409, 'an order with a master is not given again');
  t.is(again.body.error.code, 'conflict');
  t.regex(again.body.error.message, /Иван Петров/, 'the message names who has it');
});

test('assign works from every status before work, not from a closed one; only approved masters', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const master = await buildMaster(env.db, { tenant });
  for (const status of ['new', 'no_answer', 'confirmed', 'dispatched']) {
    const order = await buildOrder(env.db, { tenant, status });
    const answer = await manager.post(`/api/orders/${order.id}/assign`, { masterId: master.id });
    t.is(answer.status, 200, status);
    t.is(answer.body.order.status, 'accepted', status);
  }
  const cancelled = await buildOrder(env.db, { tenant, status: 'cancelled' });
  const refused = await manager.post(`/api/orders/${cancelled.id}/assign`, { masterId: master.id });
  t.is(refused.status, 422);
  t.is(refused.body.error.code, 'transition_forbidden');

  const pending = await buildMaster(env.db, { tenant, status: 'pending', name: 'Новичок' });
  const order = await buildOrder(env.db, { tenant, status: 'new' });
  const notApproved = await manager.post(`/api/orders/${order.id}/assign`, { masterId: pending.id });
  t.is(notApproved.status, 400);
  t.is(notApproved.body.error.field, 'masterId');
  t.is((await env.db('orders').where({ id: order.id }).first('status')).status, 'new', 'nothing changed');
});

test('assigning during the search closes the other offers and keeps the chosen master’s as his card', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const [chosen, other] = [await buildMaster(env.db, { tenant }), await buildMaster(env.db, { tenant })];
  const order = await buildOrder(env.db, { tenant, status: 'dispatched' });
  await buildOffers(env.db, { orderId: order.id, masters: [chosen, other] });
  t.is((await manager.post(`/api/orders/${order.id}/assign`, { masterId: chosen.id })).status, 200);
  const states = Object.fromEntries((await env.db('order_offers').where({ order_id: order.id }).select('master_id', 'state')).map((r) => [r.master_id, r.state]));
  t.deepEqual(states, { [chosen.id]: 'accepted', [other.id]: 'closed' });
});

test('GET /api/orders/:id/candidates: every approved master, matching ones first, with what fits, rating, debt and the bot', async (t) => {
  const tenant = await buildTenant(env.db, { debtLimit: 50_000 });
  const kazan = await buildCity(env.db, tenant);
  const order = await buildOrder(env.db, { tenant, status: 'confirmed' });
  t.is((await env.client().get(`/api/orders/${order.id}/candidates`)).status, 401);
  const manager = await env.as(await buildUser(env.db, { tenant }));

  const best = await buildMaster(env.db, { tenant, rating: 90, name: 'Лучший' });
  const good = await buildMaster(env.db, { tenant, rating: 60, name: 'Хороший' });
  const offShift = await buildMaster(env.db, { tenant, rating: 99, onShift: false, name: 'Не на смене' });
  const elsewhere = await buildMaster(env.db, { tenant, rating: 95, cityIds: [kazan.id], name: 'В Казани' });
  const owing = await buildMaster(env.db, { tenant, rating: 80, name: 'Должник' });
  await buildOrder(env.db, { tenant, status: 'done', masterId: owing.id, commission: 60_000 });
  const noBot = await buildMaster(env.db, { tenant, rating: 10, name: 'Без бота' });
  await env.db('masters').where({ id: noBot.id }).update({ telegram_user_id: null, telegram_chat_id: null, source: 'manual', contacts: JSON.stringify({ whatsapp: '+79990001122' }) });
  await buildMaster(env.db, { tenant, status: 'pending', name: 'На модерации' });
  await buildMaster(env.db, { tenant, status: 'blocked', name: 'Заблокирован' });

  const answer = await manager.get<{ candidates: CandidateDTO[] }>(`/api/orders/${order.id}/candidates`);
  t.is(answer.status, 200);
  const names = answer.body.candidates.map((c) => c.name);
  t.deepEqual(names, ['Лучший', 'Хороший', 'Без бота', 'Не на смене', 'В Казани', 'Должник'], 'matching by rating, then the rest by rating; no pending or blocked');
  const byName = new Map(answer.body.candidates.map((c) => [c.name, c]));
  t.like(byName.get('Лучший'), { id: best.id, matching: true, hasBot: true, debt: 0, fits: { city: true, kind: true, onShift: true, debtUnderLimit: true } });
  t.like(byName.get('Хороший'), { id: good.id, rating: 60 });
  t.like(byName.get('Не на смене'), { id: offShift.id, matching: false, fits: { onShift: false } });
  t.like(byName.get('В Казани'), { id: elsewhere.id, matching: false, fits: { city: false, kind: true } });
  t.like(byName.get('Должник'), { id: owing.id, matching: false, debt: 60_000, fits: { debtUnderLimit: false } });
  t.like(byName.get('Без бота'), { id: noBot.id, matching: true, hasBot: false, contacts: { whatsapp: '+79990001122' } });
  t.truthy(byName.get('Без бота')!.phone, 'his phone, to call him');

  const foreign = await buildOrder(env.db, { status: 'new' });
  t.is((await manager.get(`/api/orders/${foreign.id}/candidates`)).status, 404);
});

test('taking an order from its master needs a reason, closes his offer and keeps him out of that search', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const previous = await buildMaster(env.db, { tenant, rating: 99, name: 'Прежний' });
  const next = await buildMaster(env.db, { tenant, rating: 50 });
  const order = await buildOrder(env.db, { tenant, status: 'confirmed' });
  await manager.post(`/api/orders/${order.id}/assign`, { masterId: previous.id });

  const unexplained = await manager.post(`/api/orders/${order.id}/dispatch`, {});
  t.is(unexplained.status, 400);
  t.is(unexplained.body.error.field, 'reason');
  const dropped = await manager.post(`/api/orders/${order.id}/move`, { to: 'dispatched' });
  t.is(dropped.status, 400, 'a drop on «Поиск мастера» asks for the reason too');
  t.is((await env.db('orders').where({ id: order.id }).first('status')).status, 'accepted');

  const sent = await manager.post(`/api/orders/${order.id}/dispatch`, { reason: 'Мастер заболел' });
  t.is(sent.status, 200);
  t.like(sent.body.order, { status: 'dispatched', master: null });
  const read = await manager.get(`/api/orders/${order.id}`);
  t.like(read.body.timeline.at(-1), { type: 'orders.dispatched', data: { from: 'accepted', withdrawn: { masterId: previous.id, name: 'Прежний', reason: 'Мастер заболел' } } });
  t.is((await env.db('order_offers').where({ order_id: order.id, master_id: previous.id }).first('state')).state, 'closed');

  const dispatchedAt = read.body.order.statusChangedAt;
  const wave = await offerNextWave(env, tenant.id, { orderId: order.id, dispatchedAt, wave: 1 });
  t.is(wave.kind, 'offered');
  t.deepEqual(wave.kind === 'offered' ? wave.rows.map((r) => r.masterId) : [], [next.id], 'the best-rated master is skipped: it was taken from him');
  t.deepEqual(await offerToArrivingMaster(env, tenant.id, previous.id), [], 'nor is he offered it when he comes on shift again');
});
