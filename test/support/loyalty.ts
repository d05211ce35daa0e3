import { userActor, type Actor } from '../../db/core/actor.ts';
import { createOrder } from '../../db/orders/createOrder.ts';
import { createOrderInput } from '../../shared/schemas/order.ts';
import { bonusSettingsSchema, type BonusSettings } from '../../shared/schemas/settings.ts';
import type { OrderDTO } from '../../shared/types.ts';
import type { TestDeps } from './deps.ts';
import { buildMaster, buildTenant, buildUser, type TenantFixture } from './factories.ts';

// A company with the bonus programme on, and its orders made and moved by the real ops.

export const programmeOn = (overrides: Partial<BonusSettings> = {}): BonusSettings => bonusSettingsSchema.parse({ enabled: true, cashbackPercent: 5, ...overrides });

export interface LoyaltyCompany {
  tenant: TenantFixture;
  manager: Actor;
  owner: Actor;
}

export async function buildLoyaltyCompany(deps: Pick<TestDeps, 'db'>, bonus: Partial<BonusSettings> = {}): Promise<LoyaltyCompany> {
  const tenant = await buildTenant(deps.db, { bonus: programmeOn(bonus) });
  return {
    tenant,
    manager: userActor(await buildUser(deps.db, { tenant })),
    owner: userActor(await buildUser(deps.db, { tenant, role: 'owner' })),
  };
}

let nextPhone = Math.floor(Math.random() * 1e6) * 10;
/** A phone no other test customer has. */
export const newPhone = () => `+7917${String(nextPhone++).padStart(7, '0')}`;

/** An order taken on the board (createOrder), for this phone. */
export async function placeOrder(deps: Pick<TestDeps, 'db' | 'bus'>, company: LoyaltyCompany, phone: string, price = 200_000): Promise<OrderDTO> {
  const { tenant, manager } = company;
  const input = createOrderInput.parse({ cityId: tenant.cityId, kindId: tenant.kindId, channelId: tenant.channelId, customer: { name: 'Мария Клиентова', phone }, street: 'ул. Тверская', price });
  return createOrder(deps, manager, input);
}

/** The order «Принят в работу» with a master, as the acceptance race leaves it (not a change under test). */
export async function putInWork(deps: Pick<TestDeps, 'db'>, company: LoyaltyCompany, orderId: number): Promise<void> {
  const master = await buildMaster(deps.db, { tenant: company.tenant });
  await deps.db('orders').where({ id: orderId }).update({ status: 'accepted', master_id: master.id });
}

/** The ledger's entries of a kind for a customer, oldest first. */
export async function entriesOfKind(deps: Pick<TestDeps, 'db'>, customerId: number, kind: string): Promise<{ id: number; points: number; order_id: number | null; expires_at: Date | null; lot_id: number | null }[]> {
  return deps.db('bonus_entries').where({ customer_id: customerId, kind }).orderBy('id').select('id', 'points', 'order_id', 'expires_at', 'lot_id');
}
