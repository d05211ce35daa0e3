import type { Knex } from 'knex';
import { CHECKLIST_STEPS, type ChecklistDTO, type ChecklistStep } from '../../shared/checklist.ts';
import { STARTER_CITY, TRADES, tradeKinds, type Trade } from '../../shared/trades.ts';

/**
 * Which first steps the company has taken, read from what it has rather than from clicks, so a
 * step done anywhere (the settings, the price import, the bot) counts:
 * - cities: one named other than «Мой город» (renamed or added);
 * - kinds: not just the trade's set it started with (one added, renamed or removed), or a price
 *   list made for them: a company content with its trade's set has checked it by pricing it;
 * - prices: a price item; managers: a second person on the staff; bot: a connected bot;
 * - testOrder: an offer a master accepted through the bot.
 */
export async function loadChecklist(db: Knex, tenantId: number): Promise<Omit<ChecklistDTO, 'sandbox'>> {
  const tenant = await db('tenants').where({ id: tenantId }).first('trade', 'checklist_hidden');
  const exists = async (query: Knex.QueryBuilder) => Boolean(await query.first(db.raw('1')));
  const kinds: string[] = byCodePoint(await db('kinds').where({ tenant_id: tenantId }).pluck('name'));
  const prices = await exists(db('price_items').where({ tenant_id: tenantId }));
  const done: Record<ChecklistStep, boolean> = {
    cities: await exists(db('cities').where({ tenant_id: tenantId }).whereNot({ name: STARTER_CITY })),
    kinds: prices || !sameNames(kinds, startingKinds(tenant?.trade)),
    prices,
    managers: Number((await db('users').where({ tenant_id: tenantId }).count({ n: '*' }).first())?.n) > 1,
    bot: await exists(db('company_bots').where({ tenant_id: tenantId })),
    testOrder: await exists(db('order_offers').where({ tenant_id: tenantId, state: 'accepted' })),
  };
  // Only a company that signed itself up is walked through; the demo and companies made by SQL are set up already.
  const walkedThrough = Boolean(tenant?.trade) && !tenant?.checklist_hidden;
  return { hidden: !walkedThrough, steps: CHECKLIST_STEPS.map((id) => ({ id, done: done[id] })) };
}

/** A company made before sign-up (the demo, SQL) started with no trade's set: its kinds are its own. */
function startingKinds(trade: string | null | undefined): readonly string[] | undefined {
  return TRADES.includes(trade as Trade) ? tradeKinds[trade as Trade] : undefined;
}

function sameNames(names: string[], starting: readonly string[] | undefined): boolean {
  if (!starting) return false;
  const sorted = byCodePoint([...starting]);
  return names.length === sorted.length && names.every((name, i) => name === sorted[i]);
}

// The same order in JS and whatever collation the database has.
const byCodePoint = (names: string[]) => names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
