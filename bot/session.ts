import type { StorageAdapter } from 'grammy';
import type { OpsContext } from '../db/core/context.ts';
import { deleteBotSession, readBotSession, writeBotSession } from '../db/masters/botSessions.ts';
import type { SessionData } from './context.ts';

/** grammY sessions kept in the database (db/masters/botSessions.ts), one key space per company. */
export class DbSessionStorage implements StorageAdapter<SessionData> {
  private readonly db: OpsContext['db'];
  private readonly prefix: string;

  constructor(db: OpsContext['db'], prefix: string) {
    this.db = db;
    this.prefix = prefix;
  }

  async read(key: string): Promise<SessionData | undefined> {
    return (await readBotSession(this.db, this.prefix + key)) as SessionData | undefined;
  }

  write(key: string, value: SessionData): Promise<void> {
    return writeBotSession(this.db, this.prefix + key, value);
  }

  delete(key: string): Promise<void> {
    return deleteBotSession(this.db, this.prefix + key);
  }
}
