import type { Knex } from 'knex';

// A master who blocked the bot (Telegram's my_chat_member "kicked"): offers skip him until he writes again.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('masters', (t) => {
    t.timestamp('bot_blocked_at', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('masters', (t) => {
    t.dropColumn('bot_blocked_at');
  });
}
