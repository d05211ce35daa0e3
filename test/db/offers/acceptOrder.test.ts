import test from 'ava';
import { acceptOrder, DomainError, masterActor } from '../../../db/index.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { buildMaster, buildOffers, buildOrder, buildTenant } from '../../support/factories.ts';
import { waitFor } from '../../support/wait.ts';

let deps: TestDeps;
test.before(async () => {
  // Enough connections that taps really run side by side (the server allows 100 in all).
  deps = await createTestDeps({ DATABASE_POOL_MAX: 40 });
});
test.after.always(async () => {
  await deps?.cleanup();
});

const TAPS = 200;
const ROUNDS = 50;

test(`${TAPS} masters tap Accept at once, each as if from its own process: exactly one wins, every round of ${ROUNDS}`, async (t) => {
  const tenant = await buildTenant(deps.db);
  const masters = [];
  for (let i = 0; i < TAPS; i++) masters.push(await buildMaster(deps.db, { tenant }));
  const accepted: number[] = [];
  const stop = deps.bus.subscribe((event) => {
    if (event.type === 'orders.accepted' && event.tenantId === tenant.id) accepted.push(event.data.order.id);
  });

  for (let round = 0; round < ROUNDS; round++) {
    const order = await buildOrder(deps.db, { tenant, status: 'dispatched' });
    await buildOffers(deps.db, { orderId: order.id, masters });
    // A context per tap: no in-process gate between them, so Postgres alone decides, over separate connections.
    const results = await Promise.allSettled(masters.map((m) => acceptOrder({ db: deps.db, bus: deps.bus }, masterActor(m), order.id)));
    const winners = results.filter((r) => r.status === 'fulfilled');
    const taken = results.filter((r) => r.status === 'rejected' && (r.reason as DomainError).code === 'already_taken');
    t.is(winners.length, 1, `round ${round}: one winner`);
    t.is(taken.length, TAPS - 1, `round ${round}: everyone else hears "already taken"`);
    const row = await deps.db('orders').where({ id: order.id }).first('status', 'master_id', 'version');
    const winner = (winners[0] as PromiseFulfilledResult<{ master: { id: number } }>).value;
    t.deepEqual(row, { status: 'accepted', master_id: winner.master.id, version: order.version + 1 });
    const events = await deps.db('order_events').where({ order_id: order.id, type: 'orders.accepted' }).count({ n: '*' });
    t.is(Number(events[0]!.n), 1, `round ${round}: one accepted event`);
  }
  await waitFor(() => accepted.length >= ROUNDS);
  t.is(accepted.length, ROUNDS, 'one accepted event published per round');
  stop();
});

test('a pending or blocked master cannot take an order, and a late tap is told it is taken', async (t) => {
  const tenant = await buildTenant(deps.db);
  const pending = await buildMaster(deps.db, { tenant, status: 'pending' });
  const winner = await buildMaster(deps.db, { tenant });
  const late = await buildMaster(deps.db, { tenant });
  const order = await buildOrder(deps.db, { tenant, status: 'dispatched' });
  await buildOffers(deps.db, { orderId: order.id, masters: [pending, winner, late] });
  const refused = await t.throwsAsync<DomainError>(acceptOrder(deps, masterActor(pending), order.id));
  t.is(refused.code, 'forbidden');
  await acceptOrder(deps, masterActor(winner), order.id);
  const lateTap = await t.throwsAsync<DomainError>(acceptOrder(deps, masterActor(late), order.id));
  t.is(lateTap.code, 'already_taken');
});

test('a master of another company cannot take the order', async (t) => {
  const order = await buildOrder(deps.db, { status: 'dispatched' });
  const stranger = await buildMaster(deps.db);
  const error = await t.throwsAsync<DomainError>(acceptOrder(deps, masterActor(stranger), order.id));
  t.is(error.code, 'not_found');
  const row = await deps.db('orders').where({ id: order.id }).first('status');
  t.is(row.status, 'dispatched');
});

test('taps in one process wait for the deciding tap: one winner, the rest told, a double tap told it is theirs', async (t) => {
  const tenant = await buildTenant(deps.db);
  const masters = [];
  for (let i = 0; i < TAPS; i++) masters.push(await buildMaster(deps.db, { tenant }));
  const order = await buildOrder(deps.db, { tenant, status: 'dispatched' });
  await buildOffers(deps.db, { orderId: order.id, masters });
  const taps = [...masters, masters[0]!].map((m) => acceptOrder(deps, masterActor(m), order.id));
  const results = await Promise.allSettled(taps);
  t.is(results[0]!.status, 'fulfilled', 'the first tap decides and wins');
  const losers = results.slice(1).map((r) => (r as PromiseRejectedResult).reason as DomainError);
  t.deepEqual(new Set(losers.map((e) => e.code)), new Set(['already_taken']));
  t.deepEqual(losers.at(-1)!.details?.byYou, true, 'the same master tapping twice hears the order is his');
  t.is(losers.filter((e) => e.details?.byYou).length, 1);
  const events = await deps.db('order_events').where({ order_id: order.id, type: 'orders.accepted' }).count({ n: '*' });
  t.is(Number(events[0]!.n), 1);
});

