import type { EventEnvelope } from '../../shared/events.ts';

// Who else wants the pushes: the CRM tabs refetch their lists when an event of theirs is applied.
// `null` means a snapshot replaced the board: anything may have changed, refetch.
export type FeedListener = (events: readonly EventEnvelope[] | null) => void;

const listeners = new Set<FeedListener>();

export function onFeed(listener: FeedListener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function publishFeed(events: readonly EventEnvelope[] | null): void {
  for (const listener of listeners) listener(events);
}
