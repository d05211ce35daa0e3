import { staffAlertKeys, type StaffAlertSwitches } from '../../shared/staffAlerts.ts';

/** A staff member's switches as stored (users.staff_alerts): a key never set is on. */
export function readSwitches(stored: unknown): StaffAlertSwitches {
  const saved = (stored ?? {}) as Partial<Record<keyof StaffAlertSwitches, unknown>>;
  return Object.fromEntries(staffAlertKeys.map((key) => [key, saved[key] !== false])) as unknown as StaffAlertSwitches;
}
