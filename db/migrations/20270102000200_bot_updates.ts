import type { Knex } from 'knex';

// The webhook door (POST /tg/<bot id>) keeps each update here and answers Telegram at once; the
// bot process that holds the company's lease drains them. Telegram retries an update it thinks
// was not taken: the unique key keeps the retry from being handled twice.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('bot_updates', (t) => {
    t.bigIncrements('id');
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.bigInteger('telegram_bot_id').notNullable();
    t.bigInteger('update_id').notNullable();
    t.jsonb('update').notNullable();
    t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['telegram_bot_id', 'update_id']);
    t.index(['tenant_id', 'id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('bot_updates');
}
