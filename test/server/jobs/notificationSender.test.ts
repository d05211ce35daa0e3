import test from 'ava';
import { completeOrder } from '../../../db/index.ts';
import { writeStatus } from '../../../db/orders/changeStatus.ts';
import { lockOrder } from '../../../db/orders/orderRecord.ts';
import { runOp } from '../../../db/core/runOp.ts';
import { providersFrom, startNotificationSender } from '../../../server/jobs/notificationSender.ts';
import { startJobRunner, type JobRunner } from '../../../server/jobs/runner.ts';
import type { Providers } from '../../../server/notifications/provider.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { startFakeSmsRu, smsRuError, smsRuNumberError, type FakeSmsRu } from '../../support/fakeSmsRu.ts';
import { buildLoyaltyCompany } from '../../support/loyalty.ts';
import { startMailbox, type Mailbox } from '../../support/mailbox.ts';
import { consentingOrder, outboxOf, turnOnTemplates } from '../../support/notifications.ts';
import { waitFor } from '../../support/wait.ts';

// The sender through the real protocols: nodemailer talks SMTP to a server this test starts
// (smtp-server, read back with mailparser), and SMS.ru's HTTP API is a local server that answers
// as SMS.ru does, refusals included. Retries are fast here (50 ms, then 100 ms), three tries at most.

let deps: TestDeps;
let mailbox: Mailbox;
let smsRu: FakeSmsRu;
let jobs: JobRunner;
let providers: Providers;
let unsubscribe: () => void;
test.before(async () => {
  mailbox = await startMailbox();
  smsRu = await startFakeSmsRu();
  deps = await createTestDeps({ SMTP_URL: mailbox.url, SMTP_FROM: 'Сервис <service@example.com>', SMS_API_URL: smsRu.url, SMS_API_KEY: 'test-api-id' });
  jobs = await startJobRunner(deps.config.DATABASE_URL);
  providers = providersFrom(deps.config);
  unsubscribe = await startNotificationSender(deps, jobs, providers, { backoffMs: [50, 100], maxAttempts: 3, leaseMs: 10_000 });
});
test.after.always(async () => {
  unsubscribe?.();
  await jobs?.stop();
  for (const provider of Object.values(providers ?? {})) provider.close?.();
  await deps?.cleanup();
  await mailbox?.close();
  await smsRu?.close();
});

const templates = [
  { status: 'done', channel: 'sms' as const, body: 'Заказ №{{number}}: {{status}}. {{link}}' },
  { status: 'done', channel: 'email' as const, subject: 'Заказ №{{number}}: {{status}}', body: 'Здравствуйте! Заказ №{{number}}: {{status}}. Мастер: {{master}}. Тел. {{phone}}' },
];
const settled = (rows: { state: string }[], count: number) => rows.length === count && rows.every((row) => row.state !== 'queued');

async function company() {
  const loyalty = await buildLoyaltyCompany(deps);
  await turnOnTemplates(deps, loyalty, templates);
  await deps.db('tenants').where({ id: loyalty.tenant.id }).update({ settings: deps.db.raw(`settings || '{"companyPhone":"+7 495 111-22-33"}'::jsonb`) });
  return loyalty;
}

