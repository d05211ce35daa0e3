import { secretBoxFor } from '../../db/bots/secretBox.ts';
import { logger } from '../../db/logger.ts';
import { createFleetJobs, type FleetJobs, type JobQueue } from '../jobs/index.ts';
import { startBot, type BotDeps, type BotOptions, type RunningBot } from '../startBot.ts';
import { Leases } from './leases.ts';
import { wantedBots, type WantedBot } from './wanted.ts';

export interface FleetOptions {
  /** The Bot API's address for every bot: the sandbox's fake, a test's; Telegram by default. */
  apiRoot?: string;
  sandbox?: boolean;
  /** BOT_LEASE_SECONDS by default; leases are renewed and Postgres checked every third of it. */
  leaseSeconds?: number;
  /** Webhook mode: the bots take the updates the web's door stored, handed to them by this. */
  drain?: (tenantId: number, bot: RunningBot) => () => Promise<void>;
  /** Passed to every startBot (tests, the benchmark). */
  bot?: Pick<BotOptions, 'throttle' | 'sweepIntervalMs'>;
}

/** A company's bot in this process: the token it runs with, and the bot once it has started. */
interface Seat {
  token: string;
  started: Promise<{ bot: RunningBot; stopDrain: () => Promise<void> } | null>;
}

/**
 * One bot process for every company: runs a grammY bot (startBot) for each company whose lease it
 * holds, checks Postgres every few seconds and at once on `bot.*` bus events, adding new bots,
 * stopping removed ones and restarting one whose token changed. A lease it fails to renew stops
 * that bot at once: another process has the company.
 */
export class Fleet {
  readonly leases: Leases;
  private readonly deps: BotDeps;
  private readonly options: FleetOptions;
  private readonly seats = new Map<number, Seat>();
  /** Companies whose lease is being given up: no check takes them until that is done. */
  private readonly releasing = new Set<number>();
  private jobs!: FleetJobs;
  private timers: NodeJS.Timeout[] = [];
  private unsubscribe = () => {};
  private checking: Promise<void> | undefined;
  private checkAgain = false;
  private stopped = false;
  private toldWaiting = false;
  /** When the leases were last renewed: past the TTL without a renewal, they may be another's. */
  private renewedAt = Date.now();

  private constructor(deps: BotDeps, options: FleetOptions) {
    this.deps = deps;
    this.options = options;
    this.leases = new Leases(deps.db, options.leaseSeconds ?? deps.config.BOT_LEASE_SECONDS);
  }

  /** Starts the fleet and resolves after its first check (the bots it took are starting: running() waits for them). */
  static async start(deps: BotDeps, options: FleetOptions = {}): Promise<Fleet> {
    const fleet = new Fleet(deps, options);
    fleet.jobs = await createFleetJobs(deps.config.DATABASE_URL);
    const everyMs = ((options.leaseSeconds ?? deps.config.BOT_LEASE_SECONDS) * 1000) / 3;
    fleet.unsubscribe = deps.bus.subscribe((event) => {
      if ((event.type as string).startsWith('bot.')) void fleet.check();
    });
    await fleet.check();
    fleet.timers = [setInterval(() => void fleet.renew(), everyMs), setInterval(() => void fleet.check(), everyMs)];
    return fleet;
  }

  /** The companies whose bots run here now (tests, the start-up line). */
  async running(): Promise<Map<number, RunningBot>> {
    const bots = new Map<number, RunningBot>();
    for (const [tenantId, seat] of this.seats) {
      const started = await seat.started;
      if (started) bots.set(tenantId, started.bot);
    }
    return bots;
  }

  /** Compares the bots here with Postgres; a check asked for during one runs once more after it. */
  check(): Promise<void> {
    if (this.checking) {
      this.checkAgain = true;
      return this.checking;
    }
    this.checking = (async () => {
      do {
        this.checkAgain = false;
        await this.reconcile().catch((error: unknown) => logger.error({ err: error }, 'bot fleet check failed'));
      } while (this.checkAgain && !this.stopped);
      this.checking = undefined;
    })();
    return this.checking;
  }

  private async reconcile(): Promise<void> {
    if (this.stopped) return;
    const wanted = new Map((await wantedBots(this.deps.db, this.deps.config, secretBoxFor(this.deps.config))).map((bot) => [bot.tenantId, bot]));
    for (const [tenantId, seat] of this.seats) {
      const want = wanted.get(tenantId);
      if (want?.token === seat.token) continue;
      logger.info({ tenantId, reason: want ? 'token changed' : 'disconnected' }, 'stopping a company bot');
      await this.drop(tenantId, !want);
    }
    const free = [...wanted.values()].filter((bot) => !this.seats.has(bot.tenantId) && !this.releasing.has(bot.tenantId));
    await Promise.all(free.map((bot) => this.take(bot)));
    // Said once while it lasts, not at every check.
    if (!wanted.size && !this.toldWaiting) logger.info('no company has a bot yet: waiting for one (Настройки «Telegram-бот», or BOT_TOKEN)');
    this.toldWaiting = !wanted.size;
  }

