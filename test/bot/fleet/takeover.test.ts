import { spawn, type ChildProcess } from 'node:child_process';
import test from 'ava';
import { FakeTelegram } from '../../../bot/sandbox/index.ts';
import { userActor } from '../../../db/core/actor.ts';
import { dispatchOrder } from '../../../db/orders/dispatchOrder.ts';
import { buildOrder, buildUser } from '../../support/factories.ts';
import { createTestDeps } from '../../support/deps.ts';
import { waitFor } from '../../support/wait.ts';
import { BOT_TOKEN } from '../harness.ts';
import { companyForBotProcess } from '../processCompany.ts';

const MASTERS = 150;
const LEASE_SECONDS = 3;

interface FleetChild {
  child: ChildProcess;
  holder: string;
}

/** Starts test/bot/fleet/fleetProcess.ts as its own process; resolves once its first check is done. */
function spawnFleet(env: Record<string, string>): Promise<FleetChild> {
  const child = spawn(process.execPath, ['test/bot/fleet/fleetProcess.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const ready = /fleet ready (\S+)/.exec(chunk.toString());
      if (ready) resolve({ child, holder: ready[1]! });
    });
    child.once('exit', (code) => reject(new Error(`fleet process exited with ${code}`)));
  });
}

const hasPostgres = Boolean(process.env.DATABASE_URL);

// Two processes share the database only on Postgres; the embedded PGlite lives in one process.
(hasPostgres ? test : test.skip)('two bot processes: one SIGKILLed mid-fan-out, the other takes the company within the lease and every offer goes out once', async (t) => {
  const deps = await createTestDeps();
  const tg = new FakeTelegram({ token: BOT_TOKEN, requireStart: false });
  await tg.start();
  const children: ChildProcess[] = [];
  t.teardown(async () => {
    for (const child of children) child.kill('SIGKILL');
    await tg.stop();
    await deps.cleanup();
  });
  const { tenant, users, env: company } = await companyForBotProcess(deps, tg, MASTERS);
  // BOT_TOKEN's company, leased like any company's bot.
  const env = { ...company, BOT_LEASE_SECONDS: String(LEASE_SECONDS) };
  const holder = async () => (await deps.db('bot_leases').where({ tenant_id: tenant.id }).first())?.holder as string | undefined;
  const first = await spawnFleet(env);
  children.push(first.child);
  t.is(await holder(), first.holder, 'the first process took the company');
  const second = await spawnFleet(env);
  children.push(second.child);
  t.is(await holder(), first.holder, 'the second one waits: the company is leased');

  const order = await buildOrder(deps.db, { tenant, status: 'confirmed' });
  const manager = await buildUser(deps.db, { tenant });
  await dispatchOrder(deps, userActor(manager), order.id);
  const offers = () => tg.calls.filter((call) => call.method === 'sendMessage' && call.status === 200).length;

  // Mid-fan-out: a third of the offers out, the rest written and waiting (as in restart.test.ts).
  const killAt = Math.floor(MASTERS / 3);
  const killed = new Promise<{ sent: number; at: number }>((resolve) => {
    const stop = tg.onChange(() => {
      if (offers() < killAt) return;
      stop();
      setTimeout(() => {
        first.child.kill('SIGKILL');
        resolve({ sent: offers(), at: Date.now() });
      }, 15);
    });
  });
  const { sent: sentBeforeKill, at: killedAt } = await killed;
  t.true(sentBeforeKill < MASTERS, `killed mid-fan-out (${sentBeforeKill} of ${MASTERS} sent)`);

  t.true(await waitFor(() => offers() > sentBeforeKill, (LEASE_SECONDS + 5) * 1000), 'the other process sends the rest');
  const tookOverMs = Date.now() - killedAt;
  t.true(tookOverMs < (LEASE_SECONDS + 3) * 1000, `taken over within the lease (${tookOverMs} ms, lease ${LEASE_SECONDS} s)`);
  t.is(await holder(), second.holder);
  t.true(await waitFor(() => offers() >= MASTERS, 30_000), 'every master got the offer');
  await new Promise((resolve) => setTimeout(resolve, 1500)); // a window for a second offer to go out: that none does is the point
  const perChat = new Map<number, number>();
  for (const call of tg.calls) {
    if (call.method !== 'sendMessage' || call.status !== 200) continue;
    const chatId = Number((call.payload as { chat_id: number | string }).chat_id);
    perChat.set(chatId, (perChat.get(chatId) ?? 0) + 1);
  }
  t.is(perChat.size, MASTERS, 'every master');
  t.deepEqual([...perChat.values()].filter((count) => count !== 1), [], 'exactly one offer each');

  // SIGTERM gives the leases up: a process started now takes the company at its next check, not after the TTL.
  const third = await spawnFleet(env);
  children.push(third.child);
  const { expires_at: leaseEnd } = await deps.db('bot_leases').where({ tenant_id: tenant.id }).first();
  const termAt = Date.now();
  second.child.kill('SIGTERM');
  t.true(await waitFor(async () => (await holder()) === third.holder, (LEASE_SECONDS + 5) * 1000), 'the third process has the company');
  const handedAt = Date.now();
  t.log(`taken over ${tookOverMs} ms after SIGKILL; handed over ${handedAt - termAt} ms after SIGTERM`);
  t.true(handedAt < new Date(leaseEnd).getTime(), 'handed over on SIGTERM before the lease would have run out');
});
