import { buildCity, buildKind, buildTenant, buildUser, type TenantFixture } from './factories.ts';
import type { ApiClient } from './http.ts';
import type { TestWeb } from './web.ts';

/** A company for the price tests: its manager logged in, and Казань and Электрика beside its own city and kind. */
export async function priceCompany(env: TestWeb): Promise<{ tenant: TenantFixture; manager: ApiClient; kazanId: number; electricId: number; slug: string }> {
  const tenant = await buildTenant(env.db);
  const kazan = await buildCity(env.db, tenant, { position: 1 });
  const electric = await buildKind(env.db, tenant, { position: 1 });
  const { slug } = await env.db('tenants').where({ id: tenant.id }).first('slug');
  return { tenant, manager: await env.as(await buildUser(env.db, { tenant })), kazanId: kazan.id, electricId: electric.id, slug };
}

/** As the board's upload form sends the file. */
export const postCsv = (client: ApiClient, csv: string, query = '') => client.post(`/api/prices/import${query}`, { csv });

/** A price item of the company's own city and kind, with what a test changes. */
export const item = (tenant: TenantFixture, extra: Record<string, unknown> = {}) => ({ cityId: tenant.cityId, kindId: tenant.kindId, name: 'Замена смесителя', price: 150_000, ...extra });
