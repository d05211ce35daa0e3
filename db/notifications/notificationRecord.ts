import type { Knex } from 'knex';
import type { NotificationChannel, NotificationDTO, NotificationState } from '../../shared/notifications.ts';

type Db = Knex | Knex.Transaction;

/** Messages with their customer's name and order's number, shaped as NotificationDTO. */
export function selectNotifications(db: Db, tenantId: number): Knex.QueryBuilder {
  return db('notifications as n')
    .leftJoin('customers as c', 'c.id', 'n.customer_id')
    .leftJoin('orders as o', 'o.id', 'n.order_id')
    .where('n.tenant_id', tenantId)
    .select('n.*', 'c.name as customer_name', 'o.number as order_number');
}

interface NotificationRow {
  id: number;
  order_id: number | null;
  order_number: number | null;
  customer_id: number;
  customer_name: string | null;
  channel: NotificationChannel;
  to: string;
  state: NotificationState;
  error: string | null;
  subject: string | null;
  body: string;
  attempts: number;
  created_at: Date | string;
  sent_at: Date | string | null;
  send_after: Date | string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

export function toNotificationDTO(row: NotificationRow): NotificationDTO {
  return {
    id: row.id,
    orderId: row.order_id,
    orderNumber: row.order_number,
    customerId: row.customer_id,
    customerName: row.customer_name ?? '',
    channel: row.channel,
    to: row.to,
    state: row.state,
    error: row.error,
    subject: row.subject,
    body: row.body,
    attempts: row.attempts,
    createdAt: iso(row.created_at),
    sentAt: row.sent_at === null ? null : iso(row.sent_at),
    sendAfter: iso(row.send_after),
  };
}

export async function loadNotification(db: Db, tenantId: number, id: number): Promise<NotificationDTO> {
  return toNotificationDTO(await selectNotifications(db, tenantId).where('n.id', id).first());
}
