import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Composer, InlineKeyboard } from 'grammy';
import { masterActor } from '../../db/core/actor.ts';
import { completeOrder } from '../../db/orders/completeOrder.ts';
import { rescheduleOrder } from '../../db/orders/rescheduleOrder.ts';
import { storePhotos, type StoredPhotoFile } from '../../db/orders/storePhotos.ts';
import { logger } from '../../db/logger.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { orderButton, photosButton } from '../callbackData.ts';
import type { BotApp, BotContext, MasterRecord } from '../context.ts';
import { formatDate, parseMasterDate } from '../format/dates.ts';
import { cardText, money } from '../format/orders.ts';
import { cardKeyboard, payKeyboard } from '../keyboards/orders.ts';
import { ownOrder } from '../../db/orders/queries.ts';
import { textSetup } from './menu.ts';
import { isDomainError, staleTap } from './replies.ts';

// «Выполнено» → photos (an album or several) → «Готово» stores them → «Оплатить комиссию».
// «Перенос» → a new date typed by the master.

export const completionFeature = new Composer<BotContext>();

type Approved = BotContext & { master: MasterRecord };
const approved = completionFeature.filter((ctx): ctx is Approved => ctx.master?.status === 'approved');

approved.callbackQuery(orderButton.filter, async (ctx, next) => {
  const data = orderButton.unpack(ctx.callbackQuery.data);
  if (!data || (data.action !== 'done' && data.action !== 'resched')) return next();
  const actor = masterActor({ id: ctx.master.id, tenantId: ctx.app.tenant.id });
  const order = await ownOrder(ctx.app.ops.db, ctx.app.tenant.id, ctx.master.id, data.orderId);
  if (!order || (order.status !== 'accepted' && order.status !== 'rescheduled')) return staleTap(ctx);
  if (data.action === 'resched') {
    ctx.session.flow = { kind: 'reschedule', orderId: order.id };
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t.rescheduleAsk(order.number), { reply_markup: cancelKeyboard(ctx, order.id) });
    return;
  }
  let done: OrderDTO;
  try {
    done = await completeOrder(ctx.app.ops, actor, order.id);
  } catch (error) {
    if (isDomainError(error, 'transition_forbidden', 'not_found')) return staleTap(ctx);
    throw error;
  }
  await ctx.answerCallbackQuery();
  await editCard(ctx, done);
  ctx.session.flow = { kind: 'photos', orderId: done.id, photos: [] };
  await ctx.reply(ctx.t.photosAsk(done.number), { reply_markup: photoKeyboard(ctx, done.id) });
});

approved.callbackQuery(photosButton.filter, async (ctx) => {
  const data = photosButton.unpack(ctx.callbackQuery.data);
  const flow = ctx.session.flow;
  if (!data) return staleTap(ctx);
  if (data.action === 'cancel') {
    if (flow.kind !== 'reschedule' || flow.orderId !== data.orderId) return staleTap(ctx);
    ctx.session.flow = { kind: 'idle' };
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.reply(ctx.t.editCancelled);
    return;
  }
  if (flow.kind !== 'photos' || flow.orderId !== data.orderId) return staleTap(ctx);
  if (data.action === 'done' && flow.photos.length === 0) return ctx.answerCallbackQuery({ text: ctx.t.photosNone });
  const order = await ownOrder(ctx.app.ops.db, ctx.app.tenant.id, ctx.master.id, data.orderId);
  if (!order) return staleTap(ctx);
  await ctx.answerCallbackQuery();
  photoNotices.cancel(ctx.chat!.id);
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  let intro = ctx.t.photosSkipped;
  if (data.action === 'done') {
    try {
      const stored = await storeTelegramPhotos(ctx.app, ctx.master, order, flow.photos.map((photo) => photo.fileId));
      intro = ctx.t.photosStored(stored);
    } catch (error) {
      logger.error({ err: error, orderId: order.id }, 'storing photos failed');
      await ctx.reply(ctx.t.photosFailed, { reply_markup: photoKeyboard(ctx, order.id) });
      return;
    }
  }
  ctx.session.flow = { kind: 'idle' };
  if (order.status === 'done' && order.commission > 0) {
    await ctx.reply(`${intro}\n\n${ctx.t.commissionDue(order.number, money(order.commission, ctx.lang))}`, { reply_markup: payKeyboard(ctx.t, ctx.lang, order) });
  } else await ctx.reply(intro);
});

