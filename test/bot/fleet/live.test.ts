import test from 'ava';
import { FakeTelegram, SimulatedUser } from '../../../bot/sandbox/index.ts';
import { Fleet } from '../../../bot/fleet/fleet.ts';
import { buildMaster, buildTenant } from '../../support/factories.ts';
import { createTestDeps } from '../../support/deps.ts';
import { waitFor } from '../../support/wait.ts';
import { BOT_TOKEN } from '../harness.ts';
import { announce, connectBotRow, TEST_SECRETS_KEY } from './support.ts';

const BOT_ID = Number(BOT_TOKEN.split(':')[0]);
/** How long a bot's start may take on a loaded machine (the PGlite pass with both cores busy): a bound, not a figure. */
const STARTS_WITHIN = 20_000;

/** A fleet over the file's database; the periodic check comes every third of the lease. */
async function setUp(t: import('ava').ExecutionContext, leaseSeconds: number) {
  const deps = await createTestDeps({ SECRETS_KEY: TEST_SECRETS_KEY });
  const tg = new FakeTelegram({ token: BOT_TOKEN, requireStart: false });
  const { apiRoot } = await tg.start();
  const tenant = await buildTenant(deps.db);
  const fleet = await Fleet.start(deps, { apiRoot, leaseSeconds, bot: { sweepIntervalMs: 0 } });
  t.teardown(async () => {
    await fleet.stop();
    await tg.stop();
    await deps.cleanup();
  });
  const master = await buildMaster(deps.db, { tenant });
  const user = new SimulatedUser(tg, { id: master.telegramUserId, firstName: 'Мастер' });
  const running = async () => (await fleet.running()).has(tenant.id);
  /** The bot answers him: it polls and handles updates. */
  const answers = async (timeoutMs = 5000) => {
    const fromBot = () => user.messages().filter((message) => message.from === 'bot').length;
    const before = fromBot();
    user.sendCommand('start');
    return waitFor(() => fromBot() > before, timeoutMs);
  };
  return { deps, tg, fleet, tenant, running, answers };
}

test('a bot connected while the process runs starts on the event, and stops on disconnect', async (t) => {
  // A minute's lease: the periodic check is 20 s away, so only the events can act in time.
  const { deps, tenant, running, answers } = await setUp(t, 60);
  t.false(await running(), 'no company has a bot yet');

  await connectBotRow(deps.db, deps.config, tenant.id, BOT_TOKEN);
  await announce(deps.bus, tenant.id, 'bot.connected', BOT_ID);
  t.true(await waitFor(running, STARTS_WITHIN), 'started on bot.connected');
  t.true(await answers(), 'the bot answers its master');
  t.truthy(await deps.db('bot_leases').where({ tenant_id: tenant.id }).first(), 'the company is leased to this process');

  await deps.db('company_bots').where({ tenant_id: tenant.id }).delete();
  await announce(deps.bus, tenant.id, 'bot.disconnected', BOT_ID);
  t.true(await waitFor(async () => !(await running()), 10_000), 'stopped on bot.disconnected');
  t.falsy(await deps.db('bot_leases').where({ tenant_id: tenant.id }).first(), 'its lease given up');
  t.false(await answers(1500), 'nobody answers any more');
});

test('with the events lost, the periodic check against Postgres adds and removes the bot', async (t) => {
  const { deps, tenant, running, answers } = await setUp(t, 3);
  await connectBotRow(deps.db, deps.config, tenant.id, BOT_TOKEN);
  t.true(await waitFor(running, STARTS_WITHIN), 'started by the periodic check');
  t.true(await answers());
  await deps.db('company_bots').where({ tenant_id: tenant.id }).delete();
  t.true(await waitFor(async () => !(await running()), 8000), 'stopped by the periodic check');
});

test('a lease another process took stops the bot here at once', async (t) => {
  const { deps, tenant, running } = await setUp(t, 3);
  await connectBotRow(deps.db, deps.config, tenant.id, BOT_TOKEN);
  await announce(deps.bus, tenant.id, 'bot.connected', BOT_ID);
  t.true(await waitFor(running, STARTS_WITHIN));
  await deps.db('bot_leases').where({ tenant_id: tenant.id }).update({ holder: 'elsewhere:1:x', expires_at: deps.db.raw("now() + interval '1 minute'") });
  t.true(await waitFor(async () => !(await running()), 3000), 'stopped at the next renewal');
  t.is((await deps.db('bot_leases').where({ tenant_id: tenant.id }).first()).holder, 'elsewhere:1:x', 'and not taken back while the other holds it');
});

