import type { Knex } from 'knex';
import * as initial from './20261123000000_initial.ts';

// Listed explicitly so migrations run the same from source, under ava and in any process.
const migrations: Record<string, Knex.Migration> = {
  '20261123000000_initial': initial,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name]!,
};
