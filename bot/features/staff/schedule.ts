import { TZDate } from '@date-fns/tz';
import { logger } from '../../../db/logger.ts';
import { loadTenantSettings } from '../../../db/settings/tenantSettings.ts';
import { claimDateReminders, releaseDateReminder } from '../../../db/staffTelegram/dateReminders.ts';
import { claimDayPlanCheck, releaseDayPlanCheck } from '../../../db/staffTelegram/dayPlan.ts';
import { todayFigures } from '../../../db/staffTelegram/dayFigures.ts';
import { staffToTell } from '../../../db/staffTelegram/queries.ts';
import { dayIn } from '../../../shared/time.ts';
import type { BotApp } from '../../context.ts';
import { formatDay } from '../../format/dates.ts';
import { displayPhone, money } from '../../format/orders.ts';
import type { InFlight } from '../../inFlight.ts';
import { boardLink, tellStaff } from './tellStaff.ts';

export interface StaffSchedule {
  /** One look at the company's clock: the morning's reminders, the closing hour's day plan. */
  tick(): Promise<void>;
  stop(): void;
}

/**
 * The clock-driven part of Telegram for staff, checked every minute (tests pass their own clock
 * and call tick()). Whatever is due is claimed in Postgres before it is sent, so a restart, two
 * ticks at once or a second bot process never send it twice; a bot that was down in the morning
 * (or at the closing hour) sends the day's reminders (or its day plan) when it comes back the same
 * day, and a claim Telegram delivered to nobody is given back for the next minute's check.
 */
export function startStaffSchedule(app: BotApp, background: InFlight, options: { clock?: () => Date; intervalMs?: number } = {}): StaffSchedule {
  const clock = options.clock ?? (() => new Date());
  const tenantId = app.tenant.id;
  const { db } = app.ops;
  let running: Promise<void> | null = null;
  /** The company day whose plan check is claimed (here or by another process): no more figures read that day. */
  let settledDay: string | null = null;

  async function remind(now: Date, offsets: number[]) {
    const staff = await staffToTell(db, tenantId, 'reminders');
    // With nobody to tell, nothing is claimed: a manager who links later today still hears.
    if (!staff.length) return;
    for (const reminder of await claimDateReminders(app.ops, tenantId, dayIn(app.timezone, now), offsets)) {
      const [year, month, day] = reminder.occursOn.split('-').map(Number) as [number, number, number];
      const occurs = new TZDate(year, month - 1, day, 12, app.timezone);
      const { sent, failed } = await tellStaff(app, staff, (t) =>
        t.staff.reminder({
          when: t.staff.whenAhead(reminder.daysAhead),
          day: new Intl.DateTimeFormat(t.dateFormat, { day: 'numeric', month: 'long', weekday: 'long', timeZone: app.timezone }).format(occurs),
          title: reminder.title,
          customer: reminder.customerName,
          phone: displayPhone(reminder.phone),
          years: reminder.sinceYear === null ? null : year - reminder.sinceYear,
          link: boardLink(app, `/customers/${reminder.customerId}`),
        }),
      );
      if (sent === 0 && failed > 0) await releaseDateReminder(app.ops, tenantId, reminder);
    }
  }

  async function reportDayPlan(now: Date, plan: number) {
    if (settledDay === dayIn(app.timezone, now)) return;
    const figures = await todayFigures(db, tenantId, app.timezone, now);
    const short = figures.commission < plan;
    // With nobody to tell, nothing is claimed: an owner who links later tonight still hears.
    const owners = short ? await staffToTell(db, tenantId, 'dayPlan') : [];
    if (short && !owners.length) return;
    // A day that met its plan is claimed too, for good: a refund later that evening is no news about it.
    const claimed = await claimDayPlanCheck(app.ops, tenantId, figures.day, { commission: figures.commission, plan });
    settledDay = figures.day;
    if (!claimed || !short) return;
    const [year, month, day] = figures.day.split('-').map(Number) as [number, number, number];
    const { sent, failed } = await tellStaff(app, owners, (t, owner) =>
      t.staff.dayPlan({
        day: formatDay(new TZDate(year, month - 1, day, 12, app.timezone), t, app.timezone),
        commission: money(figures.commission, owner.language),
        plan: money(plan, owner.language),
        short: money(plan - figures.commission, owner.language),
        percent: Math.floor((figures.commission * 100) / plan),
        done: figures.done,
      }),
    );
    if (sent === 0 && failed > 0) {
      await releaseDayPlanCheck(app.ops, tenantId, figures.day);
      settledDay = null;
    }
  }

  async function check() {
    const now = clock();
    const { staffAlerts, timezone } = await loadTenantSettings(db, tenantId);
    app.timezone = timezone;
    const hour = new TZDate(now.getTime(), timezone).getHours();
    if (hour >= staffAlerts.morningHour && staffAlerts.reminderDays.length) await remind(now, staffAlerts.reminderDays);
    // From the closing hour on, once a day: a bot that was down at closing time reports when it is back.
    if (hour >= staffAlerts.dayPlan.closingHour && staffAlerts.dayPlan.commission > 0) await reportDayPlan(now, staffAlerts.dayPlan.commission);
  }

  /** One check at a time: a slow one is not overtaken by the next minute's. */
  const tick = () => (running ??= background.track(check()).finally(() => (running = null)));

  const intervalMs = options.intervalMs ?? 60_000;
  const timer = intervalMs > 0 ? setInterval(() => void tick().catch((error: unknown) => logger.error({ err: error }, 'staff alerts check failed')), intervalMs) : undefined;
  return {
    tick,
    stop: () => clearInterval(timer),
  };
}
