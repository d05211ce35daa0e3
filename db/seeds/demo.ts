import type { Knex } from 'knex';
import { defaultStatuses } from '../../shared/statuses.ts';
import { hashApiKey } from '../channels/apiKeys.ts';
import { createTenant } from '../settings/createTenant.ts';
import { masterRating } from '../masters/rating.ts';
import { createUser } from '../staff/users.ts';
import { seedDemoCustomers } from './demoCustomers.ts';
import { seedDemoLoyalty } from './demoLoyalty.ts';
import { seedDemoNotifications } from './demoNotifications.ts';

export const DEMO_PASSWORD = 'naryad-demo';
export const DEMO_API_KEY = 'demo-website-key';

const kinds = [
  ['Сантехника', 'santehnika'],
  ['Электрика', 'elektrika'],
  ['Сборка мебели', 'sborka-mebeli'],
  ['Клининг', 'klining'],
  ['Грузчики', 'gruzchiki'],
  ['Ремонт техники', 'remont-tehniki'],
] as const;
const cities = [
  ['Москва', 'moskva', ['ул. Тверская', 'Ленинский пр-т', 'ул. Арбат', 'Профсоюзная ул.', 'ул. Бутырская']],
  ['Казань', 'kazan', ['ул. Баумана', 'пр-т Победы', 'ул. Пушкина', 'ул. Чистопольская']],
] as const;
const firstNames = ['Иван', 'Сергей', 'Алексей', 'Дмитрий', 'Андрей', 'Михаил', 'Ринат', 'Айдар', 'Олег', 'Никита', 'Павел', 'Тимур'];
const lastNames = ['Иванов', 'Петров', 'Сидоров', 'Смирнов', 'Кузнецов', 'Хабибуллин', 'Галиев', 'Морозов', 'Волков', 'Соколов'];
const customerNames = ['Мария Ковалёва', 'Ольга Лебедева', 'Елена Новикова', 'Наталья Фёдорова', 'Ирина Егорова', 'Татьяна Павлова'];
const jobs: Record<string, string[]> = {
  santehnika: ['Заменить смеситель на кухне', 'Течёт унитаз, нужна замена арматуры', 'Установить стиральную машину'],
  elektrika: ['Перенести две розетки', 'Повесить люстру', 'Выбивает автомат в ванной'],
  'sborka-mebeli': ['Собрать шкаф-купе', 'Собрать кухню, 6 модулей', 'Собрать детскую кровать'],
  klining: ['Уборка после ремонта, 54 м²', 'Генеральная уборка двушки', 'Мойка окон, 5 окон'],
  gruzchiki: ['Переезд однушки, 3 этаж без лифта', 'Поднять пианино', 'Вывезти старую мебель'],
  'remont-tehniki': ['Не греет стиральная машина', 'Холодильник не морозит', 'Посудомойка не сливает'],
};

