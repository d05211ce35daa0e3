import { io, type Socket } from 'socket.io-client';
import type { WallSnapshot } from '../../shared/crmTypes.ts';
import { WALL_LINK_GONE, WALL_NAMESPACE, type WallServerEvents } from '../../shared/wallEvents.ts';

export type WallPhase = 'connecting' | 'live' | 'reconnecting' | 'revoked';

interface Sinks {
  snapshot: (snapshot: WallSnapshot) => void;
  phase: (phase: WallPhase) => void;
}

// Figures that depend on the date ("today", the month) change at midnight without any event.
const PERIODIC_REFRESH_MS = 5 * 60_000;
const RETRY_MS = 10_000;

/**
 * Keeps the wall's figures current: its socket says "changed" (at most once a second) and the wall
 * refetches the snapshot. Socket.IO reconnects by itself after a cut; a refused handshake (the server
 * was restarting) is retried after a pause. Every (re)connect refetches, so nothing missed while away
 * stays missing. One socket, one interval, no buffers: memory stays flat however long the screen runs.
 * Returns a stop function.
 */
export function watchWall(token: string, sinks: Sinks): () => void {
  const snapshotUrl = `/api/wall/${encodeURIComponent(token)}`;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let inFlight = false;
  let again = false;

  const refresh = async (): Promise<void> => {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    try {
      const response = await fetch(snapshotUrl, { cache: 'no-store' });
      if (response.status === 404) return stop('revoked');
      if (response.ok && !stopped) sinks.snapshot((await response.json()) as WallSnapshot);
      // The browser logs every request's timing until its buffer is full: a screen that refetches
      // for days has no use for them.
      performance.clearResourceTimings();
    } catch {
      // offline: the socket's reconnect brings us back here
    } finally {
      inFlight = false;
      if (again && !stopped) {
        again = false;
        void refresh();
      }
    }
  };

  const socket: Socket<WallServerEvents> = io(WALL_NAMESPACE, {
    auth: { token },
    transports: ['websocket'],
    reconnectionDelayMax: RETRY_MS,
  });
  socket.on('connect', () => {
    sinks.phase('live');
    void refresh();
  });
  socket.on('changed', () => void refresh());
  socket.on('revoked', () => stop('revoked'));
  socket.on('disconnect', (reason) => {
    if (stopped) return;
    sinks.phase('reconnecting');
    // A server that closes on purpose (a restart) is not reconnected by Socket.IO: do it after a pause.
    if (reason === 'io server disconnect') retry = setTimeout(() => socket.connect(), RETRY_MS);
  });
  socket.on('connect_error', (error) => {
    if (error.message === WALL_LINK_GONE) return stop('revoked');
    sinks.phase('reconnecting');
    // Socket.IO does not retry a handshake the server refused: try again after a pause.
    if (!socket.active) retry = setTimeout(() => socket.connect(), RETRY_MS);
  });

  const periodic = setInterval(() => void refresh(), PERIODIC_REFRESH_MS);
  function stop(phase?: 'revoked') {
    stopped = true;
    socket.disconnect();
    clearTimeout(retry);
    clearInterval(periodic);
    if (phase) sinks.phase(phase);
  }
  void refresh();
  return () => stop();
}
