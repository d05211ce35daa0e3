// `npm run bench:accept`: 1000 masters tap «Принять» on one dispatched order at once, 20 rounds,
// through db/offers/acceptOrder on a pool of BENCH_POOL (default 40) connections. Prints tap-to-decision latency
// twice: first with every tap in its own ops context (as if from 1000 processes, so Postgres alone decides),
// then, as the last line, from one process, where taps behind the deciding one wait for its verdict.
import { performance } from 'node:perf_hooks';
import { acceptOrder, masterActor } from '../../db/index.ts';
import type { OpsContext } from '../../db/core/context.ts';
import { createTestDeps } from '../support/deps.ts';
import { buildOrder, buildTenant } from '../support/factories.ts';
import { percentile } from './stats.ts';

const TAPS = 1000;
const ROUNDS = 20;
const POOL = Number(process.env.BENCH_POOL ?? 40);

const deps = await createTestDeps({ DATABASE_POOL_MAX: POOL });
try {
  const tenant = await buildTenant(deps.db);
  const masters = await deps.db('masters')
    .insert(Array.from({ length: TAPS }, (_, i) => ({ tenant_id: tenant.id, name: `Мастер ${i}`, status: 'approved', telegram_user_id: 9_000_000 + i })))
    .returning('id');
  // Warm the pool so the first round does not pay for opening connections.
  await Promise.all(Array.from({ length: POOL }, () => deps.db.raw('select 1')));

  async function race(label: string, contextOfTap: () => OpsContext): Promise<void> {
    const latencies: number[] = [];
    const winnersPerRound: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const order = await buildOrder(deps.db, { tenant, status: 'dispatched' });
      // Only a master with a live offer can win: every tapper was offered the order.
      await deps.db('order_offers').insert(masters.map(({ id }) => ({ tenant_id: tenant.id, order_id: order.id, master_id: id, state: 'sent' })));
      let winners = 0;
      await Promise.all(
        masters.map(async ({ id }) => {
          const started = performance.now();
          try {
            await acceptOrder(contextOfTap(), masterActor({ id, tenantId: tenant.id }), order.id);
            winners += 1;
          } catch {
            // "already taken" is the expected answer for all but one tap
          }
          latencies.push(performance.now() - started);
        }),
      );
      winnersPerRound.push(winners);
    }
    const oneWinner = winnersPerRound.every((n) => n === 1);
    console.log(
      `${label} taps=${TAPS} rounds=${ROUNDS} winners_per_round=${oneWinner ? 1 : winnersPerRound.join(',')} ` +
        `p50_ms=${percentile(latencies, 50).toFixed(1)} p99_ms=${percentile(latencies, 99).toFixed(1)}`,
    );
  }

  console.log(`database: ${deps.config.DATABASE_URL ? 'postgres' : 'pglite (set DATABASE_URL for the real figure)'}, pool ${POOL}`);
  await race('accept-race-postgres-only', () => ({ db: deps.db, bus: deps.bus }));
  await race('accept-race', () => deps);
} finally {
  await deps.cleanup();
}
