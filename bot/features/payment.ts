import { Composer } from 'grammy';
import { systemActor } from '../../db/core/actor.ts';
import { logger } from '../../db/logger.ts';
import { recordPayment } from '../../db/money/recordPayment.ts';
import { loadTenantSettings } from '../../db/settings/tenantSettings.ts';
import type { TenantSettings } from '../../shared/schemas/settings.ts';
import { parseId, payButton } from '../callbackData.ts';
import type { BotContext } from '../context.ts';
import { money } from '../format/orders.ts';
import { ownOrder } from '../../db/orders/queries.ts';
import { loadReferences } from '../../db/settings/queries.ts';
import { ignoreOldQuery, staleTap } from './replies.ts';

// The commission through Telegram Payments: an invoice in roubles with the tenant's provider
// token, or in Stars (XTR) where the tenant chose them. The pre-checkout query is checked
// against the database and answered within Telegram's 10 s; successful_payment is recorded
// once (recordPayment is unique on the charge id). The receipt goes out when the bot hears
// orders.paid (masterNews.ts), the same way as for a payment a manager marks by hand.

export const paymentFeature = new Composer<BotContext>();

/** Telegram drops an unanswered pre-checkout query after 10 s; answer well before that. */
const CHECKOUT_BUDGET_MS = 7000;

/**
 * How the company takes commissions in the bot. In the sandbox a company without payments
 * set up pays in test Stars, so the whole loop can be tried without a provider.
 */
async function paymentSettings(ctx: BotContext): Promise<TenantSettings['payment']> {
  const { payment } = await loadTenantSettings(ctx.app.ops.db, ctx.app.tenant.id);
  return payment.mode === 'none' && ctx.app.sandbox ? { ...payment, mode: 'stars' } : payment;
}

/** What an invoice asks for an order, from the database, in the invoice's currency. */
export function invoiceAmount(commission: number, payment: TenantSettings['payment']): { currency: string; amount: number } | null {
  if (payment.mode === 'provider') return { currency: 'RUB', amount: commission };
  if (payment.mode === 'stars') return { currency: 'XTR', amount: Math.max(1, Math.ceil((commission / 100) * payment.starsPerRouble)) };
  return null;
}

const payload = {
  pack: (orderId: number, currency: string, amount: number) => `commission:${orderId}:${currency}:${amount}`,
  unpack(value: string): { orderId: number; currency: string; amount: number } | null {
    const match = /^commission:(\d{1,10}):([A-Z]{3}):(\d{1,12})$/.exec(value);
    const orderId = match ? parseId(match[1]!) : null;
    return match && orderId !== null ? { orderId, currency: match[2]!, amount: Number(match[3]) } : null;
  },
};

paymentFeature.callbackQuery(payButton.filter, async (ctx) => {
  const data = payButton.unpack(ctx.callbackQuery.data);
  if (!data || ctx.master?.status !== 'approved') return staleTap(ctx);
  const order = await ownOrder(ctx.app.ops.db, ctx.app.tenant.id, ctx.master.id, data.orderId);
  if (!order) return staleTap(ctx);
  if (order.status === 'paid') return ctx.answerCallbackQuery({ text: ctx.t.alreadyPaid(order.number) }).catch(ignoreOldQuery);
  if (order.status !== 'done' || order.commission <= 0) return ctx.answerCallbackQuery({ text: ctx.t.notPayable }).catch(ignoreOldQuery);
  await ctx.answerCallbackQuery().catch(ignoreOldQuery);
  const payment = await paymentSettings(ctx);
  const invoice = invoiceAmount(order.commission, payment);
  if (!invoice) return ctx.reply(ctx.t.paymentsOff(money(order.commission, ctx.lang)));
  const refs = await loadReferences(ctx.app.ops.db, ctx.app.tenant.id);
  await ctx.replyWithInvoice(
    ctx.t.invoiceTitle(order.number),
    ctx.t.invoiceDescription(order.number, refs.kindName(order.kindId)),
    payload.pack(order.id, invoice.currency, invoice.amount),
    invoice.currency,
    [{ label: ctx.t.invoiceLabel, amount: invoice.amount }],
    invoice.currency === 'XTR' ? {} : { provider_token: payment.providerToken },
  );
});

paymentFeature.on('pre_checkout_query', async (ctx) => {
  const query = ctx.preCheckoutQuery;
  let verdict: string | null;
  try {
    verdict = await Promise.race([
      checkout(ctx, query.invoice_payload, query.currency, query.total_amount),
      new Promise<string>((resolve) => setTimeout(() => resolve(ctx.t.checkoutTryAgain), CHECKOUT_BUDGET_MS).unref()),
    ]);
  } catch (error) {
    logger.error({ err: error }, 'pre-checkout check failed');
    verdict = ctx.t.checkoutTryAgain;
  }
  await ctx.answerPreCheckoutQuery(verdict === null, verdict === null ? undefined : { error_message: verdict });
});

/** null when the payment may go ahead; otherwise what to tell the master. */
async function checkout(ctx: BotContext, invoicePayload: string, currency: string, total: number): Promise<string | null> {
  const terms = payload.unpack(invoicePayload);
  if (!terms || !ctx.master) return ctx.t.checkoutUnknown;
  const order = await ownOrder(ctx.app.ops.db, ctx.app.tenant.id, ctx.master.id, terms.orderId);
  if (!order) return ctx.t.checkoutUnknown;
  if (order.status === 'paid') return ctx.t.checkoutAlreadyPaid;
  if (order.status !== 'done') return ctx.t.notPayable;
  const due = invoiceAmount(order.commission, await paymentSettings(ctx));
  if (!due || due.currency !== currency || due.amount !== total || terms.amount !== total || terms.currency !== currency) return ctx.t.checkoutAmountChanged;
  return null;
}

paymentFeature.on('message:successful_payment', async (ctx) => {
  const paid = ctx.message.successful_payment;
  const terms = payload.unpack(paid.invoice_payload);
  if (!terms || !ctx.master) {
    logger.error({ payload: paid.invoice_payload, charge: paid.telegram_payment_charge_id }, 'a payment for nothing we know');
    return;
  }
  const order = await ownOrder(ctx.app.ops.db, ctx.app.tenant.id, ctx.master.id, terms.orderId);
  if (!order) {
    logger.error({ orderId: terms.orderId, charge: paid.telegram_payment_charge_id }, 'a payment for an order that is not his');
    return;
  }
  const result = await recordPayment(ctx.app.ops, systemActor(ctx.app.tenant.id), {
    orderId: order.id,
    masterId: ctx.master.id,
    // The debt it settles, in kopecks, whatever the invoice's currency.
    amount: order.commission,
    currency: paid.currency,
    telegramChargeId: paid.telegram_payment_charge_id,
    providerChargeId: paid.provider_payment_charge_id,
  });
  if (result.duplicate) logger.info({ charge: paid.telegram_payment_charge_id }, 'successful_payment delivered again; recorded once');
});
