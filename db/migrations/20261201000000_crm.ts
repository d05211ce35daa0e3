import type { Knex } from 'knex';

// The CRM around the board: website intake replays, wall-screen links, other income lines.
export async function up(knex: Knex): Promise<void> {
  // A website retrying a POST with the same Idempotency-Key gets the first answer back.
  await knex.schema.createTable('idempotency_keys', (t) => {
    t.increments('id');
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.integer('channel_id').notNullable().references('channels.id').onDelete('CASCADE');
    t.string('key', 200).notNullable();
    t.string('request_hash', 64).notNullable();
    t.integer('order_id').references('orders.id').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['channel_id', 'key']);
    t.index(['created_at']);
  });

  // Read-only links for the wall screen; only the hash is kept, like session tokens.
  await knex.schema.createTable('wall_tokens', (t) => {
    t.increments('id');
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.string('token_hash', 64).notNullable().unique();
    t.string('name', 200).notNullable();
    t.integer('created_by').references('users.id').onDelete('SET NULL');
    t.timestamp('last_used_at', { useTz: true });
    t.timestamp('revoked_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  // Expenses and other income share one ledger; profitability adds one and subtracts the other.
  await knex.schema.alterTable('expenses', (t) => {
    t.string('kind', 10).notNullable().defaultTo('expense').checkIn(['expense', 'income']);
    t.integer('created_by').references('users.id').onDelete('SET NULL');
  });

  await knex.schema.alterTable('price_items', (t) => {
    t.index(['tenant_id', 'city_id', 'kind_id']);
  });
  await knex.schema.alterTable('payments', (t) => {
    t.index(['tenant_id', 'created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('payments', (t) => {
    t.dropIndex(['tenant_id', 'created_at']);
  });
  await knex.schema.alterTable('price_items', (t) => {
    t.dropIndex(['tenant_id', 'city_id', 'kind_id']);
  });
  await knex.schema.alterTable('expenses', (t) => {
    t.dropColumn('created_by');
    t.dropColumn('kind');
  });
  await knex.schema.dropTableIfExists('wall_tokens');
  await knex.schema.dropTableIfExists('idempotency_keys');
}
