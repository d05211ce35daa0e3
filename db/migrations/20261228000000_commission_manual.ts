import type { Knex } from 'knex';

// A commission set by hand stays when the price changes; one that follows the company's
// percentage is recomputed with it. Existing orders whose commission is not the percentage of
// their price were set by hand.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (t) => {
    t.boolean('commission_manual').notNullable().defaultTo(false);
  });
  await knex.raw(`
    update orders o
       set commission_manual = true
      from tenants t
     where t.id = o.tenant_id
       and o.commission <> round(o.price * coalesce((t.settings->>'commissionPercent')::numeric, 10) / 100)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (t) => {
    t.dropColumn('commission_manual');
  });
}
