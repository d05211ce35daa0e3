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

// Timers may fire a millisecond early by the wall clock; a job that asks "what is due by now" must not run before its moment.
test('the embedded runner never starts a run asked for a moment before that moment', async (t) => {
  const jobs = await startJobRunner(undefined);
  const name = `runner-early-${process.pid}`;
  const startedAt: number[] = [];
  await jobs.every(name, { cron: '0 0 1 1 *', everyMs: 3_600_000 }, async () => {
    startedAt.push(Date.now());
  });
  const moments = Array.from({ length: 40 }, (_, i) => Date.now() + 200 + i * 25);
  try {
    await waitFor(() => startedAt.length === 1, 5_000); // the run at start
    for (const at of moments) jobs.soon(name, new Date(at));
    await waitFor(() => startedAt.length === 1 + moments.length, 10_000);
  } finally {
    await jobs.stop();
  }
  // Runs are serial and timers fire in order, so the k-th asked run is the k-th after the first; late is fine under load, early is not.
  const asked = startedAt.slice(1);
  t.is(asked.length, moments.length);
  t.deepEqual(moments.filter((at, k) => asked[k]! < at), [], 'no run started before the moment it was asked for');
});
