// One person, one card: every order intake finds the customer by the normalised phone.
import test from 'ava';
import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../../../shared/events.ts';
import { buildWebsiteChannel, call } from '../public/support.ts';
import { buildTenant, buildUser } from '../../support/factories.ts';
import { waitFor } from '../../support/wait.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

test('a phone order on the board and a website order, one phone in two formats, make ONE customer with two orders, announced once', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const website = await buildWebsiteChannel(env.db, tenant.id);
  const events: EventEnvelope[] = [];
  const stop = env.bus.subscribe((event) => void (event.tenantId === tenant.id && events.push(event)));

  const board = await manager.post('/api/orders', {
    cityId: tenant.cityId,
    kindId: tenant.kindId,
    channelId: tenant.channelId,
    customer: { name: 'Мария', phone: '+7 916 555-12-34' },
    street: 'ул. Тверская',
    price: 200_000,
  });
  t.is(board.status, 201);
  const site = await call(env.web.url, 'POST', '/api/public/orders', {
    headers: { 'x-api-key': website.apiKey, 'idempotency-key': randomUUID() },
    body: { city: 'moskva', kind: 'santehnika', name: 'Мария Ковалёва', phone: '89165551234', description: 'Течёт кран' },
  });
  t.is(site.status, 201);

  const customers = await env.db('customers').where({ tenant_id: tenant.id });
  t.is(customers.length, 1);
  t.like(customers[0], { phone: '+79165551234', name: 'Мария Ковалёва' }, 'the latest name wins');
  const card = await manager.get(`/api/customers/${customers[0].id}`);
  t.is(card.body.customer.orderCount, 2);
  t.deepEqual(card.body.customer.orders.map((o: { number: number }) => o.number), [site.body.order.number, board.body.order.number], 'newest first');
  t.true(card.body.customer.orders.every((o: { customer: { orderCount: number } }) => o.customer.orderCount === 2), 'both cards say «повторный · 2»');

  t.true(await waitFor(() => events.filter((e) => e.type === 'orders.created').length === 2));
  const announced = events.filter((e) => e.type === 'customers.created') as EventEnvelope<'customers.created'>[];
  t.is(announced.length, 1, 'the second intake found the card');
  t.like(announced[0]!.data.customer, { id: customers[0].id, orderCount: 1 });
  t.true(events.indexOf(announced[0]!) > events.findIndex((e) => e.type === 'orders.created'), 'after its order, so it counts it');
  stop();
});

test("an order edited onto a new customer's phone announces that card", async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const created = await manager.post('/api/orders', {
    cityId: tenant.cityId, kindId: tenant.kindId, channelId: tenant.channelId, customer: { name: 'Первый', phone: '89160000601' }, street: 'ул. Арбат', price: 0,
  });
  const edited = await manager.patch(`/api/orders/${created.body.order.id}`, { customer: { name: 'Второй', phone: '8 916 000-06-02' }, version: created.body.order.version });
  t.is(edited.status, 200);
  t.is(edited.body.order.customer.phone, '+79160000602');
  const rows = await env.db('order_events').where({ tenant_id: tenant.id, type: 'customers.created' }).orderBy('seq');
  t.deepEqual(rows.map((row) => row.data.customer.phone), ['+79160000601', '+79160000602']);
});
