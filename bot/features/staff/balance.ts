import { balanceOf } from '../../../db/loyalty/ledger.ts';
import { customerByPhone } from '../../../db/staffTelegram/queries.ts';
import { normalisePhone } from '../../../shared/phone.ts';
import type { BotContext } from '../../context.ts';
import { displayPhone } from '../../format/orders.ts';

/** `/balance <phone>` at the counter: the customer's bonus points, the phone in any format. */
export async function answerBalance(ctx: BotContext, typed: string): Promise<void> {
  const text = typed.trim();
  if (!text) {
    await ctx.reply(ctx.t.staff.balanceAsk);
    return;
  }
  const phone = normalisePhone(text);
  if (!phone) {
    await ctx.reply(ctx.t.staff.balanceBadPhone(text.slice(0, 40)));
    return;
  }
  const customer = await customerByPhone(ctx.app.ops.db, ctx.app.tenant.id, phone);
  if (!customer) {
    await ctx.reply(ctx.t.staff.balanceNone(displayPhone(phone)));
    return;
  }
  const points = await balanceOf(ctx.app.ops.db, ctx.app.tenant.id, customer.id);
  await ctx.reply(ctx.t.staff.balance(customer.name, displayPhone(customer.phone), points));
}
