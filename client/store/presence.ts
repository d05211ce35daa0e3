import type { PresenceEntry, PresenceMode } from '../../shared/presence.ts';
import { slice } from './root.ts';

/** One person on one order: several tabs of the same manager count once, editing wins over viewing. */
export interface Viewer {
  userId: number;
  name: string;
  mode: PresenceMode;
}

export interface PresenceSlice {
  entries: Map<string, PresenceEntry>;
  byOrder: Map<number, Viewer[]>;
}

export const presenceStore = slice<PresenceSlice>('presence', () => ({ entries: new Map(), byOrder: new Map() }));

const none: Viewer[] = [];

function group(entries: Map<string, PresenceEntry>, previous: Map<number, Viewer[]>): Map<number, Viewer[]> {
  const byOrder = new Map<number, Map<number, Viewer>>();
  for (const entry of entries.values()) {
    if (entry.orderId === null) continue;
    const people = byOrder.get(entry.orderId) ?? new Map<number, Viewer>();
    const known = people.get(entry.userId);
    if (!known || entry.mode === 'edit') people.set(entry.userId, { userId: entry.userId, name: entry.name, mode: entry.mode });
    byOrder.set(entry.orderId, people);
  }
  const result = new Map<number, Viewer[]>();
  for (const [orderId, people] of byOrder) {
    const viewers = [...people.values()].sort((a, b) => a.userId - b.userId);
    const old = previous.get(orderId);
    // Same people, same modes: keep the old array so the card does not re-render.
    const same = old && old.length === viewers.length && old.every((v, i) => v.userId === viewers[i]!.userId && v.mode === viewers[i]!.mode);
    result.set(orderId, same ? old : viewers);
  }
  return result;
}

function commit(entries: Map<string, PresenceEntry>): void {
  presenceStore.setState({ entries, byOrder: group(entries, presenceStore.getState().byOrder) });
}

export function upsertPresence(entry: PresenceEntry): void {
  commit(new Map(presenceStore.getState().entries).set(entry.socketId, entry));
}

export function removePresence(socketId: string): void {
  const entries = new Map(presenceStore.getState().entries);
  if (entries.delete(socketId)) commit(entries);
}

export function replacePresence(list: PresenceEntry[]): void {
  commit(new Map(list.map((entry) => [entry.socketId, entry])));
}

export const viewersOf = (slice: PresenceSlice, orderId: number): Viewer[] => slice.byOrder.get(orderId) ?? none;