approved.on('message:photo', async (ctx, next) => {
  const flow = ctx.session.flow;
  if (flow.kind !== 'photos') return next();
  // Telegram sends every photo in several sizes; the largest is the last.
  const photo = ctx.message.photo.at(-1)!;
  if (!flow.photos.some((known) => known.uniqueId === photo.file_unique_id)) flow.photos.push({ fileId: photo.file_id, uniqueId: photo.file_unique_id });
  photoNotices.later(ctx.app, ctx.chat.id, flow.orderId, flow.photos.length, ctx.t);
});

approved.on('message:text', async (ctx, next) => {
  const flow = ctx.session.flow;
  if (flow.kind !== 'reschedule') return next();
  const plannedAt = parseMasterDate(ctx.message.text, ctx.app.timezone);
  if (!plannedAt) return ctx.reply(ctx.t.rescheduleBad, { reply_markup: cancelKeyboard(ctx, flow.orderId) });
  let order: OrderDTO;
  try {
    order = await rescheduleOrder(ctx.app.ops, masterActor({ id: ctx.master.id, tenantId: ctx.app.tenant.id }), flow.orderId, { plannedAt: plannedAt.toISOString() });
  } catch (error) {
    ctx.session.flow = { kind: 'idle' };
    if (isDomainError(error, 'transition_forbidden', 'not_found')) return ctx.reply(ctx.t.staleButton);
    throw error;
  }
  ctx.session.flow = { kind: 'idle' };
  const setup = await textSetup(ctx);
  const headline = ctx.t.rescheduled(order.number, formatDate(order.plannedAt, ctx.t, ctx.app.timezone) ?? '');
  await ctx.reply(`${headline}\n\n${cardText(order, setup)}`, { reply_markup: cardKeyboard(ctx.t, ctx.lang, order) });
});

/** The card of a finished order loses its buttons and shows the new status. */
async function editCard(ctx: Approved, order: OrderDTO): Promise<void> {
  const text = cardText(order, await textSetup(ctx));
  const message = ctx.callbackQuery?.message;
  const edit = message && 'photo' in message && message.photo ? ctx.editMessageCaption({ caption: text }) : ctx.editMessageText(text);
  await edit.catch(() => undefined);
}

function photoKeyboard(ctx: BotContext, orderId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t.doneButton, photosButton.pack({ action: 'done', orderId }))
    .text(ctx.t.noPhotosButton, photosButton.pack({ action: 'skip', orderId }));
}

function cancelKeyboard(ctx: BotContext, orderId: number): InlineKeyboard {
  return new InlineKeyboard().text(ctx.t.cancelButton, photosButton.pack({ action: 'cancel', orderId }));
}

/** Downloads each photo from Telegram into STORAGE_DIR and records them for the order. */
async function storeTelegramPhotos(app: BotApp, master: MasterRecord, order: OrderDTO, fileIds: string[]): Promise<number> {
  const folder = join('orders', String(app.tenant.id), String(order.id));
  await mkdir(join(app.config.STORAGE_DIR, folder), { recursive: true });
  const files: StoredPhotoFile[] = [];
  for (const fileId of fileIds) {
    const file = await app.api.getFile(fileId);
    if (!file.file_path) throw new Error(`Telegram gave no path for file ${fileId}`);
    const response = await fetch(app.fileUrl(file.file_path));
    if (!response.ok) throw new Error(`downloading ${file.file_path}: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const path = join(folder, `${randomUUID()}.jpg`);
    await writeFile(join(app.config.STORAGE_DIR, path), bytes);
    files.push({ path, mime: response.headers.get('content-type')?.startsWith('image/') ? response.headers.get('content-type')! : 'image/jpeg', telegramFileId: fileId });
  }
  const stored = await storePhotos(app.ops, masterActor({ id: master.id, tenantId: app.tenant.id }), order.id, files);
  return stored.length;
}

/**
 * "Фото получено: 3" once per burst rather than once per photo: an album arrives as
 * several updates within a second, and a reply to each would be noise (and throttled).
 */
const photoNotices = {
  timers: new Map<number, NodeJS.Timeout>(),
  later(app: BotApp, chatId: number, orderId: number, count: number, t: BotContext['t']): void {
    this.cancel(chatId);
    const timer = setTimeout(() => {
      this.timers.delete(chatId);
      const keyboard = new InlineKeyboard()
        .text(t.doneButton, photosButton.pack({ action: 'done', orderId }))
        .text(t.noPhotosButton, photosButton.pack({ action: 'skip', orderId }));
      app.api.sendMessage(chatId, t.photosReceived(count), { reply_markup: keyboard }).catch((error: unknown) => logger.warn({ err: error }, 'photo notice failed'));
    }, 1200);
    this.timers.set(chatId, timer);
  },
  cancel(chatId: number): void {
    const timer = this.timers.get(chatId);
    if (timer) clearTimeout(timer);
    this.timers.delete(chatId);
  },
};
