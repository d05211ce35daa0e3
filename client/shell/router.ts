import { createStore } from 'zustand/vanilla';

/** `/<tab>` or `/<tab>/<id|new>`: the drawer's order lives in the address, so it can be shared and reloaded. */
export interface Route {
  tab: string;
  item: number | 'new' | null;
}

function parse(pathname: string): Route {
  const [tab = '', item] = pathname.split('/').filter(Boolean);
  if (item === 'new') return { tab, item };
  const id = Number(item);
  return { tab, item: Number.isSafeInteger(id) && id > 0 ? id : null };
}

export const routeStore = createStore<Route>(() => parse(location.pathname));

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === location.pathname) return;
  history[options.replace ? 'replaceState' : 'pushState'](null, '', path);
  routeStore.setState(parse(path), true);
}

window.addEventListener('popstate', () => routeStore.setState(parse(location.pathname), true));
