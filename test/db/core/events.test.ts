import test from 'ava';
import { createBus, type Bus } from '../../../db/bus/index.ts';
import {
  acceptOrder,
  cancelOrder,
  completeOrder,
  createOrder,
  dispatchOrder,
  markCommissionPaid,
  masterActor,
  moveOrder,
  recordPayment,
  rescheduleOrder,
  systemActor,
  updateOrder,
  userActor,
} from '../../../db/index.ts';
import type { EventEnvelope, EventType } from '../../../shared/events.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { buildMaster, buildOffers, buildOrder, buildTenant, buildUser } from '../../support/factories.ts';
import { waitFor } from '../../support/wait.ts';

let deps: TestDeps;
let listener: Bus;
const received: EventEnvelope[] = [];
test.before(async () => {
  deps = await createTestDeps();
  // Another bus, and with REDIS_URL another Redis connection: what other processes would hear.
  listener = deps.config.REDIS_URL ? await createBus({ redisUrl: deps.config.REDIS_URL, prefix: deps.config.REDIS_PREFIX }) : deps.bus;
  listener.subscribe((event) => received.push(event));
});
test.after.always(async () => {
  if (listener !== deps.bus) await listener?.close();
  await deps?.cleanup();
});

test('every op publishes exactly its events, each seq one above the last', async (t) => {
  const tenant = await buildTenant(deps.db);
  const manager = userActor(await buildUser(deps.db, { tenant }));
  const master = await buildMaster(deps.db, { tenant });
  const system = systemActor(tenant.id);
  const customer = { name: 'Мария', phone: '+79160000001' };
  const base = { cityId: tenant.cityId, kindId: tenant.kindId, channelId: tenant.channelId, customer, street: 'ул. Ленина', price: 100_000 };

  // An op's events: one, but for the first order of a new customer, who is announced too.
  const steps: [EventType | EventType[], () => Promise<{ id: number }>][] = [];
  let orderId = 0;
  steps.push([['orders.created', 'customers.created'], async () => ({ id: (orderId = (await createOrder(deps, manager, { ...base, description: '', address: '', plannedAt: null })).id) })]);
  steps.push(['orders.updated', () => updateOrder(deps, manager, orderId, { version: 1, price: 120_000 })]);
  steps.push(['orders.moved', () => moveOrder(deps, manager, orderId, { to: 'confirmed' })]);
  steps.push(['orders.dispatched', () => dispatchOrder(deps, manager, orderId)]);
  steps.push(['orders.accepted', async () => {
    await buildOffers(deps.db, { orderId, masters: [master] });
    return acceptOrder(deps, masterActor(master), orderId);
  }]);
  steps.push(['orders.rescheduled', () => rescheduleOrder(deps, masterActor(master), orderId, { plannedAt: '2026-12-01T10:00:00.000Z' })]);
  steps.push(['orders.completed', () => completeOrder(deps, masterActor(master), orderId)]);
  steps.push(['orders.paid', async () => (await recordPayment(deps, system, payment(orderId, master.id, 'charge-1'))).order]);
  steps.push(['orders.paid', async () => markCommissionPaid(deps, manager, (await buildOrder(deps.db, { tenant, status: 'done', masterId: master.id })).id, { method: 'card' })]);
  steps.push(['orders.cancelled', async () => cancelOrder(deps, manager, (await buildOrder(deps.db, { tenant, status: 'new' })).id, { reason: 'Клиент передумал' })]);

  let lastSeq = Number((await deps.db('tenants').where({ id: tenant.id }).first('event_seq')).event_seq);
  for (const [expected, run] of steps) {
    const types = [expected].flat();
    const type = types.join(' + ');
    await run();
    // The op has committed: Postgres says how many events it wrote, and each is published once.
    const written = Number((await deps.db('order_events').where({ tenant_id: tenant.id }).where('seq', '>', lastSeq).count({ n: '*' }).first())?.n);
    const ok = await waitFor(() => received.filter((e) => e.tenantId === tenant.id && e.seq > lastSeq).length >= written);
    const fresh = received.filter((e) => e.tenantId === tenant.id && e.seq > lastSeq).sort((a, b) => a.seq - b.seq);
    t.true(ok, `${type}: its events arrived`);
    t.is(written, types.length, `${type}: exactly its events written`);
    t.deepEqual(fresh.map((e) => e.type), types, `${type}: each published once`);
    t.deepEqual(fresh.map((e) => e.seq), types.map((_, i) => lastSeq + 1 + i), `${type}: seqs follow the previous one`);
    lastSeq += types.length;
  }
});

test('a payment Telegram delivers twice is recorded once and publishes once', async (t) => {
  const tenant = await buildTenant(deps.db);
  const master = await buildMaster(deps.db, { tenant });
  const order = await buildOrder(deps.db, { tenant, status: 'done', masterId: master.id });
  const first = await recordPayment(deps, systemActor(tenant.id), payment(order.id, master.id, 'charge-dup'));
  const second = await recordPayment(deps, systemActor(tenant.id), payment(order.id, master.id, 'charge-dup'));
  t.false(first.duplicate);
  t.true(second.duplicate);
  t.is(second.paymentId, first.paymentId);
  const rows = await deps.db('payments').where({ telegram_payment_charge_id: 'charge-dup' });
  t.is(rows.length, 1);
  await waitFor(() => received.some((e) => e.tenantId === tenant.id));
  t.is(received.filter((e) => e.tenantId === tenant.id && e.type === 'orders.paid').length, 1);
});

function payment(orderId: number, masterId: number, chargeId: string) {
  return { orderId, masterId, amount: 20_000, currency: 'RUB', telegramChargeId: chargeId, providerChargeId: `p-${chargeId}` };
}
