import type { Knex } from 'knex';

// Messages to customers. `notifications` is the outbox: a row is written in the transaction of the
// status change that causes it, so a rolled-back change leaves none and a committed one cannot lose
// it; the sender (server/jobs/notificationSender.ts) delivers queued rows whose send_after has come.
export async function up(knex: Knex): Promise<void> {
  // One template per company, status (or `bonus`, the bonus accrual) and channel; off until enabled.
  await knex.schema.createTable('notification_templates', (t) => {
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.string('status', 40).notNullable();
    t.string('channel', 10).notNullable();
    t.boolean('enabled').notNullable().defaultTo(false);
    t.string('subject', 200).notNullable().defaultTo('');
    t.text('body').notNullable();
    t.primary(['tenant_id', 'status', 'channel']);
  });

  await knex.schema.createTable('notifications', (t) => {
    t.increments('id');
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.integer('customer_id').notNullable().references('customers.id').onDelete('CASCADE');
    t.integer('order_id').references('orders.id').onDelete('SET NULL');
    /** sms, email */
    t.string('channel', 10).notNullable();
    t.string('to', 200).notNullable();
    t.string('subject', 200);
    t.text('body').notNullable();
    /** queued, sent, failed (gave up), logged (no provider: what would have been sent) */
    t.string('state', 10).notNullable().defaultTo('queued');
    t.text('error');
    t.integer('attempts').notNullable().defaultTo(0);
    /** Not before: quiet hours, the next retry, or a sender's lease while it is sending. */
    t.timestamp('send_after', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    /** What the provider answered last (its message id, or its refusal). */
    t.text('provider_answer');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('sent_at', { useTz: true });
    t.index(['tenant_id', 'customer_id']);
    t.index(['tenant_id', 'order_id']);
  });
  await knex.raw(`create index notifications_due on notifications (send_after) where state = 'queued'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('notifications');
  await knex.schema.dropTable('notification_templates');
}
