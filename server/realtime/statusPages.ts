import type { Namespace } from 'socket.io';
import { readStatusPage } from '../../db/orders/statusPage.ts';
import { logger } from '../../db/logger.ts';
import { STATUS_LINK_GONE, STATUS_NAMESPACE, statusLines, type StatusLines } from '../public/statusPage.ts';
import type { AppDeps } from '../state.ts';
import { fromOwnOrigin } from './authenticate.ts';
import type { NaryadServer } from './rooms.ts';

type StatusNamespace = Namespace<Record<string, never>, { status: (lines: StatusLines) => void }, Record<string, never>, { token: string; orderId: number; tenantId: number }>;

const orderRoom = (orderId: number) => `order:${orderId}`;
const companyRoom = (tenantId: number) => `company:${tenantId}`;
/** The company's own changes a page shows: a status's name and colour, the phone, the arrival window. */
const COMPANY_WIDE = new Set(['statuses.updated', 'settings.updated']);

/**
 * Customers' status pages (/t/<token>): no login, the order's token (handshake auth) is the key. A
 * page hears `status` with its lines reworded whenever an event about its order commits, or one
 * of its company's that the page shows (a status renamed, the phone changed), nothing else. Every web process hears every bus event, so each tells only its own sockets.
 */
export function attachStatusPages(io: NaryadServer, deps: AppDeps): () => void {
  const pages = io.of(STATUS_NAMESPACE) as unknown as StatusNamespace;
  pages.use(async (socket, next) => {
    if (!fromOwnOrigin(socket, deps.config)) return next(new Error('forbidden'));
    const token = socket.handshake.auth['token'];
    try {
      const view = typeof token === 'string' ? await readStatusPage(deps.db, token) : null;
      if (!view) return next(new Error(STATUS_LINK_GONE));
      socket.data = { token: token as string, orderId: view.orderId, tenantId: view.tenantId };
      next();
    } catch {
      next(new Error('unavailable'));
    }
  });

  pages.on('connection', (socket) => {
    if (!socket.recovered) void socket.join([orderRoom(socket.data.orderId), companyRoom(socket.data.tenantId)]);
  });

  // One read per change of a watched order, sent to every page open on it.
  const push = async (room: string) => {
    const [socket] = await pages.local.in(room).fetchSockets();
    if (!socket) return;
    const view = await readStatusPage(deps.db, socket.data.token);
    if (view) pages.local.to(room).emit('status', statusLines(view));
  };
  const pushSafely = (room: string) => void push(room).catch((error: unknown) => logger.warn({ err: error, room }, 'status page push failed'));

  // Every order of the company with a page open here, one read each.
  const pushCompany = async (tenantId: number) => {
    const sockets = await pages.local.in(companyRoom(tenantId)).fetchSockets();
    for (const room of new Set(sockets.map((socket) => orderRoom(socket.data.orderId)))) pushSafely(room);
  };

  const unsubscribe = deps.bus.subscribe((event) => {
    if (COMPANY_WIDE.has(event.type)) {
      if (pages.adapter.rooms.has(companyRoom(event.tenantId))) void pushCompany(event.tenantId).catch((error: unknown) => logger.warn({ err: error }, 'status page push failed'));
      return;
    }
    if (!event.type.startsWith('orders.')) return;
    const { order } = event.data as { order?: { id: number } };
    if (order && pages.adapter.rooms.has(orderRoom(order.id))) pushSafely(orderRoom(order.id));
  });
  // Pub/sub lost whatever moved while the bus was down: every open page here reads again.
  const stopResync = deps.bus.onReconnect(() => {
    for (const room of pages.adapter.rooms.keys()) if (room.startsWith('order:')) pushSafely(room);
  });
  return () => {
    unsubscribe();
    stopResync();
  };
}
