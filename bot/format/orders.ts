import { formatMoney } from '../../shared/money.ts';
import { presentCard } from '../../shared/presenters/card.ts';
import type { OfferDTO, OrderDTO } from '../../shared/types.ts';
import type { Lang, Texts } from '../locales/index.ts';
import type { References } from '../../db/settings/queries.ts';
import { formatDate } from './dates.ts';

export interface TextSetup {
  t: Texts;
  lang: Lang;
  refs: References;
  timezone: string;
}

export const money = (kopecks: number, lang: Lang) => formatMoney(kopecks, lang);

/** The offer as every matching master sees it. It takes an OfferDTO: only presentOffer's fields exist here. */
export function offerText(offer: OfferDTO, { t, lang, refs, timezone }: TextSetup): string {
  return t.offer({
    number: offer.number,
    kind: refs.kindName(offer.kindId),
    city: refs.cityName(offer.cityId),
    street: offer.street,
    date: formatDate(offer.plannedAt, t, timezone),
    price: money(offer.price, lang),
    commission: money(offer.commission, lang),
    description: offer.description,
  });
}

export function closedText(offer: OfferDTO, { t, refs }: TextSetup): string {
  return t.offerClosed({ number: offer.number, kind: refs.kindName(offer.kindId), street: offer.street });
}

const statusKey = {
  accepted: 'statusAccepted',
  rescheduled: 'statusRescheduled',
  done: 'statusDone',
  paid: 'statusPaid',
  cancelled: 'statusCancelled',
} as const;

/** The full card, for the master who won the order: the customer, the phone, the whole address (presentCard's fields only). */
export function cardText(order: OrderDTO, { t, lang, refs, timezone }: TextSetup): string {
  const card = presentCard(order);
  const key = statusKey[card.status as keyof typeof statusKey];
  return t.orderCard({
    number: card.number,
    kind: refs.kindName(card.kindId),
    city: refs.cityName(card.cityId),
    customer: card.customer?.name || '—',
    phone: card.customer?.phone ? displayPhone(card.customer.phone) : '—',
    address: fullAddress(card) || '—',
    date: formatDate(card.plannedAt, t, timezone),
    price: money(card.price, lang),
    commission: money(card.commission, lang),
    description: card.description,
    status: key ? t[key] : card.status,
  });
}

/** One line of a list: "№12 · Сантехника · ул. Тверская, д. 7 · 15 декабря, 14:00". */
export function orderLine(order: OrderDTO, { t, refs, timezone }: TextSetup): string {
  const date = formatDate(order.plannedAt, t, timezone) ?? t.noDate;
  const number = t.dateFormat === 'ru-RU' ? `№${order.number}` : `#${order.number}`;
  return `${number} · ${refs.kindName(order.kindId)} · ${fullAddress(order)} · ${date}`;
}

/**
 * Street, house and flat. The board keeps the street (shown in offers) apart from the full address,
 * which managers type with the street or only as «д. 5, кв. 12»: the street is added when it is missing.
 */
export function fullAddress(order: Pick<OrderDTO, 'street' | 'address'>): string {
  const street = order.street.trim();
  const address = order.address.trim();
  if (!street || address.toLocaleLowerCase('ru').includes(street.toLocaleLowerCase('ru'))) return address;
  return address ? `${street}, ${address}` : street;
}

/** +79161234567 → +7 916 123-45-67 (a tap in Telegram dials either). */
export function displayPhone(phone: string): string {
  const match = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone);
  return match ? `+7 ${match[1]} ${match[2]}-${match[3]}-${match[4]}` : phone;
}
