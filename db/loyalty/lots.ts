import type { BonusKind } from '../../shared/customers.ts';

// Which points a customer holds, by the credit ("lot") they came with. Credits are lots; a debit
// (spend, reversal, a negative correction) takes from the lots still alive at its moment, the
// earliest-expiring first (never-expiring ones last); an expiry ends its own lot. Replayed from the
// entries each time, so nothing but the append-only ledger is ever stored.

export interface LedgerLine {
  id: number;
  kind: BonusKind;
  points: number;
  order_id: number | null;
  expires_at: Date | string | null;
  lot_id: number | null;
  created_at: Date | string;
}

export interface Lot {
  id: number;
  expiresAt: Date | null;
  /** Points of the lot not yet taken or expired. */
  left: number;
  /** Its expiry entry is written. */
  ended: boolean;
}

export interface Replay {
  /** In the order they were credited. */
  lots: Lot[];
  /** Per debit entry: the lots it took from, with how much. */
  taken: Map<number, { lot: Lot; points: number }[]>;
}

/** `lines` in the order they happened (created_at, then id). */
export function replay(lines: readonly LedgerLine[]): Replay {
  const lots: Lot[] = [];
  const byId = new Map<number, Lot>();
  const taken = new Map<number, { lot: Lot; points: number }[]>();
  for (const line of lines) {
    if (line.kind === 'expiry') {
      const lot = line.lot_id === null ? undefined : byId.get(line.lot_id);
      if (lot) Object.assign(lot, { left: lot.left + line.points, ended: true });
    } else if (line.points > 0) {
      const lot = { id: line.id, expiresAt: line.expires_at === null ? null : new Date(line.expires_at), left: line.points, ended: false };
      lots.push(lot);
      byId.set(lot.id, lot);
    } else if (line.points < 0) {
      taken.set(line.id, take(lots, -line.points, new Date(line.created_at)));
    }
  }
  return { lots, taken };
}

function take(lots: Lot[], points: number, at: Date): { lot: Lot; points: number }[] {
  const alive = lots
    .filter((lot) => lot.left > 0 && !lot.ended && (lot.expiresAt === null || lot.expiresAt > at))
    .sort((a, b) => expiryTime(a) - expiryTime(b) || a.id - b.id);
  const parts = [];
  let owed = points;
  for (const lot of alive) {
    if (owed === 0) break;
    const part = Math.min(owed, lot.left);
    lot.left -= part;
    owed -= part;
    parts.push({ lot, points: part });
  }
  return parts;
}

const expiryTime = (lot: Lot) => lot.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;

/**
 * When points given back for a cancelled order expire: with the latest of the lots its spends took
 * them from, so a cancel neither shortens nor stretches their life (null: one of them never expires).
 */
export function returnedExpiry(lines: readonly LedgerLine[], orderId: number): Date | null {
  const { taken } = replay(lines);
  const lots = lines.filter((line) => line.order_id === orderId && line.kind === 'spend').flatMap((line) => taken.get(line.id) ?? []).map((part) => part.lot);
  if (!lots.length || lots.some((lot) => lot.expiresAt === null)) return null;
  return new Date(Math.max(...lots.map(expiryTime)));
}
