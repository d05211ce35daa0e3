import type { Knex } from 'knex';

// A password the owner handed out (invitation, reset) must be replaced at the first login.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.boolean('password_temporary').notNullable().defaultTo(false);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('password_temporary');
  });
}
