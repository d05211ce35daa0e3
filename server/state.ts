import type { Bus } from '../db/bus/index.ts';
import type { Actor } from '../db/core/actor.ts';
import type { Config } from '../db/config.ts';
import type { Db } from '../db/connection.ts';
import type { UserDTO } from '../shared/types.ts';
import type { Sandbox } from './routes/sandbox/sandbox.ts';

export interface AppDeps {
  db: Db;
  bus: Bus;
  config: Config;
  /** The built-in Telegram of the all-in-one start without BOT_TOKEN; /sandbox serves it. */
  sandbox?: Sandbox;
  /** The open sockets of sessions that end; set by the web process once Socket.IO is up. */
  sessions?: LiveSessions;
}

export interface LiveSessions {
  end(scope: { sessionId: string } | { userId: number }): void;
}

/** What middlewares put on ctx.state for the routes after them. */
export interface AppState {
  deps: AppDeps;
  requestId: string;
  user: UserDTO;
  actor: Actor;
}
