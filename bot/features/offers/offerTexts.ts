import { loadOrder } from '../../../db/orders/orderRecord.ts';
import { presentOffer } from '../../../shared/presenters/offer.ts';
import type { OfferDTO } from '../../../shared/types.ts';
import type { BotApp } from '../../context.ts';
import { closedText, offerText, type TextSetup } from '../../format/orders.ts';
import { asLang, textsFor, type Lang } from '../../locales/index.ts';
import { loadReferences } from '../../../db/settings/queries.ts';

/** An order as offers show it (presentOffer's whitelist), with texts per master's language. */
export interface OfferView {
  offer: OfferDTO;
  status: string;
  setup(lang: string): TextSetup;
  text(lang: string): string;
  closed(lang: string): string;
}

export async function loadOfferView(app: BotApp, orderId: number): Promise<OfferView> {
  const [order, refs] = await Promise.all([loadOrder(app.ops.db, app.tenant.id, orderId), loadReferences(app.ops.db, app.tenant.id)]);
  const offer = presentOffer(order);
  const setups = new Map<Lang, TextSetup>();
  const setup = (lang: string): TextSetup => {
    const key = asLang(lang);
    let found = setups.get(key);
    if (!found) setups.set(key, (found = { t: textsFor(key), lang: key, refs, timezone: app.timezone }));
    return found;
  };
  return {
    offer,
    status: order.status,
    setup,
    text: (lang) => offerText(offer, setup(lang)),
    closed: (lang) => closedText(offer, setup(lang)),
  };
}
