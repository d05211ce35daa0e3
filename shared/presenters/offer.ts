import type { OfferDTO, OrderDTO } from '../types.ts';
import { maskCustomerDetails } from './customerDetails.ts';

// What a master sees before winning an order. A whitelist: new OrderDTO fields stay out of
// offers until someone adds them here on purpose. The customer's name and phone, the house
// and the flat go to the winner only, and are masked in the free text too.

export function presentOffer(order: OrderDTO): OfferDTO {
  return {
    id: order.id,
    number: order.number,
    cityId: order.cityId,
    kindId: order.kindId,
    street: order.street,
    description: maskCustomerDetails(order.description, order),
    plannedAt: order.plannedAt,
    price: order.price,
    commission: order.commission,
  };
}
