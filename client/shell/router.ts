import { slice } from '../store/root.ts';
import { revealAnchor } from './anchor.ts';

/**
 * `/<tab>` or `/<tab>/<id|new>`: the drawer's order lives in the address, so it can be shared and
 * reloaded. A tab may have a second view, `/<tab>/<view>[/<id>]` (Заказы → /orders/archive, Настройки →
 * /settings/notifications and /settings/outbox), whose
 * filters live in the query string.
 */
export interface Route {
  tab: string;
  view: 'archive' | 'notifications' | 'outbox' | null;
  item: number | 'new' | null;
  /** The query string, "?q=…" or "". */
  search: string;
}

const VIEWS = new Set<string>(['archive', 'notifications', 'outbox']);

function parse(address: string): Route {
  const url = new URL(address, location.origin);
  const [tab = '', second, third] = url.pathname.split('/').filter(Boolean);
  const view = second !== undefined && VIEWS.has(second) ? (second as Route['view']) : null;
  const item = view ? third : second;
  if (item === 'new') return { tab, view, item, search: url.search };
  const id = Number(item);
  return { tab, view, item: Number.isSafeInteger(id) && id > 0 ? id : null, search: url.search };
}

const here = () => location.pathname + location.search;

export const routeStore = slice<Route>('route', () => parse(here()));

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === here()) return;
  history[options.replace ? 'replaceState' : 'pushState'](null, '', path);
  routeStore.setState(parse(path), true);
  revealAnchor(new URL(path, location.origin).hash);
}

/** The current tab and view, with its filters: where a closed drawer goes back to. */
function viewPath(route: Route = routeStore.getState()): string {
  return `/${route.tab}${route.view ? `/${route.view}` : ''}`;
}

/** An order opened over the page showing now (the board, or the archive with its filters kept). */
export function orderPath(id: number | 'new'): string {
  const route = routeStore.getState();
  return `${viewPath(route)}/${id}${route.view ? route.search : ''}`;
}

/** Closes the drawer, back to the board or the archive it was opened from. */
export function closeOrder(): void {
  const route = routeStore.getState();
  navigate(`${viewPath(route)}${route.view ? route.search : ''}`);
}

window.addEventListener('popstate', () => routeStore.setState(parse(here()), true));
revealAnchor(location.hash);