  /** Claims the company's lease and, if it is ours, starts its bot. */
  private async take(want: WantedBot): Promise<void> {
    if (!(await this.leases.claim(want.tenantId)) || this.stopped) return;
    const seat: Seat = { token: want.token, started: this.startSeat(want) };
    this.seats.set(want.tenantId, seat);
    // Not awaited: a bot slow to start (Telegram retrying) must not hold back the next checks.
    void seat.started.then(async (started) => {
      if (started || this.seats.get(want.tenantId) !== seat) return;
      // A bot that would not start (a revoked token, Telegram away) is tried again at the next check.
      this.seats.delete(want.tenantId);
      await this.giveUp(want.tenantId).catch((error: unknown) => logger.warn({ err: error }, 'bot lease not given up'));
    });
  }

  /**
   * Gives a company's lease up. A check meanwhile would claim it again (it is still ours) and the
   * release landing after would take the lease from under the bot just started, so none takes it.
   */
  private async giveUp(tenantId: number): Promise<void> {
    this.releasing.add(tenantId);
    try {
      await this.leases.release([tenantId]);
    } finally {
      this.releasing.delete(tenantId);
    }
  }

  private async startSeat(want: WantedBot): Promise<{ bot: RunningBot; stopDrain: () => Promise<void> } | null> {
    let jobs: JobQueue | undefined;
    try {
      jobs = await this.jobs.forTenant(want.tenantId);
      const bot = await startBot(this.deps, {
        ...this.options.bot,
        token: want.token,
        tenantSlug: want.tenantSlug,
        apiRoot: this.options.apiRoot,
        sandbox: this.options.sandbox,
        jobs,
        // BOT_TOKEN's bot keeps the old WEBHOOK_URL mode; a company's bot never listens itself.
        webhook: want.fromEnv ? undefined : null,
        // BOT_TOKEN's bot has no door in the web process (no company_bots row): it polls.
        external: Boolean(this.options.drain) && !want.fromEnv,
      });
      const drain = want.fromEnv ? undefined : this.options.drain;
      const stopDrain = drain?.(want.tenantId, bot) ?? (async () => {});
      return { bot, stopDrain };
    } catch (error) {
      logger.error({ err: error, tenant: want.tenantSlug }, 'company bot did not start');
      await jobs?.stop().catch(() => undefined);
      return null;
    }
  }

  /** Stops a company's bot here; `release` gives its lease up too (it was disconnected). */
  private async drop(tenantId: number, release: boolean): Promise<void> {
    const seat = this.seats.get(tenantId);
    if (!seat) return;
    this.seats.delete(tenantId);
    const started = await seat.started;
    await started?.stopDrain();
    await started?.bot.stop().catch((error: unknown) => logger.error({ err: error, tenantId }, 'company bot did not stop cleanly'));
    if (release) await this.giveUp(tenantId);
  }

  /** Keeps our leases; a company whose lease another process took is stopped here at once. */
  private async renew(): Promise<void> {
    if (this.stopped) return;
    try {
      const ours = await this.leases.renew([...this.seats.keys()]);
      this.renewedAt = Date.now();
      for (const tenantId of [...this.seats.keys()]) {
        if (ours.has(tenantId)) continue;
        logger.warn({ tenantId }, 'bot lease lost: stopping that company bot');
        await this.drop(tenantId, false);
      }
    } catch (error) {
      logger.error({ err: error }, 'bot leases not renewed');
      // Postgres away past the TTL: another process may hold these companies now, so two bots
      // would answer one company. Stop here; the next check that reaches Postgres claims again.
      if (Date.now() - this.renewedAt < this.leases.ttlSeconds * 1000) return;
      logger.warn({ tenants: [...this.seats.keys()] }, 'bot leases ran out unrenewed: stopping those company bots');
      await Promise.all([...this.seats.keys()].map((tenantId) => this.drop(tenantId, false)));
    }
  }

  /** SIGTERM: stops every bot, then gives the leases up so another process takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    this.unsubscribe();
    await this.checking;
    await Promise.all([...this.seats.keys()].map((tenantId) => this.drop(tenantId, false)));
    await this.leases.release();
    await this.jobs.stop();
  }
}
