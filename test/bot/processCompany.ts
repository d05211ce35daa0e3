import type { FakeTelegram } from '../../bot/sandbox/index.ts';
import { SimulatedUser } from '../../bot/sandbox/index.ts';
import { buildMaster, buildTenant } from '../support/factories.ts';
import type { TestDeps } from '../support/deps.ts';
import { BOT_TOKEN } from './harness.ts';

/**
 * For the tests that spawn real bot processes: a company whose masters each have a chat with the
 * fake Telegram (one wave reaches them all), and the environment a process over the same Postgres
 * needs to serve it as BOT_TOKEN's company.
 */
export async function companyForBotProcess(deps: TestDeps, tg: FakeTelegram, masters: number) {
  const tenant = await buildTenant(deps.db, { waveSize: masters, waveDelaySeconds: 600 });
  const { slug } = await deps.db('tenants').where({ id: tenant.id }).first('slug');
  const users: SimulatedUser[] = [];
  for (let i = 0; i < masters; i++) {
    const master = await buildMaster(deps.db, { tenant, rating: i });
    users.push(new SimulatedUser(tg, { id: master.telegramUserId, firstName: `Мастер ${i}` }));
  }
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: deps.config.DATABASE_URL!,
    REDIS_URL: deps.config.REDIS_URL ?? '',
    REDIS_PREFIX: deps.config.REDIS_PREFIX,
    BOT_TOKEN,
    BOT_TENANT: slug as string,
    TELEGRAM_API_ROOT: tg.apiRoot,
    STORAGE_DIR: deps.config.STORAGE_DIR,
    LOG_LEVEL: 'silent',
  };
  return { tenant, users, env };
}
