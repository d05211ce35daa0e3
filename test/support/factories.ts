import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { createTenant } from '../../db/settings/createTenant.ts';
import { loadOrder } from '../../db/orders/orderRecord.ts';
import { createUser } from '../../db/staff/users.ts';
import type { TenantSettings } from '../../shared/schemas/settings.ts';
import type { OrderDTO, UserDTO, UserRole } from '../../shared/types.ts';

// Factories build what a test names and create whatever parents it leaves out.
const unique = () => randomBytes(4).toString('hex');
export const TEST_PASSWORD = 'correct horse battery';

export interface TenantFixture {
  id: number;
  cityId: number;
  kindId: number;
  channelId: number;
}

export async function buildTenant(db: Knex, settings: Partial<TenantSettings> = {}): Promise<TenantFixture> {
  const slug = `t-${unique()}`;
  const { id } = await createTenant(db, { name: `Компания ${slug}`, slug, settings });
  const [city] = await db('cities').insert({ tenant_id: id, name: 'Москва', slug: 'moskva' }).returning('id');
  const [kind] = await db('kinds').insert({ tenant_id: id, name: 'Сантехника', slug: 'santehnika' }).returning('id');
  const [channel] = await db('channels').insert({ tenant_id: id, name: 'Телефон', type: 'phone' }).returning('id');
  return { id, cityId: city.id, kindId: kind.id, channelId: channel.id };
}

type Reference = { name?: string; slug?: string; position?: number };

/** Another city of the company, beside the one buildTenant gives it: Казань unless named. */
export async function buildCity(db: Knex, tenant: { id: number }, fields: Reference = {}): Promise<{ id: number }> {
  const [city] = await db('cities').insert({ tenant_id: tenant.id, name: 'Казань', slug: 'kazan', ...fields }).returning('id');
  return { id: city.id };
}

/** Another kind of work, beside the one buildTenant gives: Электрика unless named. */
export async function buildKind(db: Knex, tenant: { id: number }, fields: Reference = {}): Promise<{ id: number }> {
  const [kind] = await db('kinds').insert({ tenant_id: tenant.id, name: 'Электрика', slug: 'elektrika', ...fields }).returning('id');
  return { id: kind.id };
}

export async function buildUser(db: Knex, options: { tenant?: TenantFixture; role?: UserRole } = {}): Promise<UserDTO & { password: string }> {
  const tenant = options.tenant ?? (await buildTenant(db));
  const user = await createUser(db, {
    tenantId: tenant.id,
    email: `manager-${unique()}@example.com`,
    password: TEST_PASSWORD,
    name: 'Тест Менеджер',
    role: options.role ?? 'manager',
  });
  return { ...user, password: TEST_PASSWORD };
}

export interface MasterFixture {
  id: number;
  tenantId: number;
  telegramUserId: number;
}

let nextTelegramId = 5_000_000 + Math.floor(Math.random() * 1_000_000) * 10;

export async function buildMaster(
  db: Knex,
  options: {
    tenant?: TenantFixture;
    status?: 'pending' | 'approved' | 'blocked';
    onShift?: boolean;
    rating?: number;
    cityIds?: number[];
    kindIds?: number[];
    name?: string;
  } = {},
): Promise<MasterFixture> {
  const tenant = options.tenant ?? (await buildTenant(db));
  const telegramUserId = nextTelegramId++;
  const [master] = await db('masters')
    .insert({
      tenant_id: tenant.id,
      telegram_user_id: telegramUserId,
      telegram_chat_id: telegramUserId,
      name: options.name ?? `Мастер ${telegramUserId}`,
      phone: `+7999${String(telegramUserId).slice(-7)}`,
      status: options.status ?? 'approved',
      on_shift: options.onShift ?? true,
      rating: options.rating ?? 0,
    })
    .returning('id');
  const cityIds = options.cityIds ?? [tenant.cityId];
  const kindIds = options.kindIds ?? [tenant.kindId];
  if (cityIds.length) await db('master_cities').insert(cityIds.map((city_id) => ({ master_id: master.id, city_id })));
  if (kindIds.length) await db('master_kinds').insert(kindIds.map((kind_id) => ({ master_id: master.id, kind_id })));
  return { id: master.id, tenantId: tenant.id, telegramUserId };
}

export async function buildOrder(
  db: Knex,
  options: { tenant?: TenantFixture; status?: string; masterId?: number; price?: number; commission?: number; street?: string; address?: string } = {},
): Promise<OrderDTO & { tenant: TenantFixture }> {
  const tenant = options.tenant ?? (await buildTenant(db));
  const [customer] = await db('customers')
    .insert({ tenant_id: tenant.id, phone: `+7926${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`, name: 'Мария Клиентова' })
    .onConflict(['tenant_id', 'phone'])
    .merge()
    .returning('id');
  const [{ order_seq: number }] = await db('tenants').where({ id: tenant.id }).increment('order_seq', 1).returning('order_seq');
  const [order] = await db('orders')
    .insert({
      tenant_id: tenant.id,
      number,
      status: options.status ?? 'new',
      city_id: tenant.cityId,
      kind_id: tenant.kindId,
      channel_id: tenant.channelId,
      customer_id: customer.id,
      description: 'Заменить смеситель',
      street: options.street ?? 'ул. Тверская',
      address: options.address ?? 'ул. Тверская, д. 7, кв. 12',
      price: options.price ?? 200_000,
      commission: options.commission ?? 20_000,
      master_id: options.masterId ?? null,
    })
    .returning('id');
  return { ...(await loadOrder(db, tenant.id, order.id)), tenant };
}

/** An order of this customer (added, or found by the phone), with these columns, numbered `number` when asked. */
export async function buildCustomerOrder(
  db: Knex,
  tenant: TenantFixture,
  customer: { name: string; phone: string },
  columns: Record<string, unknown> = {},
  number?: number,
): Promise<OrderDTO & { tenant: TenantFixture }> {
  if (number !== undefined) await db('tenants').where({ id: tenant.id }).update({ order_seq: number - 1 });
  const order = await buildOrder(db, { tenant });
  const [row] = await db('customers')
    .insert({ tenant_id: tenant.id, name: customer.name, phone: customer.phone })
    .onConflict(['tenant_id', 'phone'])
    .merge()
    .returning('id');
  await db('orders').where({ id: order.id }).update({ customer_id: row.id, ...columns });
  return order;
}

/** The order offered to these masters, as a wave writes it; `sent` (his «Принять» is live) unless told. */
export async function buildOffers(
  db: Knex,
  options: { orderId: number; masters: MasterFixture[]; state?: 'pending' | 'sent' | 'accepted' | 'closed' | 'failed'; wave?: number },
): Promise<void> {
  const state = options.state ?? 'sent';
  await db('order_offers').insert(
    options.masters.map((master) => ({
      tenant_id: master.tenantId,
      order_id: options.orderId,
      master_id: master.id,
      chat_id: master.telegramUserId,
      state,
      wave: options.wave ?? 1,
      ...(state === 'sent' ? { sent_at: db.fn.now() } : {}),
    })),
  );
}
