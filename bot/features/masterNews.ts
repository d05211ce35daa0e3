import { refreshRating } from '../../db/masters/rating.ts';
import { storedRating } from '../../db/masters/queries.ts';
import { formatMoney } from '../../shared/money.ts';
import type { BotApp } from '../context.ts';
import { ratingNews } from '../format/rating.ts';
import type { Texts } from '../locales/index.ts';
import { approvedNotice, tellMaster } from '../notify.ts';
import type { Reactions } from '../reactions.ts';

const paidBy: Record<string, keyof Texts> = {
  telegram: 'methodTelegram',
  stars: 'methodStars',
  card: 'methodCard',
  invoice: 'methodInvoice',
  cash: 'methodCash',
};

/** What a master is told about his standing and his orders' ends (moderation, cancellations, receipts), and his rating kept current. */
export function masterNewsReactions(app: BotApp): Reactions {
  const rating = (masterId: number | undefined) => (masterId ? refreshRating(app.ops, app.tenant.id, masterId).then(() => undefined) : undefined);
  return {
    async 'orders.cancelled'({ data: { order, from, reason } }) {
      if (!order.master || from === 'dispatched') return;
      await tellMaster(app, order.master.id, (t) => ({ text: t.orderCancelled(order.number, reason) }));
      await rating(order.master.id);
    },
    async 'orders.completed'({ data }) {
      await rating(data.order.master?.id);
    },
    async 'orders.paid'({ data: { order, amount, method } }) {
      if (!order.master) return;
      const masterId = order.master.id;
      const before = await storedRating(app.ops.db, masterId);
      const after = await refreshRating(app.ops, app.tenant.id, masterId);
      await tellMaster(app, masterId, (t, master) => {
        const receipt = t.receipt(order.number, formatMoney(amount, master.language), String(t[paidBy[method] ?? 'methodTelegram']));
        return { text: before !== undefined ? `${receipt}\n${ratingNews(t, before, after)}` : receipt };
      });
    },
    async 'masters.approved'({ data }) {
      await tellMaster(app, data.master.id, approvedNotice);
    },
    async 'masters.blocked'({ data }) {
      await tellMaster(app, data.master.id, (t) => ({ text: t.blocked(data.reason), reply_markup: { remove_keyboard: true } }));
    },
  };
}
