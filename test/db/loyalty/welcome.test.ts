import test from 'ava';
import { balanceOf } from '../../../db/loyalty/ledger.ts';
import { channelActor, systemActor } from '../../../db/core/actor.ts';
import { intakeOrder } from '../../../db/orders/intakeOrder.ts';
import { publicOrderInput } from '../../../shared/schemas/publicOrder.ts';
import { runOp } from '../../../db/core/runOp.ts';
import { addEntry } from '../../../db/loyalty/addEntry.ts';
import { welcomeEntry } from '../../../db/loyalty/earn.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { buildCustomerOrder } from '../../support/factories.ts';
import { buildLoyaltyCompany, entriesOfKind, newPhone, placeOrder, programmeOn } from '../../support/loyalty.ts';

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps({ DATABASE_POOL_MAX: 20 });
});
test.after.always(async () => {
  await deps?.cleanup();
});

const DAY = 86_400_000;

test('welcome once: a customer\'s first order credits 350 points for 365 days, the second credits none', async (t) => {
  const company = await buildLoyaltyCompany(deps);
  const phone = newPhone();
  const first = await placeOrder(deps, company, phone);
  const second = await placeOrder(deps, company, phone);
  t.is(first.customer!.id, second.customer!.id);
  const welcome = await entriesOfKind(deps, first.customer!.id, 'welcome');
  t.is(welcome.length, 1);
  t.like(welcome[0], { points: 350, order_id: first.id });
  const lasts = new Date(welcome[0]!.expires_at!).getTime() - new Date(first.createdAt).getTime();
  t.true(Math.abs(lasts - 365 * DAY) < 60_000, `expires 365 days on (${lasts / DAY} days)`);
  t.is(await balanceOf(deps.db, company.tenant.id, first.customer!.id), 350);
  const events = await deps.db('order_events').where({ tenant_id: company.tenant.id, type: 'bonus.changed' }).select('order_id', 'data');
  t.deepEqual(events, [{ order_id: first.id, data: { customerId: first.customer!.id, balance: 350, orderId: first.id, kind: 'welcome', points: 350 } }]);
  // Whatever code asks again, the database keeps it to one (bonus_welcome_once).
  const again = welcomeEntry(programmeOn(), { tenantId: company.tenant.id, customerId: first.customer!.id, orderId: second.id }, new Date());
  t.is(await runOp(deps, systemActor(company.tenant.id), (tx) => addEntry(tx, again)), null);
  t.is((await entriesOfKind(deps, first.customer!.id, 'welcome')).length, 1);
});

test('welcome once: two first orders of a new customer at once still credit one welcome', async (t) => {
  const company = await buildLoyaltyCompany(deps);
  for (let round = 0; round < 5; round++) {
    const phone = newPhone();
    const orders = await Promise.all(Array.from({ length: 6 }, () => placeOrder(deps, company, phone)));
    const customerId = orders[0]!.customer!.id;
    t.true(orders.every((order) => order.customer!.id === customerId), 'one customer');
    t.is((await entriesOfKind(deps, customerId, 'welcome')).length, 1, `round ${round}: one welcome`);
    t.is(await balanceOf(deps.db, company.tenant.id, customerId), 350);
  }
});

test('welcome once: a customer who already had orders before the programme gets none; with the programme off nobody does', async (t) => {
  const company = await buildLoyaltyCompany(deps);
  const phone = newPhone();
  await buildCustomerOrder(deps.db, company.tenant, { name: 'Мария Клиентова', phone }); // an order from before the programme
  const later = await placeOrder(deps, company, phone);
  t.deepEqual(await entriesOfKind(deps, later.customer!.id, 'welcome'), []);

  const off = await buildLoyaltyCompany(deps, { enabled: false });
  const order = await placeOrder(deps, off, newPhone());
  t.deepEqual(await entriesOfKind(deps, order.customer!.id, 'welcome'), []);
});

test('welcome once: a website order and a phone order from one person, the phone typed two ways, are one customer with one welcome', async (t) => {
  const company = await buildLoyaltyCompany(deps);
  const website = channelActor({ id: company.tenant.channelId, tenantId: company.tenant.id });
  const input = publicOrderInput.parse({ city: 'moskva', name: 'Мария', phone: '8 (916) 555-12-34', street: 'ул. Тверская' });
  const { order: fromSite } = await intakeOrder(deps, website, input, null);
  const byPhone = await placeOrder(deps, company, '+7 916 555-12-34');
  t.is(byPhone.customer!.id, fromSite.customer!.id);
  t.like(await entriesOfKind(deps, fromSite.customer!.id, 'welcome'), [{ points: 350, order_id: fromSite.id }]);
  t.is((await entriesOfKind(deps, fromSite.customer!.id, 'welcome')).length, 1);
});
