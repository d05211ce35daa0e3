import type { Knex } from 'knex';

// The customer's status page, /t/<token>: one unguessable token per order, no login behind it.
// Stored as it is (not hashed like wall links) because every message about the order carries the
// link again. gen_random_uuid() is in core Postgres and PGlite alike: 122 random bits; the default
// fills existing orders and every new one, whichever path inserts it.
const TOKEN = `replace(gen_random_uuid()::text, '-', '')`;
const TYPES = ['website', 'avito', 'yandex', 'phone', 'other'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (t) => {
    t.string('status_token', 32).notNullable().defaultTo(knex.raw(TOKEN));
    t.unique(['status_token']);
  });
  // The request form on the company's site (/p/<company>/order) is a channel of its own, one per
  // company, made by its first request: the index lets two first requests at once make one.
  await setChannelTypes(knex, [...TYPES, 'form']);
  await knex.raw(`create unique index channels_one_form on channels (tenant_id) where type = 'form'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index channels_one_form');
  await knex('channels').where({ type: 'form' }).update({ type: 'other' });
  await setChannelTypes(knex, TYPES);
  await knex.schema.alterTable('orders', (t) => {
    t.dropColumn('status_token');
  });
}

async function setChannelTypes(knex: Knex, types: string[]): Promise<void> {
  await knex.raw('alter table channels drop constraint channels_type_check');
  // DDL takes no bind parameters; the list is this file's own constants.
  await knex.raw(`alter table channels add constraint channels_type_check check (type in (${types.map((type) => `'${type}'`).join(', ')}))`);
}
