import type { Knex } from 'knex';
import type { SandboxHost } from '../bot/sandbox/sandboxHost.ts';
import type { Bus } from '../db/bus/index.ts';
import type { Actor } from '../db/ops/actor.ts';
import type { Config } from '../db/config.ts';
import type { UserDTO } from '../shared/types.ts';

export interface AppDeps {
  db: Knex;
  bus: Bus;
  config: Config;
  /** The built-in Telegram of the all-in-one start without BOT_TOKEN; /sandbox serves it. */
  sandbox?: SandboxHost;
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
