import type { EventEnvelope } from '../../shared/events.ts';

/** A listener may be async: its failure is logged by the bus, never thrown at the publisher. */
export type BusHandler = (event: EventEnvelope) => void;

/** Carries committed events from writers (web, bot) to every listener (sockets, fan-out). */
export interface Bus {
  /** Never rejects and never waits on a dead connection: the event is committed already. */
  publish(event: EventEnvelope): Promise<void>;
  subscribe(handler: BusHandler): () => void;
  /**
   * Called each time the bus carries events again after it could not (Redis went away, or the
   * process started without it): what was published meanwhile never reached this process.
   */
  onReconnect(listener: () => void): () => void;
  /** For /healthz: resolves quickly when the bus can carry events, rejects quickly when not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
