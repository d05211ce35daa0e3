import { io, type Socket } from 'socket.io-client';
import type { EventEnvelope } from '../../shared/events.ts';
import type { PresenceEntry, SocketClientEvents, SocketServerEvents } from '../../shared/presence.ts';

export type BoardSocket = Socket<SocketServerEvents, SocketClientEvents>;

/** A board socket as a browser tab opens it: same origin, the session cookie, websocket. */
export function openSocket(url: string, cookie?: string, options: { reconnection?: boolean } = {}): BoardSocket {
  return io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: options.reconnection ?? false,
    extraHeaders: cookie ? { cookie } : {},
  });
}

/** Resolves when connected; rejects with the server's refusal (connect_error). */
export function connected(socket: BoardSocket, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket did not connect in time')), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Everything a socket hears, in order. */
export function record(socket: BoardSocket): { events: EventEnvelope[]; presence: PresenceEntry[]; left: string[] } {
  const heard = { events: [] as EventEnvelope[], presence: [] as PresenceEntry[], left: [] as string[] };
  socket.on('event', (event) => heard.events.push(event));
  socket.on('presence', (entry) => heard.presence.push(entry));
  socket.on('presence:left', ({ socketId }) => heard.left.push(socketId));
  return heard;
}

export function listPresence(socket: BoardSocket): Promise<PresenceEntry[]> {
  return new Promise((resolve) => socket.emit('presence:list', resolve));
}
