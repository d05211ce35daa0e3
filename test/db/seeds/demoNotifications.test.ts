import test from 'ava';
import { systemActor } from '../../../db/core/actor.ts';
import { runOp } from '../../../db/core/runOp.ts';
import { writeStatus } from '../../../db/orders/changeStatus.ts';
import { lockOrder } from '../../../db/orders/orderRecord.ts';
import { seedDemo } from '../../../db/seeds/demo.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

test('the demo company has its messages on but sent none for its history; an order of a customer who agreed to both, done, queues them with the company phone', async (t) => {
  const { tenantId } = await seedDemo(deps.db);
  t.is((await deps.db('notification_templates').where({ tenant_id: tenantId, enabled: true })).length, 5);
  t.deepEqual(await deps.db('notifications').where({ tenant_id: tenantId }), [], 'the seeded history sent nothing');

  const order = await deps.db('orders as o')
    .join('customers as c', 'c.id', 'o.customer_id')
    .where({ 'o.tenant_id': tenantId })
    .whereIn('o.status', ['new', 'confirmed', 'dispatched', 'accepted'])
    .whereNotNull('c.sms_consent_at')
    .whereNotNull('c.email_consent_at')
    .whereNotNull('c.email')
    .first('o.id', 'o.customer_id');
  await runOp(deps, systemActor(tenantId), async (tx) => writeStatus(tx, await lockOrder(tx.trx, tenantId, order.id), 'done'));
  const queued = await deps.db('notifications').where({ customer_id: order.customer_id, order_id: order.id });
  t.true(queued.some((row) => row.channel === 'sms' && /^Заказ №\d+ выполнен\. Спасибо! Ваши бонусы: \d+$/.test(row.body)));
  t.true(queued.some((row) => row.channel === 'email' && row.body.endsWith('Телефон: +7 495 123-45-67')), "the e-mail names the demo company's phone");
});
