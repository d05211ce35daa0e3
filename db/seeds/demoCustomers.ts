import type { Knex } from 'knex';
import { dayIn } from '../../shared/time.ts';
import { loadTenantSettings } from '../settings/tenantSettings.ts';

// The demo company's customers as a business that knows them: tags, notes, consent to messages,
// their dates (a few this month, for the «Клиенты» filter). Drawn from each card's position, not
// from the demo's random stream, so the rest of the demo stays as it was; "this month" is the
// company's, as the filter reads it.

const NOTES = [
  'Домофон не работает, звонить за 10 минут',
  'Собака в квартире, предупредить мастера',
  'Просит бахилы и уборку после работы',
  'Оплата по счёту, закрывающие документы на почту',
  'Код домофона 45К1234, 3 подъезд',
];

type Card = { id: number; phone: string; name: string; orders: number; firstOrderAt: Date | null };

function tagsOf(card: Card, i: number): string[] {
  const tags: string[] = [];
  if (i % 12 === 5) tags.push('VIP');
  if (i % 10 === 7) tags.push('юрлицо');
  if (card.orders >= 3) tags.push('постоянный');
  return tags;
}

function datesOf(i: number, thisMonth: number): { title: string; month: number; day: number; year: number | null }[] {
  const dates = [];
  const day = ((i * 7) % 28) + 1;
  if (i % 2 === 0) dates.push({ title: 'День рождения', month: i % 7 === 3 || i % 8 === 0 ? thisMonth : ((i * 5) % 12) + 1, day, year: 1960 + ((i * 7) % 40) });
  if (i % 5 === 1) dates.push({ title: 'День рождения мамы', month: i % 3 === 0 ? thisMonth : ((i * 3) % 12) + 1, day: ((i * 11) % 28) + 1, year: null });
  if (i % 9 === 4) dates.push({ title: 'Годовщина свадьбы', month: ((i * 2) % 12) + 1, day, year: null });
  return dates;
}

export async function seedDemoCustomers(db: Knex, tenantId: number, now: number): Promise<void> {
  const { timezone } = await loadTenantSettings(db, tenantId);
  const thisMonth = Number(dayIn(timezone, new Date(now)).slice(5, 7));
  const cards: Card[] = (
    await db('customers as c')
      .leftJoin('orders as o', 'o.customer_id', 'c.id')
      .where('c.tenant_id', tenantId)
      .groupBy('c.id')
      .orderBy('c.id')
      .select('c.id', 'c.phone', 'c.name', db.raw('count(o.id)::int as orders'), db.raw('min(o.created_at) as first_order_at'))
  ).map((row: { id: number; phone: string; name: string; orders: number; first_order_at: Date | string | null }) => ({ id: row.id, phone: row.phone, name: row.name, orders: Number(row.orders), firstOrderAt: row.first_order_at === null ? null : new Date(row.first_order_at) }));
  // One statement for every card: an upsert onto the rows by their phones.
  const details = cards.map((card, i) => {
    // Consent given when the customer first called (or a month ago for a card with no order yet).
    const agreedAt = card.firstOrderAt ?? new Date(now - 30 * 86_400_000);
    return {
      tenant_id: tenantId,
      phone: card.phone,
      name: card.name,
      tags: tagsOf(card, i),
      notes: i % 4 === 1 ? NOTES[i % NOTES.length]! : '',
      email: i % 4 === 0 ? `client${i + 1}@example.ru` : null,
      sms_consent_at: i % 3 === 2 ? null : agreedAt,
      email_consent_at: i % 4 === 0 ? agreedAt : null,
    };
  });
  await db('customers').insert(details).onConflict(['tenant_id', 'phone']).merge(['tags', 'notes', 'email', 'sms_consent_at', 'email_consent_at']);
  const dates = cards.flatMap((card, i) => datesOf(i, thisMonth).map((date) => ({ tenant_id: tenantId, customer_id: card.id, ...date })));
  if (dates.length) await db('customer_dates').insert(dates);
}
