import type { Knex } from 'knex';

// The «Клиенты» tab sorts and filters every customer by their orders: how many, what the done and
// paid ones cost (less the points spent on them), the last one's time. Aggregated per request over
// all of a company's orders that cost 135 ms at 100 000 orders (bench:customers); so each customer
// row carries the three figures, and triggers keep them in the same transaction as the order or
// spend that changes them, whichever op or path writes it. (A bonus balance is never stored: it is
// the ledger's sum. These figures are the orders' own, recomputed from them on every change.)
const REFRESH = `
create or replace function customer_history_refresh(customer integer) returns void language sql as $$
  update customers c set
    order_count = h.order_count,
    paid_total = h.paid_total,
    last_order_at = h.last_order_at
  from (
    select count(*)::int as order_count,
           coalesce(sum(o.price - (select coalesce(-sum(b.points), 0) from bonus_entries b
                                    where b.order_id = o.id and b.kind in ('spend', 'refund')) * 100)
                    filter (where o.status in ('done', 'paid')), 0)::bigint as paid_total,
           max(o.created_at) as last_order_at
    from orders o where o.customer_id = $1
  ) h
  where c.id = $1
$$`;

const ORDERS_TRIGGER = `
create or replace function orders_customer_history() returns trigger language plpgsql as $$
begin
  if tg_op <> 'DELETE' and new.customer_id is not null then
    perform customer_history_refresh(new.customer_id);
  end if;
  if tg_op <> 'INSERT' and old.customer_id is not null and (tg_op = 'DELETE' or old.customer_id is distinct from new.customer_id) then
    perform customer_history_refresh(old.customer_id);
  end if;
  return null;
end $$`;

const BONUS_TRIGGER = `
create or replace function bonus_customer_history() returns trigger language plpgsql as $$
declare
  entry bonus_entries;
begin
  entry := coalesce(new, old);
  if entry.order_id is not null and entry.kind in ('spend', 'refund') then
    perform customer_history_refresh((select customer_id from orders where id = entry.order_id));
  end if;
  return null;
end $$`;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('customers', (t) => {
    t.integer('order_count').notNullable().defaultTo(0);
    t.bigInteger('paid_total').notNullable().defaultTo(0);
    t.timestamp('last_order_at', { useTz: true });
  });
  await knex.raw(REFRESH);
  await knex.raw(ORDERS_TRIGGER);
  await knex.raw(BONUS_TRIGGER);
  await knex.raw(`create trigger orders_customer_history after insert or delete or update of customer_id, status, price, created_at
                  on orders for each row execute function orders_customer_history()`);
  await knex.raw(`create trigger bonus_customer_history after insert or delete or update on bonus_entries
                  for each row execute function bonus_customer_history()`);
  await knex.raw('select customer_history_refresh(id) from customers');
  // The tab's default order: the last order first, then by id so pages never overlap.
  await knex.raw('create index customers_last_order on customers (tenant_id, last_order_at desc nulls last, id desc)');
  // The tag filter (tags @> array[tag]).
  await knex.raw('create index customers_tags on customers using gin (tags)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop trigger if exists bonus_customer_history on bonus_entries');
  await knex.raw('drop trigger if exists orders_customer_history on orders');
  await knex.raw('drop function if exists bonus_customer_history()');
  await knex.raw('drop function if exists orders_customer_history()');
  await knex.raw('drop function if exists customer_history_refresh(integer)');
  await knex.raw('drop index if exists customers_tags');
  await knex.raw('drop index if exists customers_last_order');
  await knex.schema.alterTable('customers', (t) => {
    t.dropColumns('order_count', 'paid_total', 'last_order_at');
  });
}
