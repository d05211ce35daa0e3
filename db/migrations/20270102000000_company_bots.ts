import type { Knex } from 'knex';

// Each company connects its own Telegram bot: the token is kept encrypted (db/bots/secretBox.ts),
// one bot serves one company, and one bot process runs every company's bot. A lease row says
// which process runs a company's bot now; a process that stops renewing loses it.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('company_bots', (t) => {
    t.integer('tenant_id').primary().references('tenants.id').onDelete('CASCADE');
    /** The number before the colon of the token: Telegram's id of the bot. */
    t.bigInteger('telegram_bot_id').notNullable().unique();
    t.string('username', 64).notNullable();
    /** AES-256-GCM of the token: iv, tag and ciphertext, base64url, dot-separated. */
    t.text('token_encrypted').notNullable();
    /** Telegram sends it with every webhook POST (X-Telegram-Bot-Api-Secret-Token). */
    t.string('webhook_secret', 64).notNullable();
    t.timestamp('connected_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('bot_leases', (t) => {
    t.integer('tenant_id').primary().references('tenants.id').onDelete('CASCADE');
    /** The bot process that runs this company's bot until expires_at. */
    t.string('holder', 100).notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('bot_leases');
  await knex.schema.dropTable('company_bots');
}
