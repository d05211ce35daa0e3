import test from 'ava';
import { startJobRunner } from '../../../server/jobs/runner.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';
import { waitFor } from '../../support/wait.ts';

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

const mode = process.env.DATABASE_URL ? 'pg-boss' : 'timers';

test(`the job runner (${mode}) runs a job at start and at the moment asked, never two runs of one job at once, and stop waits for the run in hand`, async (t) => {
  const jobs = await startJobRunner(deps.config.DATABASE_URL);
  const name = `runner-test-${process.pid}`;
  const startedAt: number[] = [];
  let running = 0;
  let overlapped = false;
  await jobs.every(name, { cron: '0 0 1 1 *', everyMs: 3_600_000 }, async () => {
    startedAt.push(Date.now());
    overlapped ||= running > 0;
    running++;
    await new Promise((resolve) => setTimeout(resolve, 150));
    running--;
  });
  try {
    const asked = Date.now() + 400;
    jobs.soon(name);
    jobs.soon(name, new Date(asked));
    await waitFor(() => startedAt.some((at) => at >= asked), 10_000);
    t.true(startedAt.length >= 2, `${startedAt.length} runs`);
    t.true(startedAt.some((at) => at >= asked), 'a run at the moment asked');
    jobs.soon(name);
    await waitFor(() => running > 0, 5_000);
  } finally {
    await jobs.stop();
  }
  t.false(overlapped, 'one run at a time');
  t.is(running, 0, 'stop waited for the run in hand');
});
