import type { Knex } from 'knex';

// Where each staff member has read each master's chat up to: unread = the master's lines after it.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('chat_reads', (t) => {
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.integer('master_id').notNullable().references('masters.id').onDelete('CASCADE');
    t.integer('last_read_message_id').notNullable();
    t.timestamp('read_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['user_id', 'master_id']);
  });
  // The unread counts read a master's incoming lines after an id.
  await knex.raw(`create index chat_messages_incoming on chat_messages (tenant_id, master_id, id) where direction = 'in'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists chat_messages_incoming');
  await knex.schema.dropTableIfExists('chat_reads');
}
