import type { BonusEntryDTO, CustomerCardDTO, CustomerDTO, CustomerDateDTO } from '../../shared/customers.ts';
import { presentOrder } from './order.ts';

// Customers for staff: each field named, so a column added to the customers row or the ledger
// reaches no board, live or replayed, until it is added here.

export function presentCustomer(customer: CustomerDTO): CustomerDTO {
  return {
    id: customer.id,
    name: customer.name,
    phone: customer.phone,
    email: customer.email,
    tags: [...customer.tags],
    notes: customer.notes,
    consent: { sms: customer.consent.sms, email: customer.consent.email },
    orderCount: customer.orderCount,
    paidTotal: customer.paidTotal,
    lastOrderAt: customer.lastOrderAt,
    balance: customer.balance,
    createdAt: customer.createdAt,
    updatedAt: customer.updatedAt,
  };
}

const presentDate = (date: CustomerDateDTO): CustomerDateDTO => ({ id: date.id, title: date.title, month: date.month, day: date.day, year: date.year });

/** A ledger entry: what changed the balance, by whom, on which order. */
export function presentBonusEntry(entry: BonusEntryDTO): BonusEntryDTO {
  return {
    id: entry.id,
    kind: entry.kind,
    points: entry.points,
    orderId: entry.orderId,
    orderNumber: entry.orderNumber,
    expiresAt: entry.expiresAt,
    reason: entry.reason,
    createdBy: entry.createdBy && { id: entry.createdBy.id, name: entry.createdBy.name },
    createdAt: entry.createdAt,
  };
}

export function presentCustomerCard(card: CustomerCardDTO): CustomerCardDTO {
  return {
    ...presentCustomer(card),
    dates: card.dates.map(presentDate),
    orders: card.orders.map(presentOrder),
    entries: card.entries.map(presentBonusEntry),
  };
}
