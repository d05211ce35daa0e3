import test from 'ava';
import { replay, returnedExpiry, type LedgerLine } from '../../../db/loyalty/lots.ts';

// The replay behind expiry and refunds, on lines written by hand.

let nextId = 1;
const line = (kind: LedgerLine['kind'], points: number, createdAt: string, extra: Partial<LedgerLine> = {}): LedgerLine => ({
  id: nextId++,
  kind,
  points,
  order_id: null,
  expires_at: null,
  lot_id: null,
  created_at: new Date(createdAt),
  ...extra,
});

test('FIFO: a debit takes from the earliest-expiring lot alive at its moment, never-expiring ones last', (t) => {
  const forever = line('correction', 100, '2026-01-01');
  const late = line('cashback', 100, '2026-02-01', { expires_at: new Date('2027-02-01') });
  const early = line('welcome', 100, '2026-03-01', { expires_at: new Date('2026-12-01') });
  const spend = line('spend', -150, '2026-04-01');
  const { lots, taken } = replay([forever, late, early, spend]);
  t.deepEqual(lots.map((lot) => [lot.id, lot.left]), [[forever.id, 100], [late.id, 50], [early.id, 0]]);
  t.deepEqual(taken.get(spend.id)!.map((part) => [part.lot.id, part.points]), [[early.id, 100], [late.id, 50]]);
});

test('FIFO: a lot past its date is not taken from, and its expiry entry ends it', (t) => {
  const welcome = line('welcome', 350, '2026-03-01', { expires_at: new Date('2027-03-01') });
  const cashback = line('cashback', 100, '2026-06-01', { expires_at: new Date('2027-06-01') });
  const expiry = line('expiry', -350, '2027-03-01', { lot_id: welcome.id });
  const spend = line('spend', -60, '2027-04-01');
  const { lots } = replay([welcome, cashback, expiry, spend]);
  t.deepEqual(lots.map((lot) => [lot.left, lot.ended]), [[0, true], [40, false]]);
});

test('points given back for a cancelled order expire with the latest of the lots they were taken from', (t) => {
  const welcome = line('welcome', 100, '2026-03-01', { expires_at: new Date('2027-03-01') });
  const cashback = line('cashback', 100, '2026-06-01', { expires_at: new Date('2027-06-01') });
  const spend = line('spend', -150, '2026-07-01', { order_id: 7 });
  t.deepEqual(returnedExpiry([welcome, cashback, spend], 7), new Date('2027-06-01'));
  const gift = line('correction', 500, '2026-01-01');
  const fromGift = line('spend', -450, '2026-07-02', { order_id: 8 });
  t.is(returnedExpiry([welcome, cashback, spend, gift, fromGift], 8), null, 'part of it never expired');
});
