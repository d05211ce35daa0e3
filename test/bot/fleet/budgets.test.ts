import test from 'ava';
import { Fleet } from '../../../bot/fleet/fleet.ts';
import { FakeTelegram, SimulatedUser } from '../../../bot/sandbox/index.ts';
import { userActor } from '../../../db/core/actor.ts';
import { dispatchOrder } from '../../../db/orders/dispatchOrder.ts';
import { buildMaster, buildOrder, buildTenant, buildUser, type TenantFixture } from '../../support/factories.ts';
import { createTestDeps } from '../../support/deps.ts';
import { waitFor } from '../../support/wait.ts';
import { connectBotRow, TEST_SECRETS_KEY } from './support.ts';

const BIG = { token: '7400000004:big-company', masters: 150 };
const SMALL = { token: '7500000005:small-company', masters: 2 };

// Telegram's budget is per bot: while one company's bot works through a big fan-out at ~30/s,
// another company's offers go out at once through its own bot.
test('a big fan-out of one company does not hold back another company’s offers', async (t) => {
  const deps = await createTestDeps({ SECRETS_KEY: TEST_SECRETS_KEY });
  const tg = new FakeTelegram({ anyToken: true, requireStart: false, perBotPerSecond: 30, perChatPerSecond: 1 });
  const { apiRoot } = await tg.start();
  const setUp = async (company: typeof BIG) => {
    const tenant = await buildTenant(deps.db, { waveSize: company.masters, waveDelaySeconds: 600 });
    await connectBotRow(deps.db, deps.config, tenant.id, company.token);
    for (let i = 0; i < company.masters; i++) {
      const master = await buildMaster(deps.db, { tenant });
      new SimulatedUser(tg, { id: master.telegramUserId, firstName: `Мастер ${i}` }, { bot: company.token });
    }
    return tenant;
  };
  const big = await setUp(BIG);
  const small = await setUp(SMALL);
  const fleet = await Fleet.start(deps, { apiRoot, bot: { sweepIntervalMs: 0 } });
  t.teardown(async () => {
    await fleet.stop();
    await tg.stop();
    await deps.cleanup();
  });
  const sent = (token: string) => tg.callsOf(Number(token.split(':')[0])).filter((call) => call.method === 'sendMessage' && call.status === 200).length;
  const dispatch = async (tenant: TenantFixture) => {
    const order = await buildOrder(deps.db, { tenant, status: 'confirmed' });
    await dispatchOrder(deps, userActor(await buildUser(deps.db, { tenant })), order.id);
  };

  await dispatch(big);
  t.true(await waitFor(() => sent(BIG.token) >= 15, 8000), 'the big fan-out is under way');
  const at = Date.now();
  await dispatch(small);
  t.true(await waitFor(() => sent(SMALL.token) === SMALL.masters, 3000), 'the small company’s offers went out');
  const tookMs = Date.now() - at;
  t.log(`small company's ${SMALL.masters} offers in ${tookMs} ms; the big one had ${sent(BIG.token)} of ${BIG.masters} out`);
  t.true(sent(BIG.token) < BIG.masters, 'while the big fan-out still runs');
  t.true(tookMs < 2000, `at once, not after the big one (${tookMs} ms)`);
});
