import type { Namespace } from 'socket.io';
import { findWallTenant } from '../../db/staff/wallTokens.ts';
import { wallToken } from '../../shared/schemas/manager.ts';
import { WALL_LINK_GONE, WALL_NAMESPACE, type WallServerEvents } from '../../shared/wallEvents.ts';
import type { AppDeps } from '../state.ts';
import { fromOwnOrigin } from './authenticate.ts';
import type { NaryadServer } from './rooms.ts';

type WallNamespace = Namespace<Record<string, never>, WallServerEvents, Record<string, never>, { tenantId: number; wallId: number }>;

// Events that move the wall's figures; others (prices, masters, staff) leave them as they are.
const moving = /^(orders|expenses|channels|settings)\./;
const THROTTLE_MS = 1_000;
const tenantWalls = (tenantId: number) => `walls:${tenantId}`;
const wallLink = (wallId: number) => `wall:${wallId}`;

/**
 * The wall screens' namespace: no login, the link's token (handshake auth) is the key. A wall
 * socket hears "changed" (refetch the figures, at most once a second) and "revoked", nothing
 * private. Every web process hears every bus event, so each tells only its own wall sockets.
 */
export function attachWalls(io: NaryadServer, deps: AppDeps): () => void {
  // The namespace has its own socket data (a link, not a user) than the board's.
  const walls = io.of(WALL_NAMESPACE) as unknown as WallNamespace;
  walls.use(async (socket, next) => {
    // The wall screen is one of the board's pages; another site holding a link gets nothing live.
    if (!fromOwnOrigin(socket, deps.config)) return next(new Error('forbidden'));
    const parsed = wallToken.safeParse(socket.handshake.auth['token']);
    try {
      const found = parsed.success ? await findWallTenant(deps.db, parsed.data) : null;
      if (!found) return next(new Error(WALL_LINK_GONE));
      socket.data = found;
      next();
    } catch {
      next(new Error('unavailable'));
    }
  });
  walls.on('connection', (socket) => {
    if (!socket.recovered) void socket.join([tenantWalls(socket.data.tenantId), wallLink(socket.data.wallId)]);
  });

  const pending = new Map<number, NodeJS.Timeout>();
  const unsubscribe = deps.bus.subscribe((event) => {
    if (event.type === 'walls.revoked') {
      walls.local.to(wallLink(event.data.id)).emit('revoked');
      walls.local.in(wallLink(event.data.id)).disconnectSockets(true);
      return;
    }
    if (!moving.test(event.type) || pending.has(event.tenantId)) return;
    const timer = setTimeout(() => {
      pending.delete(event.tenantId);
      walls.local.to(tenantWalls(event.tenantId)).emit('changed');
    }, THROTTLE_MS);
    pending.set(event.tenantId, timer);
  });
  // Pub/sub lost whatever moved while the bus was down: every wall here refetches.
  const stopResync = deps.bus.onReconnect(() => walls.local.emit('changed'));
  return () => {
    unsubscribe();
    stopResync();
    for (const timer of pending.values()) clearTimeout(timer);
  };
}
