import test from 'ava';
import { runOp } from '../../../db/core/runOp.ts';
import { acceptOrder, completeOrder, masterActor } from '../../../db/index.ts';
import { writeStatus } from '../../../db/orders/changeStatus.ts';
import { lockOrder } from '../../../db/orders/orderRecord.ts';
import { mergeCustomers } from '../../../db/customers/mergeCustomers.ts';
import { buildCustomer } from '../../support/customers.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { buildMaster, buildOffers } from '../../support/factories.ts';
import { buildLoyaltyCompany, placeOrder } from '../../support/loyalty.ts';
import { consentingOrder, outboxOf, turnOnTemplates } from '../../support/notifications.ts';

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

const doneByBoth = [
  { status: 'done', channel: 'sms' as const, body: 'Заказ №{{number}}: {{status}}. Мастер {{master}}, {{date}}. Бонусов: {{bonus}}. {{link}}' },
  { status: 'done', channel: 'email' as const, subject: 'Заказ №{{number}} — {{status}}', body: 'Ваш заказ №{{number}}: {{status}}. Следить: {{link}}' },
];

test('a status change queues the enabled templates, rendered with the order, the master\'s first name, the planned date on the company clock, the balance and the status link', async (t) => {
  const company = await buildLoyaltyCompany(deps);
  await turnOnTemplates(deps, company, doneByBoth);
  const { order, customerId, phone, email } = await consentingOrder(deps, company, { sms: true, email: true });
  await completeOrder(deps, company.manager, order.id);

  const rows = await outboxOf(deps, customerId);
  t.is(rows.length, 2);
  const [sms, mail] = [rows.find((row) => row.channel === 'sms'), rows.find((row) => row.channel === 'email')];
  const { status_token: token } = await deps.db('orders').where({ id: order.id }).first('status_token');
  t.truthy(token);
  // Cashback 5 % of 2 000 ₽ = 100 on top of 350 welcome points, credited in the same change.
  t.like(sms, { to: phone, state: 'queued', subject: null, order_id: order.id, attempts: 0 });
  t.regex(sms.body, new RegExp(`^Заказ №${order.number}: Выполнен\\. Мастер Иван, 5 декабря, 10:00–12:00\\. Бонусов: 450\\. http\\S+/t/${token}$`));
  t.like(mail, { to: email, state: 'queued', subject: `Заказ №${order.number} — Выполнен` });
  t.true(mail.body.endsWith(`/t/${token}`));
  const pushed = await deps.db('order_events').where({ type: 'notifications.changed' }).whereRaw(`(data->'notification'->>'customerId')::int = ?`, [customerId]);
  t.is(pushed.length, 2, 'each queued message is pushed to the boards');
});

test('a change that rolls back leaves no message', async (t) => {
  const company = await buildLoyaltyCompany(deps);
  await turnOnTemplates(deps, company, doneByBoth);
  const { order, customerId } = await consentingOrder(deps, company, { sms: true, email: true });
  await t.throwsAsync(
    runOp(deps, company.manager, async (tx) => {
      await writeStatus(tx, await lockOrder(tx.trx, company.tenant.id, order.id), 'done');
      t.is((await tx.trx('notifications').where({ customer_id: customerId })).length, 2, 'written inside the change');
      throw new Error('the op fails after the status was written');
    }),
    { message: /fails after/ },
  );
  t.deepEqual(await outboxOf(deps, customerId), []);
  t.is((await deps.db('orders').where({ id: order.id }).first('status')).status, 'accepted');
});

test('only the channels the customer agreed to and has an address for; nothing without consent or with the template off', async (t) => {
  const company = await buildLoyaltyCompany(deps);
  await turnOnTemplates(deps, company, doneByBoth);
  const none = await consentingOrder(deps, company, { sms: false, email: false });
  const smsOnly = await consentingOrder(deps, company, { sms: true, email: false });
  const noAddress = await consentingOrder(deps, company, { sms: false, email: true }, null);
  for (const { order } of [none, smsOnly, noAddress]) await completeOrder(deps, company.manager, order.id);
  t.deepEqual(await outboxOf(deps, none.customerId), []);
  t.deepEqual((await outboxOf(deps, smsOnly.customerId)).map((row) => row.channel), ['sms']);
  t.deepEqual(await outboxOf(deps, noAddress.customerId), []);

  const off = await buildLoyaltyCompany(deps);
  const agreed = await consentingOrder(deps, off, { sms: true, email: true });
  await completeOrder(deps, off.manager, agreed.order.id);
  t.deepEqual(await outboxOf(deps, agreed.customerId), [], 'templates are off by default');
});

