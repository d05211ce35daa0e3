import { canMove, moveKind, type MoveKind } from '../../shared/statuses.ts';
import type { OrderDTO, UserRole } from '../../shared/types.ts';
import type { I18n, MessageKey } from '../i18n/index.ts';
import type { BoardState } from '../store/board.ts';

/**
 * What dropping an order on a column does: a plain move (a drop on «Поиск мастера» dispatches), or
 * an op that asks for more: a cancel's reason, a payment's method, the master for «Принят в работу»
 * (assign), the reason for taking the order from its master back into the search (redispatch).
 */
export type MoveAction = 'move' | 'cancel' | 'paid' | 'assign' | 'redispatch';

export type Verdict = { ok: true; action: MoveAction } | { ok: false; reason: MessageKey; from: string; to: string };

/**
 * The rule the server enforces (shared canMove on the tenant's matrix, manager role), plus what
 * the server would refuse anyway, so a forbidden drop never gets as far as a request.
 */
export function moveVerdict(state: BoardState, role: UserRole, order: OrderDTO, to: string): Verdict {
  const refuse = (reason: MessageKey): Verdict => ({ ok: false, reason, from: order.status, to });
  if (role === 'viewer') return refuse('move.readOnly');
  if (order.status === to) return refuse('move.same');
  if (!canMove(state.matrix, 'manager', order.status, to)) return refuse('move.forbidden');
  return { ok: true, action: actionOf(order, to) };
}

// The same special targets as the server's moveOrder; a fresh dispatch is a plain move here.
const actions: Record<MoveKind, MoveAction> = { status: 'move', dispatch: 'move', cancel: 'cancel', pay: 'paid', assign: 'assign', redispatch: 'redispatch' };

function actionOf(order: OrderDTO, to: string): MoveAction {
  return actions[moveKind(to, Boolean(order.master))];
}

export function statusName(i18n: I18n, state: BoardState, code: string): string {
  return state.names.statuses.get(code)?.name[i18n.locale] ?? code;
}

/** The reason in words, with the statuses' names in the user's language. */
export function verdictText(i18n: I18n, state: BoardState, verdict: Verdict): string {
  if (verdict.ok) return i18n.t('move.allowed');
  return i18n.t(verdict.reason, { from: statusName(i18n, state, verdict.from), to: statusName(i18n, state, verdict.to) });
}
