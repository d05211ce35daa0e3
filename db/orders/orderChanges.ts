import type { FieldChange, FieldValue } from '../../shared/events.ts';
import type { OrderDTO } from '../../shared/types.ts';

/** A field of an edit as the timeline shows its value; the commission's hand-set flag is the commission's. */
function valueOf(order: OrderDTO, field: string): FieldValue | undefined {
  if (field === 'customer') return order.customer && { name: order.customer.name, phone: order.customer.phone };
  if (field.startsWith('seo.')) return order.seo[field.slice('seo.'.length) as keyof OrderDTO['seo']];
  const value = (order as unknown as Record<string, unknown>)[field];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null ? value : undefined;
}

/**
 * The old and new values of an edit's fields that changed («Цена: 4 200 ₽ → 4 800 ₽»), kept in the
 * event so the timeline says what the order was, whatever it became since.
 */
export function orderChanges(before: OrderDTO, after: OrderDTO, fields: string[]): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const field of fields) {
    if (field === 'commissionManual') continue;
    const from = valueOf(before, field);
    const to = valueOf(after, field);
    if (from === undefined || to === undefined || JSON.stringify(from) === JSON.stringify(to)) continue;
    changes[field] = { from, to };
  }
  return changes;
}
