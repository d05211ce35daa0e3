import type { EventEnvelope } from '../../shared/events.ts';
import type { MasterDTO } from '../../shared/crmTypes.ts';
import type { CustomerDTO } from '../../shared/customers.ts';
import type { NotificationDTO } from '../../shared/notifications.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { presentCustomer } from './customer.ts';
import { presentMaster } from './master.ts';
import { presentNotification } from './notification.ts';
import { presentOrder } from './order.ts';

/**
 * An event as a board hears it, live (server/realtime/relay.ts) or replayed (GET /api/events): one
 * presenter for both, so a replay is never more than a push. The envelope is named field by field;
 * the order or the master inside goes through its own whitelist. The rest of the payload is the
 * op's own few words (from, to, reason, fields), typed in EventPayloads.
 */
export function presentEvent(event: EventEnvelope): EventEnvelope {
  return {
    seq: event.seq,
    tenantId: event.tenantId,
    type: event.type,
    data: presentPayload(event.data),
    actor: { type: event.actor.type, id: event.actor.id },
    at: event.at,
  } as EventEnvelope;
}

function presentPayload(data: EventEnvelope['data']): EventEnvelope['data'] {
  if ('order' in data) return { ...data, order: presentOrder(data.order as OrderDTO) };
  if ('master' in data) return { ...data, master: presentMaster(data.master as MasterDTO) };
  if ('customer' in data) return { ...data, customer: presentCustomer(data.customer as CustomerDTO) };
  if ('notification' in data) return { notification: presentNotification(data.notification as NotificationDTO) };
  // The ledger's change names its numbers only (bonus.changed).
  if ('balance' in data && 'customerId' in data) return { customerId: data.customerId, balance: data.balance, orderId: data.orderId, kind: data.kind, points: data.points };
  return data;
}
