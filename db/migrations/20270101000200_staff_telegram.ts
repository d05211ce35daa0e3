import type { Knex } from 'knex';

// Telegram for staff: a manager or the owner links his Telegram to the company's bot with a
// one-time code and chooses what it tells him. Sent reminders and day-plan notes are rows,
// so each goes out once however often the bot checks or restarts.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.bigInteger('telegram_user_id');
    t.bigInteger('telegram_chat_id');
    t.string('telegram_username', 64);
    /** The language his Telegram said at linking: the bot writes to him in it. */
    t.string('telegram_language', 2);
    t.timestamp('telegram_linked_at', { useTz: true });
    /** Switches of what the bot tells him; a missing key means on. */
    t.jsonb('staff_alerts').notNullable().defaultTo('{}');
  });
  await knex.raw('create unique index users_tenant_telegram_unique on users (tenant_id, telegram_user_id) where telegram_user_id is not null');
  // The web process builds t.me links from the name the bot last started under.
  await knex.schema.alterTable('tenants', (t) => t.string('bot_username', 64));

  await knex.schema.createTable('staff_link_codes', (t) => {
    t.integer('user_id').primary().references('users.id').onDelete('CASCADE');
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.string('code_hash', 64).notNullable().unique();
    t.timestamp('expires_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('staff_date_reminders', (t) => {
    t.integer('customer_date_id').notNullable().references('customer_dates.id').onDelete('CASCADE');
    t.smallint('offset_days').notNullable();
    t.smallint('year').notNullable();
    t.timestamp('sent_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['customer_date_id', 'offset_days', 'year']);
  });

  await knex.schema.createTable('staff_day_plans', (t) => {
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.date('day').notNullable();
    t.bigInteger('commission').notNullable();
    t.bigInteger('plan').notNullable();
    t.timestamp('sent_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'day']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('staff_day_plans');
  await knex.schema.dropTableIfExists('staff_date_reminders');
  await knex.schema.dropTableIfExists('staff_link_codes');
  await knex.schema.alterTable('tenants', (t) => t.dropColumn('bot_username'));
  await knex.raw('drop index if exists users_tenant_telegram_unique');
  await knex.schema.alterTable('users', (t) => {
    for (const column of ['telegram_user_id', 'telegram_chat_id', 'telegram_username', 'telegram_language', 'telegram_linked_at', 'staff_alerts']) t.dropColumn(column);
  });
}
