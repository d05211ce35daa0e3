// `npm run bench:fanout`: one order offered to 1000 matching masters in one wave, through the
// real bot (grammY, throttler, auto-retry) against the fake Telegram enforcing its limits
// (30 messages a second per bot, one a second per chat, 429 with retry_after beyond them).
// Telegram's floor is 1000 / 30 = 33.3 s; the ratio says how close the bot runs to it.
import { FakeTelegram, SimulatedUser } from '../../bot/sandbox/index.ts';
import { startBot } from '../../bot/startBot.ts';
import { userActor } from '../../db/core/actor.ts';
import { dispatchOrder } from '../../db/orders/dispatchOrder.ts';
import { createTestDeps } from '../support/deps.ts';
import { buildOrder, buildTenant, buildUser } from '../support/factories.ts';

const MASTERS = 1000;
const PER_SECOND = 30;
const TOKEN = '7000000001:bench-token';

const deps = await createTestDeps();
const tg = new FakeTelegram({ token: TOKEN, requireStart: false, perBotPerSecond: PER_SECOND, perChatPerSecond: 1 });
const { apiRoot } = await tg.start();
try {
  const tenant = await buildTenant(deps.db, { waveSize: MASTERS, waveDelaySeconds: 3600 });
  const { slug } = await deps.db('tenants').where({ id: tenant.id }).first('slug');
  const masters = await deps.db('masters')
    .insert(
      Array.from({ length: MASTERS }, (_, i) => ({
        tenant_id: tenant.id,
        telegram_user_id: 8_000_000 + i,
        telegram_chat_id: 8_000_000 + i,
        name: `Мастер ${i}`,
        status: 'approved',
        on_shift: true,
        rating: i % 97,
      })),
    )
    .returning('id');
  await deps.db('master_cities').insert(masters.map(({ id }) => ({ master_id: id, city_id: tenant.cityId })));
  await deps.db('master_kinds').insert(masters.map(({ id }) => ({ master_id: id, kind_id: tenant.kindId })));
  for (let i = 0; i < MASTERS; i++) new SimulatedUser(tg, { id: 8_000_000 + i, firstName: `Мастер ${i}` });

  const bot = await startBot(deps, { token: TOKEN, apiRoot, tenantSlug: slug, webhook: null, sweepIntervalMs: 0 });
  const manager = await buildUser(deps.db, { tenant });
  const order = await buildOrder(deps.db, { tenant, status: 'confirmed' });
  const isOffer = (call: (typeof tg.calls)[number]) => call.method === 'sendMessage' && call.status === 200;

  const started = Date.now();
  await dispatchOrder(deps, userActor(manager), order.id);
  // Until every offer is answered 200 (a call's status is set after its message appears).
  while (tg.calls.filter(isOffer).length < MASTERS) await new Promise((resolve) => setTimeout(resolve, 20));
  // From the dispatch to the arrival of the last offer at the fake Telegram.
  const lastAt = Math.max(...tg.calls.filter(isOffer).map((call) => call.at));
  const seconds = (lastAt - started) / 1000;
  await bot.idle();
  await bot.stop();

  const offersPerChat = new Map<number, number>();
  for (const call of tg.calls.filter(isOffer)) offersPerChat.set(Number(call.payload.chat_id), (offersPerChat.get(Number(call.payload.chat_id)) ?? 0) + 1);
  const sent = offersPerChat.size;
  const duplicates = [...offersPerChat.values()].reduce((sum, count) => sum + count - 1, 0);
  const floor = MASTERS / PER_SECOND;
  console.log(`database: ${deps.config.DATABASE_URL ? 'postgres' : 'pglite (set DATABASE_URL for the real figure)'}`);
  console.log(
    `offer-fanout masters=${MASTERS} sent=${sent} duplicates=${duplicates} http429=${tg.http429} seconds=${seconds.toFixed(1)} ` +
      `floor_seconds=${floor.toFixed(1)} ratio=${(seconds / floor).toFixed(3)}`,
  );
} finally {
  await tg.stop();
  await deps.cleanup();
}
