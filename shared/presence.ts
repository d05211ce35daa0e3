// Presence: who has which order open on the board, and whether they are editing it.
// Typed once for the server (server/realtime/presence.ts) and the board (client/socket/).
import type { EventEnvelope } from './events.ts';

export type PresenceMode = 'view' | 'edit';

/** What a board tab says about itself: the order it has open (null: none) and how. */
export interface PresenceState {
  orderId: number | null;
  mode: PresenceMode;
}

/** One tab of one manager; a manager with two tabs open has two entries. */
export interface PresenceEntry extends PresenceState {
  socketId: string;
  userId: number;
  name: string;
}

/** Socket.IO pushes from the server: order events and presence changes. */
export interface SocketServerEvents {
  event: (event: EventEnvelope) => void;
  presence: (entry: PresenceEntry) => void;
  'presence:left': (left: { socketId: string }) => void;
}

/** What a board tab may send: its own presence, and a request for everybody's. */
export interface SocketClientEvents {
  'presence:set': (state: PresenceState) => void;
  'presence:list': (ack: (entries: PresenceEntry[]) => void) => void;
}

/** Checks what a socket sent before the server trusts it: sockets carry no zod schema. */
export function parsePresenceState(value: unknown): PresenceState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { orderId, mode } = value as Record<string, unknown>;
  if (mode !== 'view' && mode !== 'edit') return null;
  if (orderId !== null && !(typeof orderId === 'number' && Number.isSafeInteger(orderId) && orderId > 0)) return null;
  return { orderId, mode };
}
