import type { Actor, EventEnvelope } from '../../shared/events.ts';
import type { TransitionMatrix } from '../../shared/statuses.ts';
import type { BoardSnapshot, OrderDTO, RefDTO, StatusDTO } from '../../shared/types.ts';
import { publishFeed } from './feed.ts';
import { slice } from './root.ts';

/** The last event seen for an order: who changed it, how, when (the drawer names them). */
export interface OrderChange {
  seq: number;
  type: EventEnvelope['type'];
  actor: Actor;
  at: string;
  fields: string[];
}

/** The snapshot with its orders by id; `seq` is the last event applied: pushes continue at seq + 1. */
export interface BoardState extends Omit<BoardSnapshot, 'orders'> {
  phase: 'empty' | 'loading' | 'ready' | 'failed';
  error: string | null;
  names: { cities: Map<number, string>; kinds: Map<number, string>; channels: Map<number, string>; statuses: Map<string, StatusDTO> };
  orders: Map<number, OrderDTO>;
  changes: Map<number, OrderChange>;
  /** The last seq that concerned an order, including events that carry only its id (photos, offers). */
  touched: Map<number, number>;
  /** Orders with a move of ours in flight: the card shows it is saving. */
  saving: Set<number>;
}

const emptyMatrix: TransitionMatrix = { manager: {}, master: {}, system: {} };

const initial = (): BoardState => ({
  phase: 'empty',
  error: null,
  seq: 0,
  statuses: [],
  matrix: emptyMatrix,
  cities: [],
  kinds: [],
  channels: [],
  names: { cities: new Map(), kinds: new Map(), channels: new Map(), statuses: new Map() },
  orders: new Map(),
  changes: new Map(),
  touched: new Map(),
  saving: new Set(),
});

export const boardStore = slice<BoardState>('board', initial);

/** Logged out: nothing of the old session stays in memory. */
export function resetBoard(): void {
  boardStore.setState(initial(), true);
  ownVersions.clear();
}

const byId = (items: RefDTO[]) => new Map(items.map((item) => [item.id, item.name]));

export function setBoardLoading(): void {
  if (boardStore.getState().phase !== 'ready') boardStore.setState({ phase: 'loading', error: null });
}

export function setBoardFailed(message: string): void {
  if (boardStore.getState().phase !== 'ready') boardStore.setState({ phase: 'failed', error: message });
}

/** A full snapshot replaces everything; a card of ours still saving keeps its newer version. */
export function loadSnapshot(snapshot: BoardSnapshot): void {
  const previous = boardStore.getState().orders;
  const orders = new Map<number, OrderDTO>();
  for (const order of snapshot.orders) {
    const known = previous.get(order.id);
    orders.set(order.id, known && known.version > order.version ? known : order);
  }
  boardStore.setState({
    phase: 'ready',
    error: null,
    seq: snapshot.seq,
    statuses: [...snapshot.statuses].sort((a, b) => a.position - b.position),
    matrix: snapshot.matrix,
    cities: snapshot.cities,
    kinds: snapshot.kinds,
    channels: snapshot.channels,
    names: {
      cities: byId(snapshot.cities),
      kinds: byId(snapshot.kinds),
      channels: byId(snapshot.channels),
      statuses: new Map(snapshot.statuses.map((s) => [s.code, s])),
    },
    orders,
  });
  publishFeed(null);
}

/** Applies consecutive events (the caller guarantees seq order without gaps). */
export function applyEvents(events: EventEnvelope[]): void {
  if (events.length === 0) return;
  const state = boardStore.getState();
  let orders: Map<number, OrderDTO> | undefined;
  let changes: Map<number, OrderChange> | undefined;
  let touched: Map<number, number> | undefined;
  for (const event of events) {
    const { order, orderId } = event.data as { order?: OrderDTO; orderId?: unknown };
    const concerns = order?.id ?? (typeof orderId === 'number' ? orderId : undefined);
    if (concerns !== undefined) (touched ??= new Map(state.touched)).set(concerns, event.seq);
    if (!order) continue;
    orders ??= new Map(state.orders);
    changes ??= new Map(state.changes);
    const known = orders.get(order.id);
    if (!known || known.version <= order.version) orders.set(order.id, order);
    const fields = (event.data as { fields?: string[] }).fields ?? [];
    changes.set(order.id, { seq: event.seq, type: event.type, actor: event.actor, at: event.at, fields });
  }
  boardStore.setState({ seq: events[events.length - 1]!.seq, ...(orders ? { orders } : {}), ...(changes ? { changes } : {}), ...(touched ? { touched } : {}) });
  publishFeed(events);
}

/** An order from an HTTP answer: newer than what we hold, or ignored. */
export function applyOrder(order: OrderDTO): void {
  const { orders } = boardStore.getState();
  const known = orders.get(order.id);
  if (known && known.version > order.version) return;
  if (known === order) return;
  boardStore.setState({ orders: new Map(orders).set(order.id, order) });
}

/** Moves a card before the server answers; `restore` puts back what the server says it is. */
export function showMoving(orderId: number, status: string): OrderDTO | undefined {
  const { orders, saving } = boardStore.getState();
  const known = orders.get(orderId);
  if (!known) return undefined;
  boardStore.setState({ orders: new Map(orders).set(orderId, { ...known, status }), saving: new Set(saving).add(orderId) });
  return known;
}

export function doneMoving(orderId: number, order: OrderDTO): void {
  const { orders, saving } = boardStore.getState();
  const nextSaving = new Set(saving);
  nextSaving.delete(orderId);
  const known = orders.get(orderId);
  // A push may already have brought a newer version than our answer; never go back.
  const keep = known && known.version > order.version ? known : order;
  boardStore.setState({ orders: new Map(orders).set(orderId, keep), saving: nextSaving });
}

// Versions this tab produced itself: a drawer rebases silently over its own saves and moves,
// and warns only about everybody else's.
const ownVersions = new Map<number, Set<number>>();

export function markOwn(order: OrderDTO): void {
  let versions = ownVersions.get(order.id);
  if (!versions) ownVersions.set(order.id, (versions = new Set()));
  versions.add(order.version);
}

/** An order this tab changed (an HTTP answer): remembered as ours, then applied. */
export function applyOwnResult(order: OrderDTO): void {
  markOwn(order);
  applyOrder(order);
}

/** True when every version after `from` up to `to` came from this tab. */
export function changedOnlyByMe(orderId: number, from: number, to: number): boolean {
  const versions = ownVersions.get(orderId);
  for (let v = from + 1; v <= to; v++) if (!versions?.has(v)) return false;
  return true;
}
