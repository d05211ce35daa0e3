import type { WallSnapshot } from '../../shared/crmTypes.ts';

export type WallPhase = 'connecting' | 'live' | 'reconnecting' | 'revoked';

interface Sinks {
  snapshot: (snapshot: WallSnapshot) => void;
  phase: (phase: WallPhase) => void;
}

// Figures that depend on the date ("today", the month) change at midnight without any event.
const PERIODIC_REFRESH_MS = 5 * 60_000;
const RETRY_MS = 10_000;

/**
 * Keeps the wall's figures current: the server-sent-events stream says "changed" (at most once a
 * second) and the wall refetches the snapshot. EventSource reconnects by itself after a cut; when
 * the browser gives up (the server answered an error while restarting) we open a new one after a
 * pause. Every (re)connect refetches, so nothing missed while away stays missing. One stream, one
 * interval, no buffers: memory stays flat however long the screen runs. Returns a stop function.
 */
export function watchWall(token: string, sinks: Sinks): () => void {
  const base = `/api/wall/${encodeURIComponent(token)}`;
  let source: EventSource | undefined;
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
      const response = await fetch(base, { cache: 'no-store' });
      if (response.status === 404) return revoke();
      if (response.ok && !stopped) sinks.snapshot((await response.json()) as WallSnapshot);
      // The browser logs every request's timing until its buffer is full: a screen that refetches
      // for days has no use for them.
      performance.clearResourceTimings();
    } catch {
      // offline: the stream's reconnect brings us back here
    } finally {
      inFlight = false;
      if (again && !stopped) {
        again = false;
        void refresh();
      }
    }
  };

  const revoke = () => {
    stopped = true;
    source?.close();
    clearTimeout(retry);
    clearInterval(periodic);
    sinks.phase('revoked');
  };

  const connect = () => {
    if (stopped) return;
    source = new EventSource(`${base}/stream`);
    source.addEventListener('open', () => {
      sinks.phase('live');
      void refresh();
    });
    source.addEventListener('changed', () => void refresh());
    source.addEventListener('revoked', revoke);
    source.addEventListener('error', () => {
      if (stopped) return;
      sinks.phase('reconnecting');
      if (source?.readyState === EventSource.CLOSED) {
        source.close();
        clearTimeout(retry);
        retry = setTimeout(() => {
          void refresh();
          connect();
        }, RETRY_MS);
      }
    });
  };

  void refresh();
  connect();
  const periodic = setInterval(() => void refresh(), PERIODIC_REFRESH_MS);
  return () => {
    stopped = true;
    source?.close();
    clearTimeout(retry);
    clearInterval(periodic);
  };
}
