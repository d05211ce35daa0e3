import type { StorageAdapter } from 'grammy';
import type { Knex } from 'knex';
import type { SessionData } from './context.ts';

/**
 * grammY sessions in the `bot_sessions` table through knex, so they live in Postgres in
 * production and in PGlite in the all-in-one start alike: a restart loses nobody's place.
 */
export class KnexSessionStorage implements StorageAdapter<SessionData> {
  private readonly db: Knex;
  private readonly prefix: string;

  constructor(db: Knex, prefix: string) {
    this.db = db;
    this.prefix = prefix;
  }

  async read(key: string): Promise<SessionData | undefined> {
    const row = await this.db('bot_sessions').where({ key: this.prefix + key }).first('value');
    if (!row) return undefined;
    return (typeof row.value === 'string' ? JSON.parse(row.value) : row.value) as SessionData;
  }

  async write(key: string, value: SessionData): Promise<void> {
    await this.db('bot_sessions')
      .insert({ key: this.prefix + key, value: JSON.stringify(value), updated_at: this.db.fn.now() })
      .onConflict('key')
      .merge(['value', 'updated_at']);
  }

  async delete(key: string): Promise<void> {
    await this.db('bot_sessions').where({ key: this.prefix + key }).delete();
  }
}
