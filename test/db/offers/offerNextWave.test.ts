import test from 'ava';
import { acceptOrder } from '../../../db/offers/acceptOrder.ts';
import { masterActor, userActor } from '../../../db/core/actor.ts';
import { dispatchOrder } from '../../../db/orders/dispatchOrder.ts';
import { flagNoTaker } from '../../../db/offers/flagNoTaker.ts';
import { moveOrder } from '../../../db/orders/moveOrder.ts';
import { offerNextWave } from '../../../db/offers/offerNextWave.ts';
import { updateOrder } from '../../../db/orders/updateOrder.ts';
import { buildCity, buildMaster, buildOrder, buildTenant, buildUser } from '../../support/factories.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

async function search(waveSize: number, ratings: number[]) {
  const tenant = await buildTenant(deps.db, { waveSize });
  const manager = await buildUser(deps.db, { tenant });
  const masters = [];
  for (const rating of ratings) masters.push(await buildMaster(deps.db, { tenant, rating }));
  const order = await buildOrder(deps.db, { tenant, status: 'confirmed' });
  const dispatched = await dispatchOrder(deps, userActor(manager), order.id);
  return { tenant, manager, masters, order: dispatched };
}

test('waves take the best-rated masters not yet offered; a repeated wave writes nothing; then exhausted', async (t) => {
  const { tenant, masters, order } = await search(2, [10, 50, 30, 40, 20]);
  const wave = (n: number) => offerNextWave(deps, tenant.id, { orderId: order.id, dispatchedAt: order.statusChangedAt, wave: n });
  const first = await wave(1);
  t.is(first.kind, 'offered');
  const ids = (outcome: Awaited<ReturnType<typeof wave>>) => (outcome.kind === 'offered' ? outcome.rows.map((row) => row.masterId).sort() : []);
  t.deepEqual(ids(first), [masters[1]!.id, masters[3]!.id].sort());
  t.deepEqual(await wave(1), { kind: 'done' });
  t.deepEqual(ids(await wave(2)), [masters[2]!.id, masters[4]!.id].sort());
  t.deepEqual(ids(await wave(3)), [masters[0]!.id]);
  t.deepEqual(await wave(4), { kind: 'exhausted', offeredBefore: true });
  const rows = await deps.db('order_offers').where({ order_id: order.id });
  t.is(rows.length, 5);
  t.true(rows.every((row) => row.state === 'pending' && row.message_id === null), 'written before any send');
});

test('nobody matching: exhausted with nobody offered; flagNoTaker flags this search once', async (t) => {
  const { tenant, order } = await search(5, []);
  t.deepEqual(await offerNextWave(deps, tenant.id, { orderId: order.id, dispatchedAt: order.statusChangedAt, wave: 1 }), { kind: 'exhausted', offeredBefore: false });
  const flagged = await flagNoTaker(deps, tenant.id, { orderId: order.id, dispatchedAt: order.statusChangedAt, reason: 'nobody_matches' });
  t.like(flagged, { noTaker: { reason: 'nobody_matches' }, version: order.version + 1 });
  t.is(await flagNoTaker(deps, tenant.id, { orderId: order.id, dispatchedAt: order.statusChangedAt, reason: 'nobody_accepted' }), null);
  t.is(await flagNoTaker(deps, tenant.id, { orderId: order.id, dispatchedAt: new Date(0).toISOString(), reason: 'nobody_accepted' }), null, 'an older search is not flagged');
});

test('an order taken or moved on writes no wave; a new search of it reuses the rows', async (t) => {
  const { tenant, manager, masters, order } = await search(5, [1, 2]);
  await offerNextWave(deps, tenant.id, { orderId: order.id, dispatchedAt: order.statusChangedAt, wave: 1 });
  await acceptOrder(deps, masterActor({ id: masters[0]!.id, tenantId: tenant.id }), order.id);
  t.deepEqual(await offerNextWave(deps, tenant.id, { orderId: order.id, dispatchedAt: order.statusChangedAt, wave: 2 }), { kind: 'moved' });
  t.deepEqual((await deps.db('order_offers').where({ order_id: order.id }).orderBy('master_id')).map((row) => row.state), ['accepted', 'closed']);

  // Taken back into the search, from its master: a new search, the other master offered again, not him.
  const again = await moveOrder(deps, userActor(manager), order.id, { to: 'dispatched', reason: 'Мастер заболел' });
  t.deepEqual(await offerNextWave(deps, tenant.id, { orderId: order.id, dispatchedAt: order.statusChangedAt, wave: 1 }), { kind: 'moved' }, 'the old search is over');
  const outcome = await offerNextWave(deps, tenant.id, { orderId: order.id, dispatchedAt: again.statusChangedAt, wave: 1 });
  t.deepEqual(outcome.kind === 'offered' ? outcome.rows.map((row) => row.masterId) : [], [masters[1]!.id]);
  const rows = await deps.db('order_offers').where({ order_id: order.id }).orderBy('master_id');
  t.deepEqual(rows.map((row) => row.state), ['closed', 'pending'], 'his row stays closed: his old card cannot win it back');
  t.true(rows[1].message_id === null && rows[1].shown_closed_at === null, 'the reused row is a fresh offer');
});

test('a new city during the search closes its offers and begins a new search; the same city again changes nothing', async (t) => {
  const { tenant, manager, order } = await search(5, [10, 20]);
  const wave = (dispatchedAt: string) => offerNextWave(deps, tenant.id, { orderId: order.id, dispatchedAt, wave: 1 });
  t.is((await wave(order.statusChangedAt)).kind, 'offered');
  const same = await updateOrder(deps, userActor(manager), order.id, { version: order.version, cityId: tenant.cityId });
  t.is(same.statusChangedAt, order.statusChangedAt, 'the same city is the same search');
  t.is((await deps.db('order_offers').where({ order_id: order.id, state: 'pending' })).length, 2);

  const kazan = await buildCity(deps.db, tenant);
  const moved = await updateOrder(deps, userActor(manager), order.id, { version: same.version, cityId: kazan.id });
  t.not(moved.statusChangedAt, order.statusChangedAt, 'a new search');
  t.deepEqual([...new Set((await deps.db('order_offers').where({ order_id: order.id })).map((row) => row.state))], ['closed']);
  t.deepEqual(await wave(order.statusChangedAt), { kind: 'moved' }, 'the old search stops');
  t.deepEqual(await wave(moved.statusChangedAt), { kind: 'exhausted', offeredBefore: false }, 'nobody works in Kazan');
});