test('a done order sends the rendered e-mail to the SMTP server and the SMS to SMS.ru, and records their answers', async (t) => {
  const loyalty = await company();
  const { order, customerId, phone, email } = await consentingOrder(deps, loyalty, { sms: true, email: true });
  await completeOrder(deps, loyalty.manager, order.id);

  await waitFor(async () => settled(await outboxOf(deps, customerId), 2), 20_000);
  const mail = mailbox.mails.find((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === email)!;
  t.truthy(mail, 'the SMTP server received it');
  t.is(mail.subject, `Заказ №${order.number}: Выполнен`);
  t.is(mail.text?.trim(), `Здравствуйте! Заказ №${order.number}: Выполнен. Мастер: Иван. Тел. +7 495 111-22-33`);
  t.is(mail.from?.value[0]?.address, 'service@example.com');
  const sms = smsRu.received.find((request) => request.to === phone.slice(1))!;
  t.truthy(sms, 'SMS.ru received it');
  t.is(sms.apiId, 'test-api-id');
  t.regex(sms.msg, new RegExp(`^Заказ №${order.number}: Выполнен\\. http\\S+/t/[0-9a-f]{32}$`));

  const rows = await outboxOf(deps, customerId);
  for (const row of rows) t.like(row, { state: 'sent', attempts: 1, error: null });
  t.regex(rows.find((row) => row.channel === 'sms').provider_answer, /^0000-\d+$/, "SMS.ru's sms_id");
  t.regex(rows.find((row) => row.channel === 'email').provider_answer, /250/, "the SMTP server's 250");
  t.truthy(rows[0].sent_at);
});

test('a provider that fails is tried again after a wait and the message goes; one that keeps failing is given up with its reason', async (t) => {
  const loyalty = await company();
  const flaky = await consentingOrder(deps, loyalty, { sms: true, email: false });
  const down = await consentingOrder(deps, loyalty, { sms: true, email: false });
  smsRu.replies.set(flaky.phone.slice(1), [{ status: 503, body: 'Service Unavailable' }, smsRuError(220, 'Сервис временно недоступен, попробуйте чуть позже')]);
  smsRu.replies.set(down.phone.slice(1), [1, 2, 3].map(() => smsRuError(220, 'Сервис временно недоступен, попробуйте чуть позже')));
  await completeOrder(deps, loyalty.manager, flaky.order.id);
  await completeOrder(deps, loyalty.manager, down.order.id);

  await waitFor(async () => settled(await outboxOf(deps, flaky.customerId), 1) && settled(await outboxOf(deps, down.customerId), 1), 20_000);
  const [sent] = await outboxOf(deps, flaky.customerId);
  t.like(sent, { state: 'sent', attempts: 3, error: null });
  t.is(smsRu.received.filter((request) => request.to === flaky.phone.slice(1)).length, 3);
  const [failed] = await outboxOf(deps, down.customerId);
  t.like(failed, { state: 'failed', attempts: 3, error: 'SMS.ru 220: Сервис временно недоступен, попробуйте чуть позже' });
  t.is(smsRu.received.filter((request) => request.to === down.phone.slice(1)).length, 3, 'no fourth try');
});

test("a refusal no retry can change is given up at once: SMS.ru's wrong number, the SMTP server's unknown mailbox", async (t) => {
  const loyalty = await company();
  const { order, customerId, phone, email } = await consentingOrder(deps, loyalty, { sms: true, email: true });
  smsRu.replies.set(phone.slice(1), [smsRuNumberError(phone.slice(1), 207, 'На этот номер нельзя отправлять сообщения')]);
  mailbox.refuse.add(email!);
  await completeOrder(deps, loyalty.manager, order.id);

  await waitFor(async () => settled(await outboxOf(deps, customerId), 2), 20_000);
  const rows = await outboxOf(deps, customerId);
  t.like(rows.find((row) => row.channel === 'sms'), { state: 'failed', attempts: 1, error: 'SMS.ru 207: На этот номер нельзя отправлять сообщения' });
  const mail = rows.find((row) => row.channel === 'email');
  t.like(mail, { state: 'failed', attempts: 1 });
  t.regex(mail.error, /^SMTP: .*550/);
});

test('a change that rolls back sends nothing; a customer without consent gets nothing', async (t) => {
  const loyalty = await company();
  const rolledBack = await consentingOrder(deps, loyalty, { sms: true, email: true });
  const refused = await consentingOrder(deps, loyalty, { sms: false, email: false });
  await t.throwsAsync(runOp(deps, loyalty.manager, async (tx) => {
    await writeStatus(tx, await lockOrder(tx.trx, loyalty.tenant.id, rolledBack.order.id), 'done');
    throw new Error('rolled back');
  }));
  await completeOrder(deps, loyalty.manager, refused.order.id);
  // A message queued after both is delivered: the sender has passed them by.
  const witness = await consentingOrder(deps, loyalty, { sms: true, email: false });
  await completeOrder(deps, loyalty.manager, witness.order.id);
  await waitFor(async () => settled(await outboxOf(deps, witness.customerId), 1), 20_000);

  for (const { phone, email } of [rolledBack, refused]) {
    t.false(smsRu.received.some((request) => request.to === phone.slice(1)));
    t.false(mailbox.mails.some((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === email));
  }
  t.deepEqual(await outboxOf(deps, rolledBack.customerId), []);
  t.deepEqual(await outboxOf(deps, refused.customerId), []);
});

test('with the provider set to «none» in settings the message is logged, not sent, for «Исходящие»', async (t) => {
  const loyalty = await company();
  await deps.db('tenants').where({ id: loyalty.tenant.id }).update({ settings: deps.db.raw(`jsonb_set(settings, '{notifications,emailProvider}', '"none"')`) });
  const { order, customerId, email } = await consentingOrder(deps, loyalty, { sms: false, email: true });
  await completeOrder(deps, loyalty.manager, order.id);
  await waitFor(async () => settled(await outboxOf(deps, customerId), 1), 20_000);
  t.like((await outboxOf(deps, customerId))[0], { state: 'logged', channel: 'email', to: email, sent_at: null });
  t.false(mailbox.mails.some((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === email));
});
