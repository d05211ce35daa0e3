import type { Knex } from 'knex';
import { bonusSettingsSchema } from '../../shared/schemas/settings.ts';
import { createInProcessBus } from '../bus/inProcessBus.ts';
import { systemActor, userActor } from '../core/actor.ts';
import { runOp } from '../core/runOp.ts';
import { addEntry, type NewEntry } from '../loyalty/addEntry.ts';
import { correctBalance } from '../loyalty/correctBalance.ts';
import { cashbackEntry, welcomeEntry } from '../loyalty/earn.ts';
import { balancesOf } from '../loyalty/ledger.ts';
import { spendPoints } from '../loyalty/spendPoints.ts';

// The demo company's bonus programme, on with the defaults and 5 % cashback, and balances that
// come from entries as the ops write them: welcome points on each customer's first order, cashback
// on every done or paid one (dated when it happened), then a manager's spend on an open order and
// the owner's correction, through the ops themselves.

const OPEN = ['new', 'no_answer', 'confirmed', 'dispatched', 'accepted', 'rescheduled'];
const HOUR = 3_600_000;

export async function seedDemoLoyalty(db: Knex, tenantId: number, now: number): Promise<void> {
  const tenant = await db('tenants').where({ id: tenantId }).first('settings');
  const bonus = bonusSettingsSchema.parse({ enabled: true, cashbackPercent: 5 });
  await db('tenants').where({ id: tenantId }).update({ settings: { ...tenant.settings, bonus } });

  const orders: { id: number; customer_id: number; status: string; price: string | number; created_at: Date }[] = await db('orders')
    .where({ tenant_id: tenantId })
    .whereNotNull('customer_id')
    .orderBy(['created_at', 'id'])
    .select('id', 'customer_id', 'status', 'price', 'created_at');
  const earned: NewEntry[] = [];
  const welcomed = new Set<number>();
  for (const order of orders) {
    const of = { tenantId, customerId: order.customer_id, orderId: order.id };
    const at = new Date(order.created_at);
    if (!welcomed.has(order.customer_id)) earned.push(welcomeEntry(bonus, of, at));
    welcomed.add(order.customer_id);
    // Done some hours after the call, as the demo's history has it.
    if (order.status === 'done' || order.status === 'paid') earned.push(cashbackEntry(bonus, { ...of, price: Number(order.price), spent: 0 }, new Date(Math.min(now, at.getTime() + 15 * HOUR))));
  }
  // Nobody listens yet: the events are written, and published to no one.
  const ctx = { db, bus: createInProcessBus() };
  for (const entry of earned.sort((a, b) => a.at.getTime() - b.at.getTime())) {
    await runOp(ctx, systemActor(tenantId), (tx) => addEntry(tx, entry));
  }

  const staff = async (email: string) => userActor(await db('users').where({ tenant_id: tenantId, email }).first('id', 'tenant_id as tenantId', 'role'));
  const balances = await balancesOf(db, tenantId, [...welcomed]);
  // The richest customer with an open order pays part of it in points; the first customer gets the owner's gift.
  const open = orders.filter((order) => OPEN.includes(order.status)).sort((a, b) => (balances.get(b.customer_id) ?? 0) - (balances.get(a.customer_id) ?? 0))[0];
  if (open) {
    const points = Math.min(balances.get(open.customer_id) ?? 0, Math.floor((bonus.maxSharePercent * Number(open.price)) / 10_000), 300);
    await spendPoints(ctx, await staff('anna@example.com'), open.customer_id, { orderId: open.id, points }, new Date(now));
  }
  if (orders[0]) {
    await correctBalance(ctx, await staff('owner@example.com'), orders[0].customer_id, { points: 150, reason: 'Извинение за перенос визита мастера' }, new Date(now));
  }
}
