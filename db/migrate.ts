import type { Knex } from 'knex';
import { migrationSource } from './migrations/index.ts';
import { createDb } from './connection.ts';

export async function migrateLatest(db: Knex): Promise<void> {
  await db.migrate.latest({ migrationSource });
}

export async function migrateDown(db: Knex): Promise<void> {
  await db.migrate.rollback({ migrationSource }, true);
}

// `npm run migrate` (the Procfile's release process).
if (import.meta.main) {
  const db = await createDb({ databaseUrl: process.env.DATABASE_URL });
  await (process.argv[2] === 'down' ? migrateDown(db) : migrateLatest(db));
  await db.destroy();
}