test('an SMS in the quiet hours waits for their end on the company clock; an e-mail goes at once', async (t) => {
  const company = await buildLoyaltyCompany(deps);
  // Quiet all day but one minute: whenever the test runs, it is in them.
  const now = new Date();
  const end = new Date(now.getTime() + 120_000).toLocaleTimeString('en-GB', { timeZone: 'Europe/Moscow', hour: '2-digit', minute: '2-digit' });
  const from = new Date(now.getTime() + 180_000).toLocaleTimeString('en-GB', { timeZone: 'Europe/Moscow', hour: '2-digit', minute: '2-digit' });
  await turnOnTemplates(deps, company, doneByBoth, { from, to: end });
  const { order, customerId } = await consentingOrder(deps, company, { sms: true, email: true });
  await completeOrder(deps, company.manager, order.id);
  const rows = await outboxOf(deps, customerId);
  const sms = rows.find((row) => row.channel === 'sms');
  const mail = rows.find((row) => row.channel === 'email');
  const held = new Date(sms.send_after).getTime() - now.getTime();
  t.true(held > 60_000 && held <= 120_000, `held until ${end} Moscow time (${held} ms)`);
  t.true(new Date(mail.send_after).getTime() - now.getTime() < 30_000);
});

test('the bonus template goes when points are credited: the welcome of the first order, the cashback of a done one', async (t) => {
  const company = await buildLoyaltyCompany(deps);
  await turnOnTemplates(deps, company, [{ status: 'bonus', channel: 'sms', body: 'Начислено! Баланс: {{bonus}} бонусов' }]);
  const { order, customerId } = await consentingOrder(deps, company, { sms: true, email: false });
  await completeOrder(deps, company.manager, order.id);
  t.deepEqual((await outboxOf(deps, customerId)).map((row) => row.body), ['Начислено! Баланс: 350 бонусов', 'Начислено! Баланс: 450 бонусов']);
});

test("a merge keeps the other card's messages, now on the kept card", async (t) => {
  const company = await buildLoyaltyCompany(deps);
  await turnOnTemplates(deps, company, doneByBoth);
  const kept = await consentingOrder(deps, company, { sms: true, email: false });
  const other = await consentingOrder(deps, company, { sms: true, email: true });
  await completeOrder(deps, company.manager, other.order.id);
  const ids = (await outboxOf(deps, other.customerId)).map((row) => row.id);
  t.is(ids.length, 2);
  await mergeCustomers(deps, company.manager, kept.customerId, other.customerId);
  t.deepEqual((await outboxOf(deps, kept.customerId)).map((row) => row.id), ids);
});

// The race writes «Принят в работу» in its own one statement, not through writeStatus: the
// customer heard nothing when a master took the order in the bot, the commonest way in.
test('a master who wins the order in the bot sends the customer the «Принят в работу» message, once', async (t) => {
  const company = await buildLoyaltyCompany(deps);
  await turnOnTemplates(deps, company, [{ status: 'accepted', channel: 'sms', body: 'Заказ №{{number}}: {{status}}, мастер {{master}}' }]);
  const phone = '+79185550101';
  const customer = await buildCustomer(deps, company.tenant, { name: 'Ольга Смирнова', phone, consent: { sms: true, email: false } });
  const order = await placeOrder(deps, company, phone);
  await deps.db('orders').where({ id: order.id }).update({ status: 'dispatched' });
  const [ivan, petr] = [await buildMaster(deps.db, { tenant: company.tenant, name: 'Иван Петров' }), await buildMaster(deps.db, { tenant: company.tenant, name: 'Пётр Сидоров' })];
  await buildOffers(deps.db, { orderId: order.id, masters: [ivan, petr] });

  const taps = await Promise.allSettled([acceptOrder(deps, masterActor(ivan), order.id), acceptOrder(deps, masterActor(petr), order.id)]);
  t.is(taps.filter((tap) => tap.status === 'fulfilled').length, 1);
  const winner = (await deps.db('orders').where({ id: order.id }).first('master_id')).master_id === ivan.id ? 'Иван' : 'Пётр';
  const rows = await outboxOf(deps, customer.id);
  t.deepEqual(rows.map((row) => [row.channel, row.to, row.body]), [['sms', phone, `Заказ №${order.number}: Принят в работу, мастер ${winner}`]]);
});
