import type { OfferDTO, OrderDTO } from '../types.ts';

// What a master sees before winning an order. A whitelist: new OrderDTO fields stay out of
// offers until someone adds them here on purpose. The customer's name and phone, the house
// and the flat go to the winner only.

const PHONE_LIKE = /(?:\+|\b)[\d][\d\s().-]{8,}\d/g;

export function presentOffer(order: OrderDTO): OfferDTO {
  return {
    id: order.id,
    number: order.number,
    cityId: order.cityId,
    kindId: order.kindId,
    street: order.street,
    description: scrubDescription(order),
    plannedAt: order.plannedAt,
    price: order.price,
    commission: order.commission,
  };
}

/**
 * The description is typed by people and may repeat what the offer must not carry: a phone
 * number, the customer's name, the full address. Those are masked rather than trusted away.
 */
function scrubDescription(order: OrderDTO): string {
  let text = order.description.replace(PHONE_LIKE, '•••');
  for (const secret of [order.address, order.customer?.name, order.customer?.phone]) {
    if (secret && secret.trim().length >= 3) text = text.split(secret).join('•••');
  }
  return text;
}
