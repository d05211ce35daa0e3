import { useEffect, useRef, useState } from 'preact/hooks';
import type { EventType } from '../../shared/events.ts';
import { onFeed } from '../store/feed.ts';

export interface Live<T> {
  data: T | undefined;
  error: string | null;
  reload: () => void;
}

const REFETCH_DELAY_MS = 250;

/**
 * Data a tab fetches over HTTP and fetches again when a push says it changed: an event whose
 * type `match`es, or a board snapshot (after a gap anything may have changed). Bursts of events
 * cost one refetch; an answer that arrives after a newer request started is dropped.
 */
export function useLive<T>(load: () => Promise<T>, match: RegExp, deps: readonly unknown[]): Live<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const latest = useRef(load);
  latest.current = load;
  const reload = useRef(() => {
    const mine = ++generation.current;
    latest.current().then(
      (value) => {
        if (mine !== generation.current) return;
        setData(() => value);
        setError(null);
      },
      (failure: unknown) => {
        if (mine === generation.current) setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
  }).current;

  useEffect(() => {
    reload();
  }, deps);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onFeed((events) => {
      if (events && !events.some((event) => match.test(event.type))) return;
      clearTimeout(timer);
      timer = setTimeout(reload, REFETCH_DELAY_MS);
    });
    return () => {
      off();
      clearTimeout(timer);
      generation.current++; // a late answer must not set state on an unmounted tab
    };
  }, [match.source]);

  return { data, error, reload };
}

/** For listeners that need the events themselves (the chat appends its lines). */
export function useFeedEvents(handler: (type: EventType, data: unknown) => void, deps: readonly unknown[]): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(
    () =>
      onFeed((events) => {
        for (const event of events ?? []) latest.current(event.type, event.data);
      }),
    deps,
  );
}
