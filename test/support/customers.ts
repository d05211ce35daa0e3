import type { Knex } from 'knex';
import { createCustomer } from '../../db/customers/createCustomer.ts';
import { userActor } from '../../db/core/actor.ts';
import type { CustomerCardDTO } from '../../shared/customers.ts';
import { createCustomerInput } from '../../shared/schemas/customer.ts';
import type { TestDeps } from './deps.ts';
import { buildUser, type TenantFixture } from './factories.ts';

/** A customer card made the way a manager makes one (the schema's defaults, the op, its event). */
export async function buildCustomer(deps: Pick<TestDeps, 'db' | 'bus'>, tenant: TenantFixture, fields: Record<string, unknown> = {}): Promise<CustomerCardDTO> {
  const manager = userActor(await buildUser(deps.db, { tenant }));
  const phone = `+7915${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  return createCustomer(deps, manager, createCustomerInput.parse({ name: 'Мария Клиентова', phone, ...fields }));
}

/** A ledger entry as the loyalty ops write one (kind, signed points, the order it is about). */
export async function buildBonusEntry(
  db: Knex,
  tenant: { id: number },
  customerId: number,
  entry: { kind: string; points: number; orderId?: number; expiresAt?: Date; reason?: string },
): Promise<number> {
  const [row] = await db('bonus_entries')
    .insert({ tenant_id: tenant.id, customer_id: customerId, kind: entry.kind, points: entry.points, order_id: entry.orderId ?? null, expires_at: entry.expiresAt ?? null, reason: entry.reason ?? '' })
    .returning('id');
  return row.id;
}
