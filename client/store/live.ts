import { useEffect, useRef } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';
import type { EventType } from '../../shared/events.ts';
import { onFeed } from './feed.ts';
import { slice } from './root.ts';
import { useStore } from './useStore.ts';

export interface Live<T> {
  data: T | undefined;
  error: string | null;
  reload: () => void;
}

interface Entry {
  data: unknown;
  error: string | null;
}

/** The tabs' slices of the store: what each shown list or card last fetched, by the view that shows it. */
type Views = Record<string, Entry>;
export type LiveArea = 'masters' | 'prices' | 'money' | 'settings' | 'refs' | 'archive' | 'customers';
const areas: Record<LiveArea, StoreApi<Views>> = {
  masters: slice<Views>('masters', () => ({})),
  prices: slice<Views>('prices', () => ({})),
  money: slice<Views>('money', () => ({})),
  settings: slice<Views>('settings', () => ({})),
  refs: slice<Views>('refs', () => ({})),
  archive: slice<Views>('archive', () => ({})),
  customers: slice<Views>('customers', () => ({})),
};

const REFETCH_DELAY_MS = 250;

interface View {
  area: LiveArea;
  key: string;
  load: () => Promise<unknown>;
  match: RegExp;
  /** Bumped by each request: an answer to an older one is dropped. */
  generation: number;
  reload: () => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const shown = new Set<View>();
let nextId = 0;

function put(view: View, entry: Partial<Entry>): void {
  const store = areas[view.area];
  const previous = store.getState()[view.key] ?? { data: undefined, error: null };
  store.setState({ [view.key]: { ...previous, ...entry } });
}

/** Fetches a view into its slice. */
function refetch(view: View): void {
  const mine = ++view.generation;
  view.load().then(
    (data) => mine === view.generation && put(view, { data, error: null }),
    (failure: unknown) => mine === view.generation && put(view, { error: failure instanceof Error ? failure.message : String(failure) }),
  );
}

/**
 * What the socket's pushes do to the tabs: each shown view whose events `match` one of them (or
 * every view, after a board snapshot: anything may have changed) is fetched again; a burst of
 * events costs one refetch.
 */
export function refetchShown(events: readonly { type: string }[] | null): void {
  for (const view of shown) {
    if (events && !events.some((event) => view.match.test(event.type))) continue;
    clearTimeout(view.timer);
    view.timer = setTimeout(() => refetch(view), REFETCH_DELAY_MS);
  }
}
onFeed(refetchShown);

/**
 * Data a tab fetches over HTTP into its `area`'s slice, and fetches again when a push says it
 * changed (see refetchShown) or `deps` change; it leaves the slice when the tab closes.
 */
export function useLive<T>(area: LiveArea, load: () => Promise<T>, match: RegExp, deps: readonly unknown[]): Live<T> {
  const view = useRef<View | null>(null);
  if (!view.current) {
    const made: View = { area, key: `view${++nextId}`, load, match, generation: 0, timer: undefined, reload: () => refetch(made) };
    view.current = made;
  }
  const current = view.current;
  current.load = load;
  current.match = match;
  const entry = useStore(areas[area], (views) => views[current.key]);

  useEffect(() => {
    refetch(current);
  }, deps);

  useEffect(() => {
    shown.add(current);
    return () => {
      shown.delete(current);
      clearTimeout(current.timer);
      current.generation++; // a late answer must not land for a closed tab
      const { [current.key]: _gone, ...rest } = areas[current.area].getState();
      areas[current.area].setState(rest, true);
    };
  }, []);

  return { data: entry?.data as T | undefined, error: entry?.error ?? null, reload: current.reload };
}
