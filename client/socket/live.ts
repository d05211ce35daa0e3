import { io, type Socket } from 'socket.io-client';
import type { SyncPushes } from '../../shared/events.ts';
import type { PresenceState, SocketClientEvents, SocketServerEvents } from '../../shared/presence.ts';
import { setConnection } from '../store/connection.ts';
import { removePresence, replacePresence, upsertPresence } from '../store/presence.ts';
import { checkSession } from '../store/session.ts';
import { receiveEvent, resync } from '../store/sync.ts';

type BoardSocket = Socket<SocketServerEvents & SyncPushes, SocketClientEvents>;

let socket: BoardSocket | undefined;
let myPresence: PresenceState = { orderId: null, mode: 'view' };
let presenceTimer: ReturnType<typeof setInterval> | undefined;

/**
 * One socket per tab, same origin, authenticated by the session cookie. Socket.IO's connection
 * state recovery replays what a short cut missed; when it cannot, the board resyncs by seq.
 */
export function startLive(): void {
  if (socket) return;
  void resync(); // the board shows even before the socket is up
  socket = io({
    withCredentials: true,
    transports: ['websocket', 'polling'],
    reconnectionDelay: 300,
    reconnectionDelayMax: 2000,
    randomizationFactor: 0.3,
  });
  const s = socket;
  s.on('connect', () => {
    setConnection({ phase: 'online', socketId: s.id ?? null });
    // Recovered: the server replayed the missed pushes. Otherwise events may be missing: resync.
    if (s.recovered) setConnection({ lastSync: 'recovered' });
    else void resync();
    s.emit('presence:set', myPresence);
    refreshPresence();
  });
  s.on('disconnect', (reason) => {
    setConnection({ phase: navigator.onLine ? 'reconnecting' : 'offline' });
    // The server dropped us on purpose (logout elsewhere, restart): connect again by hand.
    if (reason === 'io server disconnect') setTimeout(() => s.connect(), 1000);
  });
  s.on('connect_error', (error) => {
    setConnection({ phase: navigator.onLine ? 'reconnecting' : 'offline' });
    // A refused handshake is not retried by Socket.IO: see whether the session is gone, then retry.
    if (error.message === 'unauthorized') {
      void checkSession();
      setTimeout(() => {
        if (!s.connected) s.connect();
      }, 3000);
    }
  });
  s.on('event', (event) => receiveEvent(event));
  // The server lost pushes while its Redis was away: replay what we missed by seq.
  s.on('resync', () => void resync());
  s.on('presence', (entry) => upsertPresence(entry));
  s.on('presence:left', ({ socketId }) => removePresence(socketId));

  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);
  // A web process that died takes its sockets' goodbyes with it: relist now and then.
  presenceTimer = setInterval(refreshPresence, 30_000);
}

export function stopLive(): void {
  clearInterval(presenceTimer);
  window.removeEventListener('offline', onOffline);
  window.removeEventListener('online', onOnline);
  socket?.disconnect();
  socket = undefined;
}

/** What this tab has open; sent now and again after every reconnect. */
export function setMyPresence(state: PresenceState): void {
  if (state.orderId === myPresence.orderId && state.mode === myPresence.mode) return;
  myPresence = state;
  if (socket?.connected) socket.emit('presence:set', state);
}

function refreshPresence(): void {
  if (socket?.connected) socket.emit('presence:list', (entries) => replacePresence(entries));
}

function onOffline(): void {
  setConnection({ phase: 'offline' });
}

function onOnline(): void {
  if (!socket) return;
  if (socket.connected) setConnection({ phase: 'online' });
  else {
    setConnection({ phase: 'reconnecting' });
    socket.connect();
  }
}