test('a replaced token (@BotFather /revoke) restarts the company bot with the new one', async (t) => {
  const { deps, tg, fleet, tenant, running, answers } = await setUp(t, 60);
  await connectBotRow(deps.db, deps.config, tenant.id, BOT_TOKEN);
  await announce(deps.bus, tenant.id, 'bot.connected', BOT_ID);
  t.true(await waitFor(running, STARTS_WITHIN));
  const before = (await fleet.running()).get(tenant.id);

  const renewed = `${BOT_ID}:renewed-secret`;
  tg.registerBot(renewed); // the old token answers 401 from now on
  await connectBotRow(deps.db, deps.config, tenant.id, renewed);
  await announce(deps.bus, tenant.id, 'bot.connected', BOT_ID);
  t.true(await waitFor(async () => ((await fleet.running()).get(tenant.id) ?? before) !== before, STARTS_WITHIN), 'a new bot');
  t.true(await answers(), 'it answers with the new token');
});

test('a token Telegram refuses: the bot does not start and the company is not held; a good token later starts it', async (t) => {
  const { deps, tg, fleet, tenant, running } = await setUp(t, 3);
  const refused = `${BOT_ID}:revoked-secret`;
  tg.registerBot(refused);
  tg.revoke(refused);
  await connectBotRow(deps.db, deps.config, tenant.id, refused);
  await fleet.check();
  t.false(await running());
  t.true(await waitFor(async () => !(await deps.db('bot_leases').where({ tenant_id: tenant.id }).first()), 10_000), 'its lease given up, for the next check to try again');

  // The owner pastes a good token: the next check starts it.
  tg.registerBot(BOT_TOKEN);
  await connectBotRow(deps.db, deps.config, tenant.id, BOT_TOKEN);
  t.true(await waitFor(running, STARTS_WITHIN));
});

test('a lease given up late, after the company was taken again, never stops the bot that took it', async (t) => {
  const { deps, tg, fleet, tenant, running } = await setUp(t, 3);
  // Giving a lease up takes longer than a check's period (a slow Postgres), so checks come while it is under way.
  const release = fleet.leases.release.bind(fleet.leases);
  fleet.leases.release = async (tenantIds) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return release(tenantIds);
  };
  const refused = `${BOT_ID}:revoked-secret`;
  tg.registerBot(refused);
  tg.revoke(refused);
  await connectBotRow(deps.db, deps.config, tenant.id, refused);
  await new Promise((resolve) => setTimeout(resolve, 2500)); // failed starts, their leases being given up
  tg.registerBot(BOT_TOKEN);
  await connectBotRow(deps.db, deps.config, tenant.id, BOT_TOKEN);
  t.true(await waitFor(running, STARTS_WITHIN));
  const bot = (await fleet.running()).get(tenant.id);
  await new Promise((resolve) => setTimeout(resolve, 4000)); // every release owed has landed, and renewals ran
  t.true((await fleet.running()).get(tenant.id) === bot, 'the same bot still runs');
  t.truthy(await deps.db('bot_leases').where({ tenant_id: tenant.id, holder: fleet.leases.holder }).first(), 'and its lease is held');
});

test('leases that cannot be renewed past their TTL (Postgres away) stop the bot: another process may hold it now', async (t) => {
  const { deps, tenant, fleet, running } = await setUp(t, 3);
  await connectBotRow(deps.db, deps.config, tenant.id, BOT_TOKEN);
  t.true(await waitFor(running, STARTS_WITHIN));
  // Every renewal from now fails, as it would with the database unreachable.
  fleet.leases.renew = () => Promise.reject(new Error('connection refused'));
  fleet.leases.claim = () => Promise.reject(new Error('connection refused'));
  t.true(await running(), 'a failed renewal inside the TTL keeps the bot');
  t.true(await waitFor(async () => !(await running()), 8000), 'stopped once the TTL passed unrenewed');
});
