import { slice } from './root.ts';

export type ConnectionPhase = 'connecting' | 'online' | 'reconnecting' | 'offline';

export interface ConnectionState {
  phase: ConnectionPhase;
  /** A refetch after a gap or a failed recovery is running. */
  syncing: boolean;
  socketId: string | null;
  /** How the board last caught up after (re)connecting: shown in the badge's tooltip, read by tests. */
  lastSync: 'recovered' | 'replayed' | 'snapshot' | null;
}

export const connectionStore = slice<ConnectionState>('connection', () => ({ phase: 'connecting', syncing: false, socketId: null, lastSync: null }));

export const setConnection = (patch: Partial<ConnectionState>) => connectionStore.setState(patch);
