import { logger } from '../db/logger.ts';
import { forgetReferences } from '../db/settings/queries.ts';
import type { EventEnvelope, EventType } from '../shared/events.ts';
import type { BotApp } from './context.ts';

/** What one feature does when the bus carries an event of these types. */
export type Reactions = { [T in EventType]?: (event: EventEnvelope<T>) => Promise<void> };

type Reaction = (event: EventEnvelope) => Promise<void>;

/**
 * The bot's side of the spine: what it does when the bus carries a committed event of its
 * tenant. Writers (the board, the bot's own handlers) never call the bot; they emit, and this
 * listens. Each feature brings its own reactions; those to one event run in the order given.
 */
export function createReactions(app: BotApp, features: Reactions[]): Reaction {
  const byType = new Map<string, Reaction[]>();
  for (const reactions of [clockReactions(app), referencesReactions(app), ...features]) {
    for (const [type, react] of Object.entries(reactions)) byType.set(type, [...(byType.get(type) ?? []), react as Reaction]);
  }
  return async (event) => {
    if (event.tenantId !== app.tenant.id) return;
    for (const react of byType.get(event.type) ?? []) await react(event);
  };
}

/** One clock: the company's (Настройки), followed when it changes. */
function clockReactions(app: BotApp): Reactions {
  return {
    async 'settings.updated'({ data }) {
      app.timezone = data.settings.timezone;
    },
  };
}

/** A new or renamed city or kind of work shows in the next menu and offer, not half a minute later. */
function referencesReactions(app: BotApp): Reactions {
  const forget = async () => forgetReferences(app.ops.db, app.tenant.id);
  return { 'cities.created': forget, 'cities.updated': forget, 'cities.deleted': forget, 'kinds.created': forget, 'kinds.updated': forget, 'kinds.deleted': forget };
}

/** Runs reactions one after another per order (and per master), logging failures; returns the bus handler. */
export function serialiseReactions(react: (event: EventEnvelope) => Promise<void>): { handler: (event: EventEnvelope) => void; idle(): Promise<void> } {
  const chains = new Map<string, Promise<void>>();
  const keyOf = (event: EventEnvelope): string => {
    const data = event.data as { order?: { id: number }; master?: { id: number }; message?: { masterId: number } };
    if (data.order) return `order:${data.order.id}`;
    if (data.master) return `master:${data.master.id}`;
    if (data.message) return `chat:${data.message.masterId}`;
    return 'other';
  };
  return {
    handler(event) {
      const key = keyOf(event);
      const next = (chains.get(key) ?? Promise.resolve())
        .then(() => react(event))
        .catch((error: unknown) => logger.error({ err: error, type: event.type, seq: event.seq }, 'bot reaction failed'));
      chains.set(key, next);
      void next.then(() => {
        if (chains.get(key) === next) chains.delete(key);
      });
    },
    async idle() {
      while (chains.size) await Promise.all(chains.values());
    },
  };
}
