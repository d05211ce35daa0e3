// The domain operations: every state change in Naryad goes through one of these.
export { acceptOrder } from './acceptOrder.ts';
export { cancelOrder } from './cancelOrder.ts';
export { completeOrder } from './completeOrder.ts';
export { createOrder } from './createOrder.ts';
export { dispatchOrder } from './dispatchOrder.ts';
export { markCommissionPaid } from './markCommissionPaid.ts';
export { moveOrder } from './moveOrder.ts';
export { recordPayment } from './recordPayment.ts';
export { rescheduleOrder } from './rescheduleOrder.ts';
export { updateOrder } from './updateOrder.ts';
export { channelActor, masterActor, systemActor, userActor, type Actor } from './actor.ts';
export type { OpsContext } from './context.ts';
export { DomainError, type DomainErrorCode } from './errors.ts';
export { loadOrder, selectOrders, toOrderDTO } from './orderRecord.ts';
export { loadMatrix } from './matrix.ts';
export { loadTenantSettings } from './tenantSettings.ts';
