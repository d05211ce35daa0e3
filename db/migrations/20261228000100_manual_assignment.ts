import type { Knex } from 'knex';

// Statuses a manager may give an order to a master from (POST /api/orders/:id/assign).
const beforeWork = ['new', 'no_answer', 'confirmed', 'dispatched'];

export async function up(knex: Knex): Promise<void> {
  // The master a manager took the order from when sending it back to the search: that search
  // skips him (matchingMasters). Cleared by the next dispatch of an order without a master.
  await knex.schema.alterTable('orders', (t) => {
    t.integer('withdrawn_master_id').references('masters.id').onDelete('SET NULL');
  });
  // Every company's matrix gains the manager's hand assignment, where the statuses exist.
  await knex.raw(
    `insert into transitions (tenant_id, role, from_status, to_status)
     select s.tenant_id, 'manager', s.code, 'accepted'
       from statuses s
      where s.code = any(?)
        and exists (select 1 from statuses a where a.tenant_id = s.tenant_id and a.code = 'accepted')
        and not exists (select 1 from transitions x
                         where x.tenant_id = s.tenant_id and x.role = 'manager' and x.from_status = s.code and x.to_status = 'accepted')`,
    [beforeWork],
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex('transitions').where({ role: 'manager', to_status: 'accepted' }).whereIn('from_status', beforeWork).delete();
  await knex.schema.alterTable('orders', (t) => {
    t.dropColumn('withdrawn_master_id');
  });
}
