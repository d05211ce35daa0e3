import { randomBytes } from 'node:crypto';
import knexFactory from 'knex';
import { createBus } from '../../db/bus/index.ts';
import { loadConfig, type Config } from '../../db/config.ts';
import { createDb } from '../../db/connection.ts';
import { migrateLatest } from '../../db/migrate.ts';
import type { AppDeps } from '../../server/state.ts';

export interface TestDeps extends AppDeps {
  /** Tears down the database and bus made for this test file. */
  cleanup(): Promise<void>;
}

/**
 * A fresh, migrated database per test file: a new Postgres database when DATABASE_URL is set
 * (as CI does), an in-memory PGlite otherwise; the bus on Redis under a prefix of its own.
 */
export async function createTestDeps(overrides: Partial<Config> = {}): Promise<TestDeps> {
  const name = `naryad_t_${randomBytes(5).toString('hex')}`;
  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl) await adminQuery(baseUrl, `create database ${name}`);
  const databaseUrl = baseUrl ? withDatabase(baseUrl, name) : undefined;
  const config = loadConfig({
    NODE_ENV: 'test',
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: name,
    DATABASE_URL: databaseUrl,
    STORAGE_DIR: `test/artifacts/storage/${name}`,
    ...stringify(overrides),
  });
  const db = await createDb({ databaseUrl, dataDir: 'memory', poolMax: config.DATABASE_POOL_MAX });
  await migrateLatest(db);
  const bus = await createBus({ redisUrl: config.REDIS_URL, prefix: name });
  return {
    db,
    bus,
    config,
    async cleanup() {
      await bus.close();
      await db.destroy();
      if (baseUrl) await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const admin = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
  try {
    await admin.raw(sql);
  } finally {
    await admin.destroy();
  }
}

function stringify(values: Partial<Config>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)]));
}
