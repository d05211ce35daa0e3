import { saveNotificationSettings } from '../../db/notifications/saveNotificationSettings.ts';
import type { NotificationChannel } from '../../shared/notifications.ts';
import { notificationSettingsInput } from '../../shared/schemas/notifications.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { buildCustomer } from './customers.ts';
import type { TestDeps } from './deps.ts';
import { buildMaster } from './factories.ts';
import { placeOrder, type LoyaltyCompany } from './loyalty.ts';

// Messages to customers: a company's templates turned on by its owner, and customers who agreed (or not).

type Template = { status: string; channel: NotificationChannel; subject?: string; body: string };

/** The owner turns these templates on (PUT /api/settings/notifications's op), quiet hours off unless given. */
export async function turnOnTemplates(deps: Pick<TestDeps, 'db' | 'bus'>, company: LoyaltyCompany, templates: Template[], quietHours = { from: '00:00', to: '00:00' }): Promise<void> {
  const input = notificationSettingsInput.parse({ templates: templates.map((template) => ({ enabled: true, ...template })), quietHours });
  await saveNotificationSettings(deps, company.owner, input);
}

let nextCustomer = Math.floor(Math.random() * 1e6) * 10;

/** A customer with this consent and an e-mail of her own, and an order of hers taken on the board «Принят в работу» with Иван Петров. */
export async function consentingOrder(
  deps: Pick<TestDeps, 'db' | 'bus'>,
  company: LoyaltyCompany,
  consent: { sms: boolean; email: boolean },
  email: string | null = `client-${nextCustomer}@example.com`,
): Promise<{ order: OrderDTO; customerId: number; phone: string; email: string | null }> {
  const phone = `+7918${String(nextCustomer++).padStart(7, '0')}`;
  const customer = await buildCustomer(deps, company.tenant, { name: 'Ольга Смирнова', phone, email, consent });
  const order = await placeOrder(deps, company, phone);
  const master = await buildMaster(deps.db, { tenant: company.tenant, name: 'Иван Петров' });
  await deps.db('orders').where({ id: order.id }).update({ status: 'accepted', master_id: master.id, planned_at: new Date('2026-12-05T07:00:00Z') });
  return { order, customerId: customer.id, phone, email };
}

/** The company's messages to a customer, oldest first, as the outbox holds them. */
export async function outboxOf(deps: Pick<TestDeps, 'db'>, customerId: number) {
  return deps.db('notifications').where({ customer_id: customerId }).orderBy('id');
}
