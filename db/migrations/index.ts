import type { Knex } from 'knex';
import * as initial from './20261123000000_initial.ts';
import * as crm from './20261201000000_crm.ts';
import * as bot from './20261210000000_bot.ts';
import * as botBlocked from './20261220000000_bot_blocked.ts';

// Listed explicitly so migrations run the same from source, under ava and in any process.
const migrations: Record<string, Knex.Migration> = {
  '20261123000000_initial': initial,
  '20261201000000_crm': crm,
  '20261210000000_bot': bot,
  '20261220000000_bot_blocked': botBlocked,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name]!,
};
