import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Server } from 'socket.io';
import { logger } from '../../db/logger.ts';
import type { AppDeps, LiveSessions } from '../state.ts';
import { createAdapterRedis } from './adapterRedis.ts';
import { authenticateSocket } from './authenticate.ts';
import { handlePresence } from './presence.ts';
import { relayBusEvents } from './relay.ts';
import { sessionRoom, tenantRoom, userRoom, type NaryadServer } from './rooms.ts';
import { liveSessions } from './sessions.ts';
import { attachStatusPages } from './statusPages.ts';
import { attachWalls } from './walls.ts';

const RECOVERY_MS = 2 * 60_000;

/**
 * Socket.IO carries pushes and presence; mutations stay on HTTP. With REDIS_URL the rooms are
 * shared between web processes through the Redis Streams adapter, which keeps connection state
 * recovery. Redis may be away at start or later: sockets are served all the same, and when the
 * bus comes back every socket here is told to resync, since pub/sub kept nothing meanwhile.
 */
export async function attachRealtime(httpServer: HttpServer, deps: AppDeps): Promise<{ io: NaryadServer; sessions: LiveSessions; close: () => Promise<void> }> {
  const redis = deps.config.REDIS_URL ? createAdapterRedis(deps.config.REDIS_URL) : undefined;
  const io: NaryadServer = new Server(httpServer, {
    // Heroku-style routers cut idle websockets at 55 s: ping well inside that.
    pingInterval: 20_000,
    pingTimeout: 20_000,
    connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_MS, skipMiddlewares: true },
    ...(redis ? { adapter: createAdapter(redis.forAdapter, { streamName: `${deps.config.REDIS_PREFIX}:socket.io`, channelPrefix: `${deps.config.REDIS_PREFIX}:socket.io` }) } : {}),
  });
  let busBackAt = -Infinity;
  io.use(authenticateSocket(deps));
  io.on('connection', (socket) => {
    const { user, sessionId } = socket.data;
    if (!socket.recovered) void socket.join([tenantRoom(user.tenantId), userRoom(user.id), sessionRoom(sessionId)]);
    // Recovery replays the adapter's stream, which holds nothing the bus lost: if the bus was cut
    // off while this socket may have been away, it catches up by seq as well.
    else if (Date.now() - busBackAt < RECOVERY_MS) socket.emit('resync');
    handlePresence(io, socket);
  });
  const stopResync = deps.bus.onReconnect(() => {
    busBackAt = Date.now();
    logger.info({ sockets: io.sockets.sockets.size }, 'bus is back: sockets resync');
    io.local.emit('resync');
  });
  const stopRelay = relayBusEvents(io, deps, redis?.client);
  const stopWalls = attachWalls(io, deps);
  const stopStatusPages = attachStatusPages(io, deps);
  return {
    io,
    sessions: liveSessions(io),
    close: async () => {
      stopResync();
      stopRelay();
      stopWalls();
      stopStatusPages();
      await io.close();
      await redis?.close();
    },
  };
}
