import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * The board's one zustand store. Each area keeps its state in a slice of it (board, presence,
 * session, connection, unread, ui, the tabs' lists…) and its actions beside it as plain module
 * functions, which the socket handlers and the components call. A slice is handed out as a
 * StoreApi of its own, so an area reads and writes only its part, and a subscriber of one slice
 * is told only of that slice's changes.
 */
export const appStore = createStore<Record<string, unknown>>(() => ({}));

export function slice<T>(name: string, initial: () => T): StoreApi<T> {
  const first = initial();
  appStore.setState({ [name]: first });
  const getState = () => appStore.getState()[name] as T;
  // zustand's own setState: a partial is merged, `replace` puts the whole slice, the same object is no change.
  const setState = (partial: T | Partial<T> | ((state: T) => T | Partial<T>), replace?: boolean) => {
    const previous = getState();
    const next = typeof partial === 'function' ? (partial as (state: T) => T | Partial<T>)(previous) : partial;
    if (Object.is(next, previous)) return;
    appStore.setState({ [name]: replace || typeof next !== 'object' || next === null ? next : Object.assign({}, previous, next) });
  };
  return {
    getState,
    getInitialState: () => first,
    setState: setState as StoreApi<T>['setState'],
    // Each listener remembers the slice as it last saw it: a change made by another slice's
    // listener in the middle of a notification is told once, as a store of its own would tell it.
    subscribe: (listener) => {
      let seen = getState();
      return appStore.subscribe((state) => {
        const now = state[name] as T;
        if (now === seen) return;
        const previous = seen;
        seen = now;
        listener(now, previous);
      });
    },
  };
}
