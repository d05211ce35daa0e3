import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { Model } from 'objection';

// int8 holds kopecks and event seqs, all far below 2^53: read them as numbers, not strings.
const INT8 = 20;
pg.types.setTypeParser(INT8, Number);

export interface DbOptions {
  /** Postgres URL; without it the embedded PGlite under `dataDir` is used. */
  databaseUrl?: string;
  dataDir?: string;
  poolMax?: number;
}

/** The database handle the web server and the bot are given (a knex instance). */
export type Db = Knex;

/** The database answers (the health check). */
export async function pingDb(db: Knex): Promise<void> {
  await db.raw('select 1');
}

export async function createDb(options: DbOptions): Promise<Knex> {
  const db = options.databaseUrl
    ? knexFactory({ client: 'pg', connection: options.databaseUrl, pool: { min: 0, max: options.poolMax ?? 10 } })
    : await createEmbeddedDb(options.dataDir ?? './data/pg');
  Model.knex(db);
  return db;
}

async function createEmbeddedDb(dataDir: string): Promise<Knex> {
  const [{ PGlite, types }, { default: ClientPgLite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('knex-pglite'),
  ]);
  if (dataDir !== 'memory') mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir === 'memory' ? undefined : dataDir, { parsers: { [types.INT8]: (value: string) => Number(value) } });
  // Booting the WASM Postgres takes seconds on a busy machine: done before the pool counts time.
  await pglite.waitReady;
  // One connection: every query queues behind the one running, so a wait is normal, not a leak.
  return knexFactory({ client: ClientPgLite, dialect: 'postgres', connection: () => ({ pglite }), acquireConnectionTimeout: 180_000 } as Knex.Config);
}
