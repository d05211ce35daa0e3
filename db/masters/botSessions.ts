import type { Knex } from 'knex';

// The bot's conversation state per chat (grammY sessions), in `bot_sessions`: in Postgres in
// production and in PGlite in the all-in-one start alike, so a restart loses nobody's place.

export async function readBotSession(db: Knex, key: string): Promise<unknown> {
  const row = await db('bot_sessions').where({ key }).first('value');
  if (!row) return undefined;
  return typeof row.value === 'string' ? JSON.parse(row.value) : row.value;
}

export async function writeBotSession(db: Knex, key: string, value: unknown): Promise<void> {
  await db('bot_sessions').insert({ key, value: JSON.stringify(value), updated_at: db.fn.now() }).onConflict('key').merge(['value', 'updated_at']);
}

export async function deleteBotSession(db: Knex, key: string): Promise<void> {
  await db('bot_sessions').where({ key }).delete();
}
