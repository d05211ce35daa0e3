// The domain operations: every state change in Naryad goes through one of these.
export { acceptOrder } from './offers/acceptOrder.ts';
export { cancelOrder } from './orders/cancelOrder.ts';
export { completeOrder } from './orders/completeOrder.ts';
export { createOrder } from './orders/createOrder.ts';
export { dispatchOrder } from './orders/dispatchOrder.ts';
export { markCommissionPaid } from './money/markCommissionPaid.ts';
export { moveOrder } from './orders/moveOrder.ts';
export { recordPayment } from './money/recordPayment.ts';
export { rescheduleOrder } from './orders/rescheduleOrder.ts';
export { updateOrder } from './orders/updateOrder.ts';
export { channelActor, masterActor, systemActor, userActor, type Actor } from './core/actor.ts';
export type { OpsContext } from './core/context.ts';
export { DomainError, type DomainErrorCode } from './core/errors.ts';
export { loadOrder, selectOrders, toOrderDTO } from './orders/orderRecord.ts';
export { loadMatrix } from './settings/matrix.ts';
export { loadTenantSettings } from './settings/tenantSettings.ts';
