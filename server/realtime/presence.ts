import { logger } from '../../db/logger.ts';
import { parsePresenceState, type PresenceEntry } from '../../shared/presence.ts';
import { tenantRoom, type NaryadServer, type NaryadSocket } from './rooms.ts';

/**
 * Presence lives on the sockets themselves (socket.data), not in a process's memory: a list is
 * `fetchSockets()` over the tenant room, which the Redis Streams adapter answers from every web process.
 */
export function handlePresence(io: NaryadServer, socket: NaryadSocket): void {
  const { user } = socket.data;
  const room = tenantRoom(user.tenantId);

  socket.on('presence:set', (value) => {
    const state = parsePresenceState(value);
    if (!state) return;
    socket.data.presence = state;
    io.to(room).emit('presence', { socketId: socket.id, userId: user.id, name: user.name, ...state });
  });

  socket.on('presence:list', async (ack) => {
    if (typeof ack !== 'function') return;
    try {
      ack(await listPresence(io, user.tenantId));
    } catch (error) {
      // Another process did not answer in time: a partial list now, the next list fixes it.
      logger.warn({ err: error }, 'presence list failed');
      ack([]);
    }
  });

  socket.on('disconnect', () => {
    if (socket.data.presence) io.to(room).emit('presence:left', { socketId: socket.id });
  });
}

export async function listPresence(io: NaryadServer, tenantId: number): Promise<PresenceEntry[]> {
  const sockets = await io.in(tenantRoom(tenantId)).fetchSockets();
  return sockets.flatMap((s) =>
    s.data.presence && s.data.user.tenantId === tenantId
      ? [{ socketId: s.id, userId: s.data.user.id, name: s.data.user.name, ...s.data.presence }]
      : [],
  );
}
