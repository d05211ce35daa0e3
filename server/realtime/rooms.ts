import type { Server, Socket } from 'socket.io';
import type { SyncPushes } from '../../shared/events.ts';
import type { PresenceState, SocketClientEvents, SocketServerEvents } from '../../shared/presence.ts';
import type { UserDTO } from '../../shared/types.ts';

export type ServerToClient = SocketServerEvents & SyncPushes;
export type ClientToServer = SocketClientEvents;
export interface SocketData {
  user: UserDTO;
  /** The hashed session the socket came in on: logging out ends the socket too. */
  sessionId: string;
  /** What this tab has open; kept on the socket so every web process can list it. */
  presence?: PresenceState;
}
export type NaryadServer = Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>;
export type NaryadSocket = Socket<ClientToServer, ServerToClient, Record<string, never>, SocketData>;

export const tenantRoom = (tenantId: number) => `tenant:${tenantId}`;
export const userRoom = (userId: number) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
