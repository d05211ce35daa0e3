import type { Knex } from 'knex';

// The company itself, outside a command.

export interface Company {
  id: number;
  name: string;
  slug: string;
}

export async function loadCompany(db: Knex, tenantId: number): Promise<Company> {
  return db('tenants').where({ id: tenantId }).first('id', 'name', 'slug');
}

/** Whether the database holds any company yet (the all-in-one start seeds the demo into an empty one). */
export async function hasCompany(db: Knex): Promise<boolean> {
  return Boolean(await db('tenants').first('id'));
}
