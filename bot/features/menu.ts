import { Composer, InlineKeyboard } from 'grammy';
import { masterActor } from '../../db/core/actor.ts';
import { loadTenantSettings } from '../../db/settings/tenantSettings.ts';
import { setOnShift } from '../../db/masters/setOnShift.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { listButton, orderButton, payButton, shiftButton } from '../callbackData.ts';
import type { BotContext, MasterRecord } from '../context.ts';
import { dayIn } from '../../shared/time.ts';
import { formatDay } from '../format/dates.ts';
import { cardText, money, orderLine, type TextSetup } from '../format/orders.ts';
import { cardKeyboard } from '../keyboards/orders.ts';
import { menuKeyboard } from '../keyboards/menu.ts';
import { anyLang } from '../locales/index.ts';
import { IN_WORK, orderCounts, ordersOfMaster, ownOrder, recentPaidOrders } from '../../db/orders/queries.ts';
import { loadReferences } from '../../db/settings/queries.ts';
import { staleTap } from './replies.ts';

// The master's home: /start, «На сегодня», «Мои заказы», the shift switch, «Комиссия».

export const menuFeature = new Composer<BotContext>();

const registered = menuFeature.filter((ctx): ctx is BotContext & { master: MasterRecord } => ctx.master !== null);

registered.command('start', async (ctx) => {
  ctx.session.flow = { kind: 'idle' };
  await showHome(ctx, ctx.master);
});

/** The status a master is in, and for approved masters the menu. */
export async function showHome(ctx: BotContext, master: MasterRecord): Promise<void> {
  if (master.status === 'pending') await ctx.reply(ctx.t.pending, { reply_markup: { remove_keyboard: true } });
  else if (master.status === 'blocked') await ctx.reply(ctx.t.blocked(master.blockReason), { reply_markup: { remove_keyboard: true } });
  else await ctx.reply(ctx.t.menuTitle, { reply_markup: menuKeyboard(ctx.t, master) });
}

const approved = menuFeature.filter((ctx): ctx is BotContext & { master: MasterRecord } => ctx.master?.status === 'approved');

/** A menu press ends a half-done profile edit or reschedule; photos wait for their «Готово». */
approved.hears([...anyLang((t) => t.menuToday), ...anyLang((t) => t.menuOrders), ...anyLang((t) => t.menuDebt), ...anyLang((t) => t.menuProfile), ...anyLang((t) => t.menuOnShift), ...anyLang((t) => t.menuOffShift)], async (ctx, next) => {
  if (ctx.session.flow.kind === 'profile' || ctx.session.flow.kind === 'reschedule') ctx.session.flow = { kind: 'idle' };
  await next();
});

approved.hears([...anyLang((t) => t.menuOnShift), ...anyLang((t) => t.menuOffShift)], async (ctx) => {
  const master = await setOnShift(ctx.app.ops, masterActor({ id: ctx.master.id, tenantId: ctx.app.tenant.id }), !ctx.master.onShift);
  await ctx.reply(master.onShift ? ctx.t.shiftOn : ctx.t.shiftOff, { reply_markup: menuKeyboard(ctx.t, master) });
});

approved.callbackQuery(shiftButton.filter, async (ctx) => {
  const data = shiftButton.unpack(ctx.callbackQuery.data);
  if (!data) return staleTap(ctx);
  const master = await setOnShift(ctx.app.ops, masterActor({ id: ctx.master.id, tenantId: ctx.app.tenant.id }), data.on === 1);
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.reply(master.onShift ? ctx.t.shiftOn : ctx.t.shiftOff, { reply_markup: menuKeyboard(ctx.t, master) });
});

approved.hears(anyLang((t) => t.menuToday), async (ctx) => {
  const setup = await textSetup(ctx);
  const today = dayIn(setup.timezone);
  // In work and planned for today, overdue, or not dated yet.
  const orders = (await ordersOfMaster(ctx.app.ops.db, ctx.app.tenant.id, ctx.master.id, IN_WORK, 50)).filter(
    (order) => order.plannedAt === null || dayIn(setup.timezone, order.plannedAt) <= today,
  );
  if (orders.length === 0) return ctx.reply(ctx.t.todayEmpty);
  const title = ctx.t.todayTitle(formatDay(new Date(), ctx.t, setup.timezone));
  await ctx.reply([title, ...orders.map((order) => orderLine(order, setup))].join('\n'), { reply_markup: openButtons(ctx, orders) });
});

