import type { Kopecks } from '../money.ts';
import type { OrderDTO } from '../types.ts';

/** What the master who won an order sees in its card: the customer and the whole address, no staff notes. */
export interface CardDTO {
  id: number;
  number: number;
  status: string;
  cityId: number;
  kindId: number;
  customer: { name: string; phone: string } | null;
  street: string;
  address: string;
  plannedAt: string | null;
  price: Kopecks;
  commission: Kopecks;
  description: string;
}

// A whitelist like presentOffer: a new OrderDTO field (who created it, the cancel reason, the
// website's texts) reaches a master's chat only once someone adds it here on purpose.
export function presentCard(order: OrderDTO): CardDTO {
  const { customer } = order;
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    cityId: order.cityId,
    kindId: order.kindId,
    customer: customer && { name: customer.name, phone: customer.phone },
    street: order.street,
    address: order.address,
    plannedAt: order.plannedAt,
    price: order.price,
    commission: order.commission,
    description: order.description,
  };
}
