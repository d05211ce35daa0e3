import type { Knex } from 'knex';
import type { NotificationDTO } from '../../shared/notifications.ts';
import type { NotificationListQuery } from '../../shared/schemas/notifications.ts';
import { selectNotifications, toNotificationDTO } from './notificationRecord.ts';

/** «Исходящие» and the customer's card: the company's messages, newest first, filtered. */
export async function listNotifications(db: Knex, tenantId: number, query: NotificationListQuery): Promise<{ notifications: NotificationDTO[]; total: number }> {
  const filtered = selectNotifications(db, tenantId);
  if (query.customerId !== undefined) filtered.where('n.customer_id', query.customerId);
  if (query.orderId !== undefined) filtered.where('n.order_id', query.orderId);
  if (query.state !== undefined) filtered.where('n.state', query.state);
  const [{ count }] = await filtered.clone().clearSelect().count<{ count: string | number }[]>('n.id as count');
  const rows = await filtered.orderBy('n.id', 'desc').limit(query.limit).offset(query.offset);
  return { notifications: rows.map(toNotificationDTO), total: Number(count) };
}
