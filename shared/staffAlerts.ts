// Telegram for staff: what the profile page shows and changes (GET/POST/DELETE /api/profile/telegram,
// PATCH /api/profile/alerts), typed once for the server and the board.

/** What the bot tells one staff member; each switch is his own. */
export interface StaffAlertSwitches {
  /** Customers' dates so many days ahead (Настройки: staffAlerts.reminderDays). */
  reminders: boolean;
  /** An order from the website or the request form. */
  newOrders: boolean;
  /** An order nobody took (flagged «нет исполнителя»). */
  noTaker: boolean;
  /** A master's line nobody has read yet. */
  masterMessages: boolean;
  /** The owner's note at closing hour when the day's commission is below the plan. */
  dayPlan: boolean;
}

export const staffAlertKeys = ['reminders', 'newOrders', 'noTaker', 'masterMessages', 'dayPlan'] as const satisfies readonly (keyof StaffAlertSwitches)[];

export type StaffTelegramLink = { linked: true; username: string | null; linkedAt: string } | { linked: false };

export interface StaffTelegramDTO {
  telegram: StaffTelegramLink;
  alerts: StaffAlertSwitches;
  /** The company bot's @username (without @) once it has started, else null. */
  bot: string | null;
}

export interface StaffLinkCodeDTO {
  code: string;
  /** https://t.me/<bot>?start=staff_<code>; null until the bot's name is known. */
  link: string | null;
  expiresAt: string;
}

/** The deep-link payload the bot reads from `/start`: Telegram allows [A-Za-z0-9_-], up to 64. */
export const STAFF_START_PREFIX = 'staff_';
