import type { Server } from 'socket.io';
import type { EventEnvelope } from '../../shared/events.ts';
import type { UserDTO } from '../../shared/types.ts';

export interface ServerToClient {
  event: (event: EventEnvelope) => void;
}
export type ClientToServer = Record<string, never>;
export interface SocketData {
  user: UserDTO;
}
export type NaryadServer = Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>;

export const tenantRoom = (tenantId: number) => `tenant:${tenantId}`;
