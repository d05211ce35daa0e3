import { ApiError } from '../api/http.ts';
import { api, type PaymentMethod } from '../api/orders.ts';
import { i18nFor, localeStore, t } from '../i18n/index.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { applyOrder, applyOwnResult, boardStore, doneMoving, markOwn, showMoving } from '../store/board.ts';
import { sessionStore } from '../store/session.ts';
import { announce, openDialog, toast } from '../store/ui.ts';
import { moveVerdict, statusName, verdictText } from './moves.ts';

const i18n = () => i18nFor(localeStore.getState().locale);

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.status === 0 ? t('error.network') : error.message;
  return t('error.generic', { message: error instanceof Error ? error.message : String(error) });
}

/** A drop (mouse or keyboard) on a column: checked here first, then sent; the card moves at once. */
export async function dropOrder(orderId: number, to: string): Promise<void> {
  const state = boardStore.getState();
  const order = state.orders.get(orderId);
  const role = sessionStore.getState().me?.user.role ?? 'viewer';
  if (!order) return;
  const verdict = moveVerdict(state, role, order, to);
  if (!verdict.ok) {
    announce(verdictText(i18n(), state, verdict));
    return;
  }
  if (verdict.action !== 'move') return openDialog({ type: verdict.action, orderId });
  const before = showMoving(orderId, to);
  if (!before) return;
  try {
    const { order: moved } = await api.moveOrder(orderId, to, before.version);
    markOwn(moved);
    doneMoving(orderId, moved);
    announce(t('move.dropped', { n: moved.number, to: statusName(i18n(), boardStore.getState(), to) }));
  } catch (error) {
    // Back to what the server holds: the order from a 409, else what we had.
    doneMoving(orderId, error instanceof ApiError && error.order ? error.order : before);
    const text = t('move.failed', { n: before.number, message: errorText(error) });
    toast(text, 'error');
    announce(text);
  }
}

export async function cancelWithReason(orderId: number, reason: string): Promise<void> {
  const order = boardStore.getState().orders.get(orderId);
  if (!order) return;
  const { order: cancelled } = await api.cancelOrder(orderId, reason, order.version);
  applyOwnResult(cancelled);
}

/** Gives the order to this master: «Принят в работу» with him. */
export async function assignTo(orderId: number, masterId: number): Promise<OrderDTO> {
  const order = boardStore.getState().orders.get(orderId);
  if (!order) throw new Error(`order ${orderId} is not on the board`);
  try {
    const { order: assigned } = await api.assignOrder(orderId, masterId, order.version);
    applyOwnResult(assigned);
    return assigned;
  } catch (error) {
    if (error instanceof ApiError && error.order) applyOrder(error.order);
    throw error;
  }
}

/** Takes the order from its master back into the search, saying why. */
export async function redispatchWithReason(orderId: number, reason: string): Promise<void> {
  const order = boardStore.getState().orders.get(orderId);
  if (!order) return;
  const { order: dispatched } = await api.dispatchOrder(orderId, order.version, reason);
  applyOwnResult(dispatched);
}

export async function markPaid(orderId: number, method: PaymentMethod): Promise<void> {
  const { order } = await api.markPaid(orderId, method);
  applyOwnResult(order);
}