/** Deterministic demo data, so screenshots and the README's walkthrough look the same every time. */
function random(seed: number) {
  let state = seed;
  const next = () => ((state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

export async function seedDemo(db: Knex): Promise<{ tenantId: number }> {
  const rnd = random(20261123);
  const { id: tenantId } = await createTenant(db, { name: 'Мастер на час', slug: 'demo', settings: { waveSize: 5, waveDelaySeconds: 60 } });
  for (const [email, name, role] of [
    ['owner@example.com', 'Ольга Владелец', 'owner'],
    ['anna@example.com', 'Анна Менеджер', 'manager'],
    ['boris@example.com', 'Борис Менеджер', 'manager'],
  ] as const) {
    await createUser(db, { tenantId, email, password: DEMO_PASSWORD, name, role });
  }
  const cityRows = await db('cities')
    .insert(cities.map(([name, slug], position) => ({ tenant_id: tenantId, name, slug, position })))
    .returning(['id', 'slug']);
  const kindRows = await db('kinds')
    .insert(kinds.map(([name, slug], position) => ({ tenant_id: tenantId, name, slug, position })))
    .returning(['id', 'slug']);
  const channelRows = await db('channels')
    .insert([
      { tenant_id: tenantId, name: 'Сайт', type: 'website', api_key_hash: hashApiKey(DEMO_API_KEY) },
      { tenant_id: tenantId, name: 'Авито', type: 'avito' },
      { tenant_id: tenantId, name: 'Яндекс Услуги', type: 'yandex' },
      { tenant_id: tenantId, name: 'Телефон', type: 'phone' },
    ])
    .returning(['id', 'type']);

  const masters = [];
  for (let i = 0; i < 40; i++) {
    const status = i < 32 ? 'approved' : i < 37 ? 'pending' : 'blocked';
    const name = `${rnd.pick(firstNames)} ${rnd.pick(lastNames)}`;
    const onShift = status === 'approved' && rnd.next() < 0.75;
    rnd.next(); // the draw of a rating made up before the formula: kept so the rest of the demo stays the same
    masters.push({
      tenant_id: tenantId,
      telegram_user_id: 700_000 + i,
      telegram_chat_id: 700_000 + i,
      name,
      phone: `+7916${String(1_000_000 + i * 7919).slice(-7)}`,
      status,
      block_reason: status === 'blocked' ? 'Жалобы клиентов' : null,
      on_shift: onShift,
      source: i % 9 === 8 ? 'manual' : 'bot',
    });
  }
  const masterRows = await db('masters').insert(masters).returning(['id', 'status']);
  await db('master_cities').insert(masterRows.map((m, i) => ({ master_id: m.id, city_id: cityRows[i % 2].id })));
  await db('master_kinds').insert(
    masterRows.flatMap((m, i) => {
      const own = new Set([kindRows[i % kindRows.length].id, rnd.pick(kindRows).id]);
      return [...own].map((kindId) => ({ master_id: m.id, kind_id: kindId }));
    }),
  );
  const approved = masterRows.filter((m) => m.status === 'approved');

  const customerRows = await db('customers')
    .insert(
      Array.from({ length: 50 }, (_, i) => ({
        tenant_id: tenantId,
        phone: `+7903${String(2_000_000 + i * 4567).slice(-7)}`,
        name: rnd.pick(customerNames),
      })),
    )
    .returning('id');

  const now = Date.now();
  const closedStatuses = new Set(['done', 'paid', 'cancelled']);
  // Every column has cards; most finished work is paid, as in a business that runs.
  const statusMix = [...defaultStatuses.map((status) => status.code), 'paid', 'paid', 'paid', 'done'];
  const orders = Array.from({ length: 80 }, (_, i) => {
    const status = statusMix[i % statusMix.length]!;
    const city = cityRows[i % 2];
    const street = rnd.pick(cities[i % 2]![2]);
    const kind = rnd.pick(kindRows);
    const createdAt = new Date(now - rnd.int(0, 60 * 24) * 3_600_000);
    const price = rnd.int(15, 120) * 10_000;
    const withMaster = ['accepted', 'rescheduled', 'done', 'paid'].includes(status);
    return {
      tenant_id: tenantId,
      number: i + 1,
      status,
      city_id: city.id,
      kind_id: kind.id,
      channel_id: rnd.pick(channelRows).id,
      customer_id: rnd.pick(customerRows).id,
      description: rnd.pick(jobs[kind.slug]!),
      street,
      address: `${street}, д. ${rnd.int(1, 120)}, кв. ${rnd.int(1, 300)}`,
      // Work still ahead is planned from today on; finished work was planned soon after the call.
      planned_at: new Date((closedStatuses.has(status) ? createdAt.getTime() : now) + rnd.int(1, 5) * 86_400_000),
      price,
      commission: Math.round(price / 10),
      master_id: withMaster ? rnd.pick(approved).id : null,
      cancel_reason: status === 'cancelled' ? 'Клиент передумал' : null,
      created_at: createdAt,
      updated_at: createdAt,
      status_changed_at: createdAt,
    };
  });
  const orderRows = await db('orders').insert(orders).returning(['id', 'status', 'master_id', 'commission', 'created_at']);
  // Each order's history as the timeline and the reports expect it: created, then the steps to its status.
  const events = orderRows.flatMap((order) => historyOf(order)).sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  await db('order_events').insert(events.map((event, i) => ({ ...event, tenant_id: tenantId, seq: i + 1 })));
  await db('tenants').where({ id: tenantId }).update({ event_seq: events.length, order_seq: orderRows.length });
  await db('payments').insert(
    orderRows
      .filter((o) => o.status === 'paid')
      .map((o) => ({ tenant_id: tenantId, order_id: o.id, master_id: o.master_id, amount: o.commission, method: 'card', created_at: new Date(Math.min(now, new Date(o.created_at).getTime() + 20 * 3_600_000)) })),
  );

  // Ratings as the formula makes them from this history, so the first recalculation changes none.
  for (const master of masterRows) await db('masters').where({ id: master.id }).update({ rating: await masterRating(db, tenantId, master.id) });

  for (const city of cityRows) {
    await db('price_items').insert(
      kindRows.flatMap((kind, k) => [
        { tenant_id: tenantId, city_id: city.id, kind_id: kind.id, name: `Вызов мастера: ${kinds[k]![0].toLowerCase()}`, unit: 'выезд', price: 50_000, position: 0 },
        { tenant_id: tenantId, city_id: city.id, kind_id: kind.id, name: 'Час работы', unit: 'час', price: city.slug === 'moskva' ? 150_000 : 110_000, position: 1 },
      ]),
    );
  }
  await db('expenses').insert(
    channelRows.flatMap((channel) =>
      [0, 1, 2].map((month) => ({
        tenant_id: tenantId,
        channel_id: channel.id,
        city_id: rnd.pick(cityRows).id,
        spent_on: new Date(now - month * 30 * 86_400_000).toISOString().slice(0, 10),
        amount: rnd.int(2, 8) * 10_000,
        note: channel.type === 'phone' ? 'Телефония' : 'Реклама',
      })),
    ),
  );
  await seedDemoCustomers(db, tenantId, now);
  await seedDemoLoyalty(db, tenantId, now);
  await seedDemoNotifications(db, tenantId);
  return { tenantId };
}

type SeededOrder = { id: number; status: string; master_id: number | null; commission: number; created_at: Date };

const steps: Record<string, string[]> = {
  new: [],
  no_answer: ['orders.moved'],
  confirmed: ['orders.moved'],
  dispatched: ['orders.moved', 'orders.dispatched'],
  accepted: ['orders.moved', 'orders.dispatched', 'orders.accepted'],
  rescheduled: ['orders.moved', 'orders.dispatched', 'orders.accepted', 'orders.rescheduled'],
  done: ['orders.moved', 'orders.dispatched', 'orders.accepted', 'orders.completed'],
  paid: ['orders.moved', 'orders.dispatched', 'orders.accepted', 'orders.completed', 'orders.paid'],
  cancelled: ['orders.cancelled'],
};

function historyOf(order: SeededOrder) {
  const byMaster = new Set(['orders.accepted', 'orders.rescheduled', 'orders.completed']);
  const types = ['orders.created', ...steps[order.status]!];
  return types.map((type, i) => ({
    order_id: order.id,
    actor_type: byMaster.has(type) ? 'master' : 'system',
    actor_id: byMaster.has(type) ? order.master_id : null,
    type,
    data: { seeded: true, ...(type === 'orders.moved' ? { to: order.status === 'no_answer' ? 'no_answer' : 'confirmed' } : {}), ...(type === 'orders.paid' ? { amount: Number(order.commission), method: 'card' } : {}) },
    // Steps an hour or so apart, never in the future.
    created_at: new Date(Math.min(Date.now(), new Date(order.created_at).getTime() + i * 3_600_000 * 5)),
  }));
}
