import type { Knex } from 'knex';

// The customer base (tags, notes, consent to messages, their dates) and the bonus ledger.
// A balance is the sum of a customer's bonus_entries, never a stored number: entries are only
// ever added. The partial unique indexes make "once" a fact of the database, not of the code:
// one welcome per customer, one cashback and one reversal per order, one expiry per lot.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('customers', (t) => {
    t.specificType('tags', 'text[]').notNullable().defaultTo('{}');
    t.text('notes').notNullable().defaultTo('');
    /** When the customer agreed to SMS / e-mail; null: no consent. */
    t.timestamp('sms_consent_at', { useTz: true });
    t.timestamp('email_consent_at', { useTz: true });
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  // Any named date that comes back every year: a birthday, an anniversary, «день рождения мамы».
  await knex.schema.createTable('customer_dates', (t) => {
    t.increments('id');
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.integer('customer_id').notNullable().references('customers.id').onDelete('CASCADE');
    t.string('title', 100).notNullable();
    t.smallint('month').notNullable();
    t.smallint('day').notNullable();
    t.smallint('year');
    t.index(['tenant_id', 'month', 'day']);
    t.index(['customer_id']);
  });

  await knex.schema.createTable('bonus_entries', (t) => {
    t.increments('id');
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.integer('customer_id').notNullable().references('customers.id').onDelete('CASCADE');
    t.integer('order_id').references('orders.id');
    /** welcome, cashback, spend, refund, reversal, expiry, correction */
    t.string('kind', 20).notNullable();
    /** Whole points, signed: what was credited (+) or taken (−). 1 point = 1 rouble. */
    t.integer('points').notNullable();
    /** For a credit: when what is left of it expires; null: never. */
    t.timestamp('expires_at', { useTz: true });
    /** For an expiry: the credit (lot) it ends. */
    t.integer('lot_id').references('bonus_entries.id');
    t.integer('created_by').references('users.id');
    t.string('reason', 500).notNullable().defaultTo('');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['tenant_id', 'customer_id']);
    t.index(['order_id']);
  });
  await knex.raw(`create unique index bonus_welcome_once on bonus_entries (customer_id) where kind = 'welcome'`);
  await knex.raw(`create unique index bonus_cashback_once on bonus_entries (order_id) where kind = 'cashback'`);
  await knex.raw(`create unique index bonus_reversal_once on bonus_entries (order_id) where kind = 'reversal'`);
  await knex.raw(`create unique index bonus_expiry_once on bonus_entries (lot_id) where kind = 'expiry'`);
  await knex.raw(`create index bonus_expiring on bonus_entries (expires_at) where expires_at is not null`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('bonus_entries');
  await knex.schema.dropTableIfExists('customer_dates');
  await knex.schema.alterTable('customers', (t) => {
    t.dropColumns('tags', 'notes', 'sms_consent_at', 'email_consent_at', 'updated_at');
  });
}
