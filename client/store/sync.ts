import type { EventEnvelope } from '../../shared/events.ts';
import { api } from '../api/orders.ts';
import { applyEvents, boardStore, loadSnapshot, setBoardFailed, setBoardLoading } from './board.ts';
import { setConnection } from './connection.ts';

// Keeps the board equal to the server: pushes are applied strictly by seq. Out-of-order arrivals
// (two web processes publishing) wait briefly for the missing seq; a real gap replays the missing
// events from /api/events, or refetches /api/board when too many are missing.

const GAP_WAIT_MS = 400;
const pending = new Map<number, EventEnvelope>();
let gapTimer: ReturnType<typeof setTimeout> | undefined;
let running: Promise<void> | undefined;
let again = false;

/** The socket's 'event' handler. */
export function receiveEvent(event: EventEnvelope): void {
  if (event.seq <= boardStore.getState().seq) return; // seen already (replay, recovery)
  pending.set(event.seq, event);
  if (!running) drain();
}

function drain(): void {
  const { phase, seq: applied } = boardStore.getState();
  if (phase !== 'ready') return;
  for (const seq of pending.keys()) if (seq <= applied) pending.delete(seq);
  const batch: EventEnvelope[] = [];
  let seq = applied;
  while (pending.has(seq + 1)) {
    batch.push(pending.get(seq + 1)!);
    pending.delete(++seq);
  }
  applyEvents(batch);
  if (pending.size === 0) {
    clearTimeout(gapTimer);
    gapTimer = undefined;
  } else {
    gapTimer ??= setTimeout(() => {
      gapTimer = undefined;
      if (pending.size > 0) void resync();
    }, GAP_WAIT_MS);
  }
}

/**
 * Brings the board up to date: the first time (or after a failure) the whole snapshot, later the
 * events after our seq. Concurrent calls share one run; a call during a run schedules one more.
 */
export function resync(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  setConnection({ syncing: true });
  running = (async () => {
    try {
      do {
        again = false;
        await catchUp();
      } while (again);
    } finally {
      running = undefined;
      setConnection({ syncing: false });
      drain();
    }
  })();
  return running;
}

async function catchUp(): Promise<void> {
  const { phase, seq } = boardStore.getState();
  try {
    if (phase === 'ready') {
      const { events, complete } = await api.eventsAfter(seq);
      if (complete) {
        applyEvents(events.filter((event) => event.seq > boardStore.getState().seq));
        setConnection({ lastSync: 'replayed' });
        return;
      }
    }
    setBoardLoading();
    loadSnapshot(await api.board());
    setConnection({ lastSync: 'snapshot' });
  } catch (error) {
    setBoardFailed(error instanceof Error ? error.message : String(error));
    // Offline: the next (re)connect calls resync again.
  }
}

/** Forget everything (logout). */
export function resetSync(): void {
  pending.clear();
  clearTimeout(gapTimer);
  gapTimer = undefined;
}
