import { startPgBoss } from '../../db/core/pgBoss.ts';
import { logger } from '../../db/logger.ts';
import { atMoment } from '../../shared/atMoment.ts';

/** A job: work that may run any number of times, as its results are idempotent. */
export type Job = () => Promise<void>;

export interface JobRunner {
  /** Runs the job now and then on a schedule: `cron` on Postgres (once per tick across every process), `everyMs` embedded. */
  every(name: string, schedule: { cron: string; everyMs: number }, job: Job): Promise<void>;
  /** One more run of a job already declared, at `at` (now when past): a retry's time, a new message. */
  soon(name: string, at?: Date): void;
  stop(): Promise<void>;
}

/**
 * The web process's background work, one runner per process: on Postgres one PgBoss (its cron
 * and its delayed jobs, shared by every `web`), embedded an in-process timer each. A job never
 * runs twice at once in one process; across processes the job itself must tolerate a twin.
 */
export async function startJobRunner(databaseUrl: string | undefined): Promise<JobRunner> {
  return databaseUrl ? bossRunner(databaseUrl) : timerRunner();
}

/** Serialises a job's runs in this process and keeps its failures in the log. */
function serial(name: string, job: Job) {
  let last: Promise<void> = Promise.resolve();
  const run = () => {
    last = last.then(job).catch((error: unknown) => logger.error({ err: error, job: name }, 'job failed'));
    return last;
  };
  return { run, idle: () => last };
}

function timerRunner(): JobRunner {
  const jobs = new Map<string, ReturnType<typeof serial>>();
  const intervals = new Set<NodeJS.Timeout>();
  const timers = new Set<{ cancel(): void }>();
  /** `name@time` of the runs already set, so a pass that finds the same next moment sets no twin. */
  const planned = new Set<string>();
  let stopped = false;
  return {
    async every(name, schedule, job) {
      const runs = serial(name, job);
      jobs.set(name, runs);
      void runs.run();
      intervals.add(setInterval(runs.run, schedule.everyMs));
    },
    soon(name, at = new Date()) {
      const runs = jobs.get(name);
      const key = `${name}@${at.getTime()}`;
      if (!runs || stopped || planned.has(key)) return;
      planned.add(key);
      const timer = atMoment(at, () => {
        timers.delete(timer);
        planned.delete(key);
        void runs.run();
      });
      timers.add(timer);
    },
    async stop() {
      stopped = true;
      for (const interval of intervals) clearInterval(interval);
      for (const timer of timers) timer.cancel();
      await Promise.all([...jobs.values()].map((runs) => runs.idle()));
    },
  };
}

async function bossRunner(databaseUrl: string): Promise<JobRunner> {
  const boss = await startPgBoss(databaseUrl, 2);
  const jobs = new Map<string, ReturnType<typeof serial>>();
  /** The delayed runs this process has asked for and not yet seen pass (name → times), so it asks once per moment. */
  const planned = new Map<string, Set<number>>();
  return {
    async every(name, schedule, job) {
      const runs = serial(name, job);
      jobs.set(name, runs);
      planned.set(name, new Set());
      await boss.createQueue(name);
      await boss.schedule(name, schedule.cron);
      await boss.work(name, { pollingIntervalSeconds: 1 }, runs.run);
      void runs.run();
    },
    soon(name, at = new Date()) {
      const times = planned.get(name);
      if (!times) return;
      for (const time of times) if (time < Date.now()) times.delete(time);
      if (at.getTime() > Date.now() && times.has(at.getTime())) return;
      times.add(at.getTime());
      boss.send(name, {}, { startAfter: at }).catch((error: unknown) => logger.error({ err: error, job: name }, 'pg-boss send failed'));
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 5000 });
      await Promise.all([...jobs.values()].map((runs) => runs.idle()));
    },
  };
}
