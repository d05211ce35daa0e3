import type { Knex } from 'knex';

// What the masters' bot keeps between restarts: grammY sessions and which closed offers were shown closed.
export async function up(knex: Knex): Promise<void> {
  // grammY sessions (a master's place in registration, photo upload, profile edits), one row per chat.
  await knex.schema.createTable('bot_sessions', (t) => {
    t.string('key', 100).primary();
    t.jsonb('value').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  // An offer closed in the database is not yet closed in the master's chat; this marks the edit as done,
  // so a restarted bot finishes the edits it had not made and repeats none.
  await knex.schema.alterTable('order_offers', (t) => {
    t.timestamp('shown_closed_at', { useTz: true });
    t.string('error', 300);
    t.index(['order_id', 'state']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('order_offers', (t) => {
    t.dropIndex(['order_id', 'state']);
    t.dropColumn('error');
    t.dropColumn('shown_closed_at');
  });
  await knex.schema.dropTableIfExists('bot_sessions');
}
