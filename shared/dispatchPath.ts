import { canMove, type ActorRole, type TransitionMatrix } from './statuses.ts';

/**
 * The steps that take an order from `from` to «Поиск мастера» by the matrix: straight there, or
 * through «Подтвержден» (the default matrix confirms a new order before it is sent); null when
 * the matrix has no such way. One rule for the server's «create and dispatch» and the button that offers it.
 */
export function dispatchPath(matrix: TransitionMatrix, role: ActorRole, from: string): string[] | null {
  if (canMove(matrix, role, from, 'dispatched')) return ['dispatched'];
  if (canMove(matrix, role, from, 'confirmed') && canMove(matrix, role, 'confirmed', 'dispatched')) return ['confirmed', 'dispatched'];
  return null;
}
