import { useEffect, useReducer, useRef } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';

/**
 * Subscribes a component to a slice of a vanilla zustand store (no React, no compat layer):
 * it re-renders only when what the selector picks changes.
 */
export function useStore<S, T>(store: StoreApi<S>, selector: (state: S) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const selected = selector(store.getState());
  const latest = useRef({ selector, selected, equal });
  latest.current = { selector, selected, equal };
  useEffect(() => {
    const check = (state: S) => {
      const { selector: pick, selected: previous, equal: same } = latest.current;
      if (!same(previous, pick(state))) rerender(0);
    };
    const unsubscribe = store.subscribe(check);
    // The store may have changed between this render and the subscription (a snapshot landing
    // right after the first paint): without this check the page would show the old state until the next change.
    check(store.getState());
    return unsubscribe;
  }, [store]);
  return selected;
}