test('in one process, a refused tap does not close the order for the taps behind it', async (t) => {
  const tenant = await buildTenant(deps.db);
  const blocked = await buildMaster(deps.db, { tenant, status: 'blocked' });
  const next = await buildMaster(deps.db, { tenant });
  const order = await buildOrder(deps.db, { tenant, status: 'dispatched' });
  await buildOffers(deps.db, { orderId: order.id, masters: [blocked, next] });
  const [refused, won] = await Promise.allSettled([blocked, next].map((m) => acceptOrder(deps, masterActor(m), order.id)));
  t.is(((refused as PromiseRejectedResult).reason as DomainError).code, 'forbidden');
  t.is((won as PromiseFulfilledResult<{ master: { id: number } }>).value.master.id, next.id);
});

test('a master whose offer was withdrawn cannot take the order with the old button; one still offered can', async (t) => {
  const tenant = await buildTenant(deps.db);
  const [withdrawn, offered] = [await buildMaster(deps.db, { tenant }), await buildMaster(deps.db, { tenant })];
  const order = await buildOrder(deps.db, { tenant, status: 'dispatched' });
  await buildOffers(deps.db, { orderId: order.id, masters: [withdrawn], state: 'closed' });
  await buildOffers(deps.db, { orderId: order.id, masters: [offered] });
  const refused = await t.throwsAsync<DomainError>(acceptOrder(deps, masterActor(withdrawn), order.id));
  t.is(refused.code, 'offer_closed');
  t.like(await deps.db('orders').where({ id: order.id }).first(), { status: 'dispatched', master_id: null });
  const won = await acceptOrder(deps, masterActor(offered), order.id);
  t.is(won.master?.id, offered.id);
  t.is((await t.throwsAsync<DomainError>(acceptOrder(deps, masterActor(withdrawn), order.id))).code, 'already_taken', 'once taken, the plain answer');
});

test('only a master with a live offer can win: never offered, failed or won in an earlier search cannot; pending can', async (t) => {
  const tenant = await buildTenant(deps.db);
  const [never, failed, earlier, pending] = [await buildMaster(deps.db, { tenant }), await buildMaster(deps.db, { tenant }), await buildMaster(deps.db, { tenant }), await buildMaster(deps.db, { tenant })];
  const order = await buildOrder(deps.db, { tenant, status: 'dispatched' });
  await buildOffers(deps.db, { orderId: order.id, masters: [failed], state: 'failed' });
  await buildOffers(deps.db, { orderId: order.id, masters: [earlier], state: 'accepted' });
  await buildOffers(deps.db, { orderId: order.id, masters: [pending], state: 'pending' });
  for (const master of [never, failed, earlier]) {
    t.is((await t.throwsAsync<DomainError>(acceptOrder(deps, masterActor(master), order.id))).code, 'not_found', 'to him the order does not exist');
  }
  t.like(await deps.db('orders').where({ id: order.id }).first(), { status: 'dispatched', master_id: null, version: order.version });
  t.is(Number((await deps.db('order_events').where({ order_id: order.id }).count({ n: '*' }))[0]!.n), 0, 'no event');
  t.is((await acceptOrder(deps, masterActor(pending), order.id)).master?.id, pending.id, 'an offer whose message is on its way is live');
  t.is((await t.throwsAsync<DomainError>(acceptOrder(deps, masterActor(never), order.id))).code, 'not_found', 'once taken, still nothing to him');
});

test('in one process, never-offered taps behind a winning one hear nothing of the order; offered ones hear it is taken', async (t) => {
  const tenant = await buildTenant(deps.db);
  const offered = [];
  for (let i = 0; i < 20; i++) offered.push(await buildMaster(deps.db, { tenant }));
  const strangers = [];
  for (let i = 0; i < 20; i++) strangers.push(await buildMaster(deps.db, { tenant }));
  const order = await buildOrder(deps.db, { tenant, status: 'dispatched' });
  await buildOffers(deps.db, { orderId: order.id, masters: offered });
  const results = await Promise.allSettled([...offered, ...strangers].map((m) => acceptOrder(deps, masterActor(m), order.id)));
  t.is(results[0]!.status, 'fulfilled', 'the first offered tap decides and wins');
  const codes = results.slice(1).map((r) => ((r as PromiseRejectedResult).reason as DomainError).code);
  t.deepEqual(new Set(codes.slice(0, offered.length - 1)), new Set(['already_taken']));
  t.deepEqual(new Set(codes.slice(offered.length - 1)), new Set(['not_found']));
});
