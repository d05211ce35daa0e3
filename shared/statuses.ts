// The order status machine as data: default statuses and the per-role transition matrix.
// Tenants get a copy of these rows and may edit them; db/ops enforces, the board greys out drops.

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
  manager: {
    new: ['no_answer', 'confirmed', 'cancelled'],
    no_answer: ['new', 'confirmed', 'cancelled'],
    confirmed: ['no_answer', 'dispatched', 'cancelled'],
    dispatched: ['confirmed', 'cancelled'],
    accepted: ['dispatched', 'rescheduled', 'done', 'cancelled'],
    rescheduled: ['dispatched', 'accepted', 'done', 'cancelled'],
    done: ['accepted', 'paid'],
    cancelled: ['new'],
  },
  // Taking an order is the master's move alone: it goes through the acceptance race.
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
