// The order status machine as data: default statuses and the per-role transition matrix.
// Tenants get a copy of these rows and may edit them; db/settings/matrix.ts enforces, the board greys out drops.

export type ActorRole = 'manager' | 'master' | 'system';
export const actorRoles: readonly ActorRole[] = ['manager', 'master', 'system'];

export interface StatusDef {
  code: string;
  name: { ru: string; en: string };
  color: string;
  /** Closed statuses leave the board after a while; open ones always stay. */
  closed: boolean;
}

export const defaultStatuses: readonly StatusDef[] = [
  { code: 'new', name: { ru: 'Новый', en: 'New' }, color: '#64748b', closed: false },
  { code: 'no_answer', name: { ru: 'Недозвон', en: 'No answer' }, color: '#f59e0b', closed: false },
  { code: 'confirmed', name: { ru: 'Подтвержден', en: 'Confirmed' }, color: '#0ea5e9', closed: false },
  { code: 'dispatched', name: { ru: 'Поиск мастера', en: 'Finding a master' }, color: '#8b5cf6', closed: false },
  { code: 'accepted', name: { ru: 'Принят в работу', en: 'In progress' }, color: '#6366f1', closed: false },
  { code: 'rescheduled', name: { ru: 'Перенос', en: 'Rescheduled' }, color: '#ec4899', closed: false },
  { code: 'done', name: { ru: 'Выполнен', en: 'Done' }, color: '#22c55e', closed: false },
  { code: 'paid', name: { ru: 'Комиссия оплачена', en: 'Commission paid' }, color: '#15803d', closed: true },
  { code: 'cancelled', name: { ru: 'Отменен', en: 'Cancelled' }, color: '#ef4444', closed: true },
];

/** role → from → allowed targets */
export type TransitionMatrix = Record<ActorRole, Record<string, string[]>>;

export const defaultMatrix: TransitionMatrix = {
  // «Принят в работу» from before work is a manager giving the order to a master by hand (assignOrder).
  manager: {
    new: ['no_answer', 'confirmed', 'accepted', 'cancelled'],
    no_answer: ['new', 'confirmed', 'accepted', 'cancelled'],
    confirmed: ['no_answer', 'dispatched', 'accepted', 'cancelled'],
    dispatched: ['confirmed', 'accepted', 'cancelled'],
    accepted: ['dispatched', 'rescheduled', 'done', 'cancelled'],
    rescheduled: ['dispatched', 'accepted', 'done', 'cancelled'],
    done: ['accepted', 'paid'],
    cancelled: ['new'],
  },
  // A master takes an order through the acceptance race.
  master: {
    dispatched: ['accepted'],
    accepted: ['rescheduled', 'done'],
    rescheduled: ['accepted', 'done'],
  },
  system: {
    done: ['paid'],
    accepted: ['paid'],
    rescheduled: ['paid'],
  },
};

/** The targets of a manager's move with more to them than a status: each has its own op or form. */
const specialTargets = { cancel: 'cancelled', pay: 'paid', dispatch: 'dispatched', work: 'accepted' } as const;

/**
 * What a manager's move to `to` is, for moveOrder and the board's drop alike: a plain status write,
 * a cancel (needs a reason), a payment (needs a method), «Принят в работу» with nobody on the order
 * (needs a master: assign), or a dispatch: a new search, or taking the order from its master (redispatch).
 */
export type MoveKind = 'status' | 'cancel' | 'pay' | 'assign' | 'dispatch' | 'redispatch';

export function moveKind(to: string, hasMaster: boolean): MoveKind {
  if (to === specialTargets.cancel) return 'cancel';
  if (to === specialTargets.pay) return 'pay';
  if (to === specialTargets.work && !hasMaster) return 'assign';
  if (to === specialTargets.dispatch) return hasMaster ? 'redispatch' : 'dispatch';
  return 'status';
}

export function canMove(matrix: TransitionMatrix, role: ActorRole, from: string, to: string): boolean {
  return from !== to && (matrix[role]?.[from]?.includes(to) ?? false);
}

/** Rows for the `transitions` table. */
export function matrixRows(matrix: TransitionMatrix): { role: ActorRole; from_status: string; to_status: string }[] {
  return actorRoles.flatMap((role) =>
    Object.entries(matrix[role] ?? {}).flatMap(([from, tos]) => tos.map((to) => ({ role, from_status: from, to_status: to }))),
  );
}

export function matrixFromRows(rows: { role: string; from_status: string; to_status: string }[]): TransitionMatrix {
  const matrix: TransitionMatrix = { manager: {}, master: {}, system: {} };
  for (const row of rows) {
    const byFrom = matrix[row.role as ActorRole];
    if (!byFrom) continue;
    (byFrom[row.from_status] ??= []).push(row.to_status);
  }
  return matrix;
}
