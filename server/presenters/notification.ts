import type { NotificationDTO } from '../../shared/notifications.ts';

// A message to a customer as staff see it (the list, the card, the live push): each field named,
// so the provider's raw answer and the sender's lease stay in the database.
export function presentNotification(n: NotificationDTO): NotificationDTO {
  return {
    id: n.id,
    orderId: n.orderId,
    orderNumber: n.orderNumber,
    customerId: n.customerId,
    customerName: n.customerName,
    channel: n.channel,
    to: n.to,
    state: n.state,
    error: n.error,
    subject: n.subject,
    body: n.body,
    attempts: n.attempts,
    createdAt: n.createdAt,
    sentAt: n.sentAt,
    sendAfter: n.sendAfter,
  };
}
