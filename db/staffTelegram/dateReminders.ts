import type { Knex } from 'knex';
import { systemActor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { runOp } from '../core/runOp.ts';

/** A customer's date coming up, claimed for one reminder. */
export interface DateReminder {
  customerDateId: number;
  customerId: number;
  customerName: string;
  phone: string;
  title: string;
  /** The day it falls on this time, "YYYY-MM-DD". */
  occursOn: string;
  daysAhead: number;
  /** The year it began (a birth year), when the card has one. */
  sinceYear: number | null;
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The stored (month, day) pairs that fall on this calendar day: 29 February is kept on the 28th in other years. */
function datesFallingOn(day: string): { year: number; month: number; days: number[] } {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return { year, month, days: month === 2 && date === 28 && !isLeap(year) ? [28, 29] : [date] };
}

/**
 * The dates `daysAhead` days after `today` (the company's day) for each offset, each claimed in
 * staff_date_reminders (customer date, offset, year) in this transaction: a date already
 * reminded of at that offset that year is not returned again, whoever asks and however often.
 */
export async function claimDateReminders(ctx: OpsContext, tenantId: number, today: string, offsets: number[]): Promise<DateReminder[]> {
  return runOp(ctx, systemActor(tenantId), async ({ trx }) => {
    const claimed: DateReminder[] = [];
    for (const daysAhead of offsets) {
      const occursOn = addDays(today, daysAhead);
      const { year, month, days } = datesFallingOn(occursOn);
      const rows = await claim(trx, tenantId, { year, month, days, daysAhead });
      claimed.push(...rows.map((row) => ({ ...row, occursOn, daysAhead })));
    }
    return claimed;
  });
}

async function claim(trx: Knex.Transaction, tenantId: number, at: { year: number; month: number; days: number[]; daysAhead: number }) {
  const due = await trx('customer_dates as d')
    .join('customers as c', 'c.id', 'd.customer_id')
    .where({ 'd.tenant_id': tenantId, 'd.month': at.month })
    .whereIn('d.day', at.days)
    .orderBy('d.id')
    .select('d.id', 'd.customer_id', 'd.title', 'd.year', 'c.name', 'c.phone');
  if (!due.length) return [];
  const inserted: { customer_date_id: number }[] = await trx('staff_date_reminders')
    .insert(due.map((row) => ({ customer_date_id: row.id, offset_days: at.daysAhead, year: at.year })))
    .onConflict(['customer_date_id', 'offset_days', 'year'])
    .ignore()
    .returning('customer_date_id');
  const fresh = new Set(inserted.map((row) => row.customer_date_id));
  return due
    .filter((row) => fresh.has(row.id))
    .map((row) => ({
      customerDateId: row.id as number,
      customerId: row.customer_id as number,
      customerName: row.name as string,
      phone: row.phone as string,
      title: row.title as string,
      sinceYear: (row.year as number | null) ?? null,
    }));
}

/** Telegram took the reminder to nobody (it was down): the claim goes back, and the next check sends it. */
export async function releaseDateReminder(ctx: OpsContext, tenantId: number, reminder: Pick<DateReminder, 'customerDateId' | 'daysAhead' | 'occursOn'>): Promise<void> {
  await runOp(ctx, systemActor(tenantId), async ({ trx }) => {
    await trx('staff_date_reminders').where({ customer_date_id: reminder.customerDateId, offset_days: reminder.daysAhead, year: Number(reminder.occursOn.slice(0, 4)) }).delete();
  });
}
