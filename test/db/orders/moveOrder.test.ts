import test from 'ava';
import { completeOrder, DomainError, masterActor, moveOrder, userActor } from '../../../db/index.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { buildMaster, buildOrder, buildUser } from '../../support/factories.ts';

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

test('a master-only move is refused for a manager', async (t) => {
  const order = await buildOrder(deps.db, { status: 'dispatched' });
  // This company keeps taking orders to the masters alone (no hand assignment by managers).
  await deps.db('transitions').where({ tenant_id: order.tenant.id, role: 'manager', from_status: 'dispatched', to_status: 'accepted' }).delete();
  const manager = userActor(await buildUser(deps.db, { tenant: order.tenant }));
  const error = await t.throwsAsync<DomainError>(moveOrder(deps, manager, order.id, { to: 'accepted' }));
  t.is(error.code, 'transition_forbidden');
  t.is((await deps.db('orders').where({ id: order.id }).first('status')).status, 'dispatched');
});

test('a plain move into «Принят в работу» without a master is refused: the order is given to one (assign)', async (t) => {
  const order = await buildOrder(deps.db, { status: 'dispatched' });
  const manager = userActor(await buildUser(deps.db, { tenant: order.tenant }));
  const error = await t.throwsAsync<DomainError>(moveOrder(deps, manager, order.id, { to: 'accepted' }));
  t.is(error.code, 'invalid');
  t.regex(error.message, /no master/);
});

test('a manager-only move is refused for a master, even on their own order', async (t) => {
  const master = await buildMaster(deps.db);
  const order = await buildOrder(deps.db, { status: 'new', masterId: master.id, tenant: await tenantOf(master.tenantId) });
  const error = await t.throwsAsync<DomainError>(moveOrder(deps, masterActor(master), order.id, { to: 'confirmed' }));
  t.is(error.code, 'forbidden');
  const done = await t.throwsAsync<DomainError>(completeOrder(deps, masterActor(master), order.id));
  t.is(done.code, 'transition_forbidden', 'new → done is not a master move');
});

test('an unknown status is refused', async (t) => {
  const order = await buildOrder(deps.db, { status: 'new' });
  const manager = userActor(await buildUser(deps.db, { tenant: order.tenant }));
  const error = await t.throwsAsync<DomainError>(moveOrder(deps, manager, order.id, { to: 'teleported' }));
  t.is(error.code, 'invalid');
  t.is(error.field, 'to');
});

test('an allowed move changes the status, bumps the version and records who', async (t) => {
  const order = await buildOrder(deps.db, { status: 'new' });
  const user = await buildUser(deps.db, { tenant: order.tenant });
  const moved = await moveOrder(deps, userActor(user), order.id, { to: 'confirmed', version: order.version });
  t.is(moved.status, 'confirmed');
  t.is(moved.version, order.version + 1);
  const event = await deps.db('order_events').where({ order_id: order.id }).first();
  t.like(event, { type: 'orders.moved', actor_type: 'user', actor_id: user.id });
});

async function tenantOf(tenantId: number) {
  const [city, kind, channel] = await Promise.all(
    ['cities', 'kinds', 'channels'].map((table) => deps.db(table).where({ tenant_id: tenantId }).first('id')),
  );
  return { id: tenantId, cityId: city.id, kindId: kind.id, channelId: channel.id };
}
