import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import type { AppDeps, LiveSessions } from '../state.ts';
import { authenticateSocket } from './authenticate.ts';
import { handlePresence } from './presence.ts';
import { relayBusEvents } from './relay.ts';
import { sessionRoom, tenantRoom, userRoom, type NaryadServer } from './rooms.ts';
import { liveSessions } from './sessions.ts';
import { attachWalls } from './walls.ts';

/**
 * Socket.IO carries pushes and presence; mutations stay on HTTP. With REDIS_URL the rooms are
 * shared between web processes through the Redis Streams adapter, which keeps connection state recovery.
 */
export async function attachRealtime(httpServer: HttpServer, deps: AppDeps): Promise<{ io: NaryadServer; sessions: LiveSessions; close: () => Promise<void> }> {
  const redis = deps.config.REDIS_URL ? createClient({ url: deps.config.REDIS_URL }) : undefined;
  await redis?.connect();
  const io: NaryadServer = new Server(httpServer, {
    // Heroku-style routers cut idle websockets at 55 s: ping well inside that.
    pingInterval: 20_000,
    pingTimeout: 20_000,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
    ...(redis ? { adapter: createAdapter(redis, { streamName: `${deps.config.REDIS_PREFIX}:socket.io`, channelPrefix: `${deps.config.REDIS_PREFIX}:socket.io` }) } : {}),
  });
  io.use(authenticateSocket(deps));
  io.on('connection', (socket) => {
    const { user, sessionId } = socket.data;
    if (!socket.recovered) void socket.join([tenantRoom(user.tenantId), userRoom(user.id), sessionRoom(sessionId)]);
    handlePresence(io, socket);
  });
  const stopRelay = relayBusEvents(io, deps, redis);
  const stopWalls = attachWalls(io, deps);
  return {
    io,
    sessions: liveSessions(io),
    close: async () => {
      stopRelay();
      stopWalls();
      await io.close();
      await redis?.quit().catch(() => undefined);
    },
  };
}
