import type { EventEnvelope } from '../../shared/events.ts';
import { logger } from '../logger.ts';
import type { BusHandler } from './types.ts';

/** Hands an event to every listener; one that throws or rejects is logged and the others still hear it. */
export function deliver(handlers: Iterable<BusHandler>, event: EventEnvelope): void {
  for (const handler of handlers) {
    try {
      const result: unknown = handler(event);
      if (result instanceof Promise) result.catch((error: unknown) => logger.error({ err: error, seq: event.seq, type: event.type }, 'bus listener failed'));
    } catch (error) {
      logger.error({ err: error, seq: event.seq, type: event.type }, 'bus listener failed');
    }
  }
}
