// `npm run bench:multibot`: 20 companies, each with its own bot and 100 matching masters, all
// dispatch an order at the same moment; one bot process (the fleet) runs every bot against the
// fake Telegram enforcing its limits per bot (30 messages a second, one a second per chat).
// Each bot has its own budget, so the floor is one company's: 100 / 30 = 3.3 s, in parallel.
import { Fleet } from '../../bot/fleet/fleet.ts';
import { FakeTelegram, SimulatedUser } from '../../bot/sandbox/index.ts';
import { userActor } from '../../db/core/actor.ts';
import { dispatchOrder } from '../../db/orders/dispatchOrder.ts';
import { connectBotRow, TEST_SECRETS_KEY } from '../bot/fleet/support.ts';
import { createTestDeps } from '../support/deps.ts';
import { buildOrder, buildTenant, buildUser } from '../support/factories.ts';

const COMPANIES = 20;
const MASTERS = 100;
const PER_SECOND = 30;

const deps = await createTestDeps({ SECRETS_KEY: TEST_SECRETS_KEY });
const tg = new FakeTelegram({ anyToken: true, requireStart: false, perBotPerSecond: PER_SECOND, perChatPerSecond: 1 });
const { apiRoot } = await tg.start();
let fleet: Fleet | undefined;
try {
  const companies = [];
  for (let c = 0; c < COMPANIES; c++) {
    const tenant = await buildTenant(deps.db, { waveSize: MASTERS, waveDelaySeconds: 3600 });
    const token = `${7_100_000_000 + c}:bench-${c}`;
    await connectBotRow(deps.db, deps.config, tenant.id, token);
    const firstId = 8_000_000 + c * 1000;
    const masters = await deps.db('masters')
      .insert(Array.from({ length: MASTERS }, (_, i) => ({ tenant_id: tenant.id, telegram_user_id: firstId + i, telegram_chat_id: firstId + i, name: `Мастер ${i}`, status: 'approved', on_shift: true, rating: i % 97 })))
      .returning('id');
    await deps.db('master_cities').insert(masters.map(({ id }) => ({ master_id: id, city_id: tenant.cityId })));
    await deps.db('master_kinds').insert(masters.map(({ id }) => ({ master_id: id, kind_id: tenant.kindId })));
    for (let i = 0; i < MASTERS; i++) new SimulatedUser(tg, { id: firstId + i, firstName: `Мастер ${i}` }, { bot: token });
    const manager = await buildUser(deps.db, { tenant });
    const order = await buildOrder(deps.db, { tenant, status: 'confirmed' });
    companies.push({ manager, order });
  }
  fleet = await Fleet.start(deps, { apiRoot, bot: { sweepIntervalMs: 0 } });
  const running = (await fleet.running()).size;
  if (running !== COMPANIES) throw new Error(`only ${running} of ${COMPANIES} bots started`);
  const isOffer = (call: (typeof tg.calls)[number]) => call.method === 'sendMessage' && call.status === 200;

  const started = Date.now();
  await Promise.all(companies.map(({ manager, order }) => dispatchOrder(deps, userActor(manager), order.id)));
  const total = COMPANIES * MASTERS;
  while (tg.calls.filter(isOffer).length < total) await new Promise((resolve) => setTimeout(resolve, 20));
  // From the dispatch to the arrival of the last offer at the fake Telegram.
  const lastAt = Math.max(...tg.calls.filter(isOffer).map((call) => call.at));
  const seconds = (lastAt - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 1000)); // a window for a doubled offer to show
  for (const bot of (await fleet.running()).values()) await bot.idle();

  const perChat = new Map<string, number>();
  for (const call of tg.calls.filter(isOffer)) {
    const key = `${call.botId}:${call.payload.chat_id}`;
    perChat.set(key, (perChat.get(key) ?? 0) + 1);
  }
  const duplicates = [...perChat.values()].reduce((sum, count) => sum + count - 1, 0);
  const floor = MASTERS / PER_SECOND;
  console.log(`database: ${deps.config.DATABASE_URL ? 'postgres' : 'pglite (set DATABASE_URL for the real figure)'}; http429=${tg.http429} (the bots' auto-retry sends those again)`);
  console.log(`multi-bot companies=${COMPANIES} masters_each=${MASTERS} sent=${perChat.size} duplicates=${duplicates} seconds=${seconds.toFixed(1)} floor_seconds=${floor.toFixed(1)} ratio=${(seconds / floor).toFixed(2)}`);
} finally {
  await fleet?.stop();
  await tg.stop();
  await deps.cleanup();
}
