import type { Knex } from 'knex';

// «Кешбэк %» was a top-level setting no code read; it is now the bonus programme's
// (settings.bonus.cashbackPercent), so each company keeps the percent it had typed.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    update tenants
       set settings = (settings - 'cashbackPercent')
                      || jsonb_build_object('bonus', coalesce(settings->'bonus', '{}'::jsonb) || jsonb_build_object('cashbackPercent', settings->'cashbackPercent'))
     where settings->'cashbackPercent' is not null`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    update tenants
       set settings = (settings - 'bonus') || jsonb_build_object('cashbackPercent', settings->'bonus'->'cashbackPercent')
     where settings->'bonus'->'cashbackPercent' is not null`);
}
