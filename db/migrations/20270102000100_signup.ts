import type { Knex } from 'knex';

// Companies sign themselves up: the trade they chose, and whether the owner hid the first-steps checklist.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('tenants', (t) => {
    t.string('trade', 20);
    t.boolean('checklist_hidden').notNullable().defaultTo(false);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('tenants', (t) => {
    t.dropColumn('checklist_hidden');
    t.dropColumn('trade');
  });
}
