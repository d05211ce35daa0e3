import type { Knex } from 'knex';

// The archive reads every order a company ever had (GET /api/orders): its sorts, the customer's
// other orders, and the search (db/orders/queries.ts) need indexes.
//
// The search (db/core/search.ts) finds a phone whole, by its start or by its end, which btrees
// serve (the end read backwards); and text inside names and addresses (LIKE '%…%'), which only
// trigram indexes serve. pg_trgm ships with Postgres but the embedded PGlite does not load it;
// there (and where the role may not create it) the text search scans, which a company on the
// embedded database does not notice. The expressions must stay the ones the search writes.
// (Trigrams do not suit phones: every one shares "+79", and most the operator's code.)
const TRIGRAM_INDEXES = {
  orders_place_search: `orders using gin (lower(translate(street || ' ' || address || ' ' || description, 'Ёё', 'Ее')) gin_trgm_ops)`,
  customers_name_search: `customers using gin (lower(translate(name, 'Ёё', 'Ее')) gin_trgm_ops)`,
};

async function canUseTrigrams(knex: Knex): Promise<boolean> {
  const { rows } = await knex.raw(`
    select exists (
      select 1 from pg_available_extension_versions v
      where v.name = 'pg_trgm'
        and (v.installed
          or (select rolsuper from pg_roles where rolname = current_user)
          or (v.trusted and has_database_privilege(current_database(), 'CREATE')))
    ) as ok`);
  return rows[0].ok === true;
}

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (t) => {
    t.index(['tenant_id', 'customer_id']);
    t.index(['tenant_id', 'created_at']);
    t.index(['tenant_id', 'planned_at']);
    t.index(['tenant_id', 'price']);
    t.index(['tenant_id', 'created_by']);
    t.index(['tenant_id', 'master_id']);
  });
  await knex.raw('create index customers_phone_start on customers (tenant_id, phone varchar_pattern_ops)');
  await knex.raw('create index customers_phone_end on customers (tenant_id, reverse(phone) text_pattern_ops)');
  if (!(await canUseTrigrams(knex))) return;
  await knex.raw('create extension if not exists pg_trgm');
  for (const [name, definition] of Object.entries(TRIGRAM_INDEXES)) await knex.raw(`create index ${name} on ${definition}`);
}

export async function down(knex: Knex): Promise<void> {
  // The extension stays: other schemas in the database may use it.
  for (const name of [...Object.keys(TRIGRAM_INDEXES), 'customers_phone_end', 'customers_phone_start']) await knex.raw(`drop index if exists ${name}`);
  await knex.schema.alterTable('orders', (t) => {
    t.dropIndex(['tenant_id', 'master_id']);
    t.dropIndex(['tenant_id', 'created_by']);
    t.dropIndex(['tenant_id', 'price']);
    t.dropIndex(['tenant_id', 'planned_at']);
    t.dropIndex(['tenant_id', 'created_at']);
    t.dropIndex(['tenant_id', 'customer_id']);
  });
}