approved.hears(anyLang((t) => t.menuOrders), async (ctx) => {
  await ctx.reply(ctx.t.ordersTitle, { reply_markup: await filterKeyboard(ctx) });
});

approved.callbackQuery(listButton.filter, async (ctx) => {
  const data = listButton.unpack(ctx.callbackQuery.data);
  if (!data) return staleTap(ctx);
  const setup = await textSetup(ctx);
  const { db } = ctx.app.ops;
  const tenantId = ctx.app.tenant.id;
  const orders =
    data.filter === 'paid'
      ? await recentPaidOrders(db, tenantId, ctx.master.id)
      : await ordersOfMaster(db, tenantId, ctx.master.id, data.filter === 'work' ? IN_WORK : ['done']);
  const title = { work: ctx.t.listInWork, unpaid: ctx.t.listUnpaid, paid: ctx.t.listPaid }[data.filter];
  const body = orders.length ? [title, ...orders.map((order) => orderLine(order, setup))].join('\n') : `${title}\n${ctx.t.ordersEmpty}`;
  const keyboard = data.filter === 'paid' ? new InlineKeyboard() : data.filter === 'unpaid' ? payButtons(ctx, orders) : openButtons(ctx, orders);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(body, { reply_markup: keyboard.append(await filterKeyboard(ctx)) }).catch(() => undefined);
});

approved.hears(anyLang((t) => t.menuDebt), async (ctx) => {
  const { db } = ctx.app.ops;
  const orders = await ordersOfMaster(db, ctx.app.tenant.id, ctx.master.id, ['done'], 50);
  const owed = orders.filter((order) => order.commission > 0);
  if (owed.length === 0) return ctx.reply(ctx.t.debtNone);
  const setup = await textSetup(ctx);
  const total = owed.reduce((sum, order) => sum + order.commission, 0);
  const { debtLimit } = await loadTenantSettings(db, ctx.app.tenant.id);
  const lines = [
    ctx.t.debtTotal(money(total, ctx.lang), owed.length),
    ...(total > debtLimit ? [ctx.t.debtOverLimit(money(debtLimit, ctx.lang))] : []),
    '',
    ...owed.map((order) => `${orderLine(order, setup)} — ${money(order.commission, ctx.lang)}`),
  ];
  await ctx.reply(lines.join('\n'), { reply_markup: payButtons(ctx, owed) });
});

/** «Открыть №N»: the full card of one of his orders, with what he can do next. */
approved.callbackQuery(orderButton.filter, async (ctx, next) => {
  const data = orderButton.unpack(ctx.callbackQuery.data);
  if (data?.action !== 'card') return next();
  const order = await ownOrder(ctx.app.ops.db, ctx.app.tenant.id, ctx.master.id, data.orderId);
  if (!order) return staleTap(ctx);
  await ctx.answerCallbackQuery();
  await ctx.reply(cardText(order, await textSetup(ctx)), { reply_markup: cardKeyboard(ctx.t, ctx.lang, order) });
});

export async function textSetup(ctx: BotContext): Promise<TextSetup> {
  return { t: ctx.t, lang: ctx.lang, refs: await loadReferences(ctx.app.ops.db, ctx.app.tenant.id), timezone: ctx.app.timezone };
}

async function filterKeyboard(ctx: BotContext & { master: MasterRecord }): Promise<InlineKeyboard> {
  const counts = await orderCounts(ctx.app.ops.db, ctx.app.tenant.id, ctx.master.id);
  return new InlineKeyboard()
    .row()
    .text(ctx.t.ordersInWork(counts.inWork), listButton.pack({ filter: 'work' }))
    .text(ctx.t.ordersUnpaid(counts.unpaid), listButton.pack({ filter: 'unpaid' }))
    .text(ctx.t.ordersPaid(counts.paid), listButton.pack({ filter: 'paid' }));
}

function openButtons(ctx: BotContext, orders: OrderDTO[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  orders.slice(0, 12).forEach((order, index) => {
    keyboard.text(ctx.t.openButton(order.number), orderButton.pack({ action: 'card', orderId: order.id }));
    if (index % 3 === 2) keyboard.row();
  });
  return keyboard.row();
}

function payButtons(ctx: BotContext, orders: OrderDTO[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const order of orders.slice(0, 10)) keyboard.text(ctx.t.payOrderButton(order.number, money(order.commission, ctx.lang)), payButton.pack({ orderId: order.id })).row();
  return keyboard;
}
