import test from 'ava';
import { completeOrder } from '../../../db/index.ts';
import { claimDueMessages, recordDelivery } from '../../../db/notifications/delivery.ts';
import { deliverDue } from '../../../server/jobs/notificationSender.ts';
import { DeliveryError } from '../../../server/notifications/provider.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { buildLoyaltyCompany } from '../../support/loyalty.ts';
import { consentingOrder, outboxOf, turnOnTemplates } from '../../support/notifications.ts';

// The sender's claims on the outbox, without a provider: who takes a message, when it comes back.
// Each test claims only its own company's rows (one claim takes what is due in the whole database),
// so the tests of this file run one after another.

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

async function queuedMessages(count: number) {
  const company = await buildLoyaltyCompany(deps);
  await turnOnTemplates(deps, company, [{ status: 'done', channel: 'sms', body: '{{number}}' }]);
  const customers: number[] = [];
  for (let i = 0; i < count; i++) {
    const { order, customerId } = await consentingOrder(deps, company, { sms: true, email: false });
    await completeOrder(deps, company.manager, order.id);
    customers.push(customerId);
  }
  return customers;
}

test.serial('two senders claiming at once never take the same message; each claim counts a try and leases the message', async (t) => {
  const customers = await queuedMessages(6);
  const now = new Date();
  const [first, second] = await Promise.all([claimDueMessages(deps.db, now, 60_000, 4), claimDueMessages(deps.db, now, 60_000, 4)]);
  const ids = [...first, ...second].map((message) => message.id);
  t.is(ids.length, 6, 'all six taken');
  t.is(new Set(ids).size, 6, 'none twice');
  t.true([...first, ...second].every((message) => message.attempt === 1));
  t.deepEqual(await claimDueMessages(deps.db, now, 60_000), [], 'leased: nobody takes them again meanwhile');
  const rows = (await Promise.all(customers.map((id) => outboxOf(deps, id)))).flat();
  t.true(rows.every((row) => row.state === 'queued' && new Date(row.send_after).getTime() === now.getTime() + 60_000));
});

test.serial("a sender that died mid-send leaves its message to the next one when the lease ends; its late answer is not recorded over the new try's", async (t) => {
  const [customerId] = await queuedMessages(1);
  const now = new Date();
  const [taken] = await claimDueMessages(deps.db, now, 1_000);
  t.truthy(taken);
  const later = new Date(now.getTime() + 1_001);
  const [again] = await claimDueMessages(deps.db, later, 60_000);
  t.like(again, { id: taken!.id, attempt: 2 });
  await recordDelivery(deps, taken!, { state: 'sent', answer: 'late' });
  t.like((await outboxOf(deps, customerId!))[0], { state: 'queued', attempts: 2, provider_answer: null });
  await recordDelivery(deps, again!, { state: 'sent', answer: 'sms-1' });
  t.like((await outboxOf(deps, customerId!))[0], { state: 'sent', attempts: 2, provider_answer: 'sms-1' });
  const events = await deps.db('order_events').where({ type: 'notifications.changed' }).whereRaw(`(data->'notification'->>'id')::int = ?`, [taken!.id]).orderBy('seq');
  t.deepEqual(events.map((event) => event.data.notification.state), ['queued', 'sent'], 'the late answer pushed nothing');
});

test.serial('a failed SMS is not retried in the quiet hours either: the retry waits for their end', async (t) => {
  const [customerId] = await queuedMessages(1);
  const { tenant_id: tenantId } = await deps.db('customers').where({ id: customerId }).first('tenant_id');
  // The night begins now (this minute, Moscow time) and ends two minutes later.
  const clock = (at: number) => new Date(at).toLocaleTimeString('en-GB', { timeZone: 'Europe/Moscow', hour: '2-digit', minute: '2-digit' });
  const now = Date.now();
  await deps.db('tenants').where({ id: tenantId }).update({ settings: deps.db.raw(`jsonb_set(settings, '{notifications,quietHours}', ?::jsonb)`, [JSON.stringify({ from: clock(now), to: clock(now + 120_000) })]) });
  const failing = { sms: { send: async () => Promise.reject(new DeliveryError('SMS.ru 220: Сервис временно недоступен', false)) } };
  await deliverDue(deps, failing, { backoffMs: [50], maxAttempts: 3, leaseMs: 10_000 });
  const [row] = await outboxOf(deps, customerId!);
  t.like(row, { state: 'queued', attempts: 1, error: 'SMS.ru 220: Сервис временно недоступен' });
  const wait = new Date(row.send_after).getTime() - now;
  t.true(wait > 60_000 && wait <= 120_000, `held ${wait} ms, to ${clock(now + 120_000)}`);
});
