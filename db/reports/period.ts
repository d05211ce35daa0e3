import type { Knex } from 'knex';
import type { PeriodInput } from '../../shared/schemas/report.ts';
import { dayIn, monthStartIn } from '../../shared/time.ts';

/** Inclusive days in the tenant's zone; SQL bounds are [start, end) instants. */
export interface Period {
  from: string;
  to: string;
  timezone: string;
}

const shiftMonth = (day: string, months: number) => {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  return first.toISOString().slice(0, 10);
};
const lastDayOfMonth = (firstDay: string) => new Date(Date.parse(shiftMonth(firstDay, 1)) - 86_400_000).toISOString().slice(0, 10);

/** No period given: this month so far. */
export function resolvePeriod(input: PeriodInput, timezone: string, now = new Date()): Period {
  const today = dayIn(timezone, now);
  const thisMonth = monthStartIn(timezone, now);
  if (input.from && input.to && (!input.period || input.period === 'custom')) return { from: input.from, to: input.to, timezone };
  switch (input.period) {
    case 'today':
      return { from: today, to: today, timezone };
    case 'last_month': {
      const first = shiftMonth(thisMonth, -1);
      return { from: first, to: lastDayOfMonth(first), timezone };
    }
    default:
      return { from: input.from ?? thisMonth, to: input.to ?? today, timezone };
  }
}

/** `column` falls inside the period's days, counted in the tenant's zone. */
export function inPeriod(db: Knex, column: string, period: Period): Knex.Raw {
  return db.raw(`${column} >= (?::date)::timestamp at time zone ? and ${column} < (?::date + 1)::timestamp at time zone ?`, [
    period.from,
    period.timezone,
    period.to,
    period.timezone,
  ]);
}

/** For `date` columns (expenses): plain day comparison. */
export function daysInPeriod(db: Knex, column: string, period: Period): Knex.Raw {
  return db.raw(`${column} between ?::date and ?::date`, [period.from, period.to]);
}
