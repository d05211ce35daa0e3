import { loadReferences } from '../../../db/settings/queries.ts';
import { channelOf, newestLinesSince, staffToTell, unreadLinesUpTo } from '../../../db/staffTelegram/queries.ts';
import type { OrderDTO } from '../../../shared/types.ts';
import type { BotApp } from '../../context.ts';
import { formatDate } from '../../format/dates.ts';
import { displayPhone } from '../../format/orders.ts';
import type { JobQueue } from '../../jobs/index.ts';
import type { Reactions } from '../../reactions.ts';
import { boardLink, tellStaff } from './tellStaff.ts';

/** Orders that came by themselves (nobody on the board typed them in): staff hear of these. */
const SELF_SERVICE_CHANNELS = new Set(['website', 'form']);

/** How long a master's line may wait unread before staff are told: an open chat reads it at once. */
export const UNREAD_GRACE_MS = 2 * 60_000;

/**
 * What staff hear of as it happens, each behind the person's own switch: an order from the
 * website or the request form, an order flagged "no taker", and a master's line nobody read.
 */
export function staffAlertReactions(app: BotApp, jobs: JobQueue, options: { unreadGraceMs?: number } = {}): { reactions: Reactions; start(): Promise<void> } {
  const grace = options.unreadGraceMs ?? UNREAD_GRACE_MS;
  const tenantId = app.tenant.id;
  const { db } = app.ops;

  async function orderSummary(order: OrderDTO) {
    const refs = await loadReferences(db, tenantId);
    return { number: order.number, kind: refs.kindName(order.kindId), city: refs.cityName(order.cityId), address: order.address || order.street, link: boardLink(app, `/orders/${order.id}`) };
  }

  const reactions: Reactions = {
    async 'orders.created'({ data: { order } }) {
      const channel = await channelOf(db, tenantId, order.channelId);
      if (!channel || !SELF_SERVICE_CHANNELS.has(channel.type)) return;
      const staff = await staffToTell(db, tenantId, 'newOrders');
      if (!staff.length) return;
      const summary = await orderSummary(order);
      await tellStaff(app, staff, (t) =>
        t.staff.newOrder({
          ...summary,
          channel: channel.name,
          date: formatDate(order.plannedAt, t, app.timezone),
          customer: order.customer?.name ?? '',
          phone: order.customer?.phone ? displayPhone(order.customer.phone) : '',
          description: order.description,
        }),
      );
    },
    async 'orders.flagged'({ data: { order } }) {
      if (!order.noTaker) return;
      const staff = await staffToTell(db, tenantId, 'noTaker');
      if (!staff.length) return;
      const summary = await orderSummary(order);
      const reason = order.noTaker.reason;
      await tellStaff(app, staff, (t) => t.staff.noTaker({ ...summary, reason }));
    },
    async 'chat.message'({ data: { message } }) {
      if (message.direction !== 'in') return;
      await jobs.schedule('staff-unread-chat', { tenantId, masterId: message.masterId, messageId: message.id }, new Date(Date.now() + grace));
    },
  };

  async function tellUnread({ tenantId: jobTenant, masterId, messageId }: { tenantId: number; masterId: number; messageId: number }) {
    if (jobTenant !== tenantId) return;
    const unread = await unreadLinesUpTo(db, tenantId, masterId, messageId);
    if (!unread.lines.length) return;
    const staff = await staffToTell(db, tenantId, 'masterMessages');
    const lines = unread.lines.slice(-5);
    await tellStaff(app, staff, (t) => t.staff.masterMessage({ master: unread.masterName, lines, link: boardLink(app, `/masters/${masterId}`) }));
  }

  /**
   * Timers die with the process (pg-boss keeps its jobs): at start, the lines still inside their
   * grace get their check again. One whose grace ended while the bot was down may have been told
   * just before it stopped, and telling twice is worse than late, so those are left.
   */
  async function resumeUnread() {
    if (jobs.kind !== 'timer') return;
    for (const line of await newestLinesSince(db, tenantId, new Date(Date.now() - grace))) {
      await jobs.schedule('staff-unread-chat', { tenantId, masterId: line.masterId, messageId: line.messageId }, new Date(line.at.getTime() + grace));
    }
  }

  return {
    reactions,
    async start() {
      await jobs.work('staff-unread-chat', tellUnread);
      await resumeUnread();
    },
  };
}
