import type { EventEnvelope } from '../../shared/events.ts';

export type BusHandler = (event: EventEnvelope) => void;

/** Carries committed events from writers (web, bot) to every listener (sockets, fan-out). */
export interface Bus {
  publish(event: EventEnvelope): Promise<void>;
  subscribe(handler: BusHandler): () => void;
  /** For /healthz: resolves when the bus can carry events. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
