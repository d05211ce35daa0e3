// The sandbox's list of people: each master with his cities and kinds of work, so a person
// playing masters knows who will get which offer.
import test from 'ava';
import { SandboxHost, type SandboxPerson } from '../../../bot/sandbox/index.ts';
import { DEMO_PASSWORD, seedDemo } from '../../../db/seeds/demo.ts';
import { startWeb } from '../../../server/web.ts';
import { launchBrowser } from '../../support/browser.ts';
import { createTestDeps } from '../../support/deps.ts';
import { ApiClient } from '../../support/http.ts';

test("each master in the sandbox list comes with his cities and kinds of work, in the API and on the page", async (t) => {
  const deps = await createTestDeps();
  await seedDemo(deps.db);
  const sandbox = await SandboxHost.start(deps.db, 'demo');
  const web = await startWeb({ ...deps, sandbox }, 0, '127.0.0.1');
  t.teardown(async () => {
    await web.close();
    await sandbox.stop();
    await deps.cleanup();
  });
  const page = await new ApiClient(web.url).login('boris@example.com', DEMO_PASSWORD);
  await page.post('/sandbox/api/people'); // a newcomer: nothing to show yet
  const { people } = (await page.get<{ people: SandboxPerson[] }>('/sandbox/api/people')).body;

  // What the database says each master works on.
  const links = async (link: string, table: string, column: string) =>
    (await deps.db(`${link} as l`).join(`${table} as r`, 'r.id', `l.${column}`).join('masters as m', 'm.id', 'l.master_id').select('m.telegram_user_id', 'r.name')) as { telegram_user_id: string; name: string }[];
  const cities = await links('master_cities', 'cities', 'city_id');
  const kinds = await links('master_kinds', 'kinds', 'kind_id');
  const of = (rows: { telegram_user_id: string; name: string }[], userId: number) => rows.filter((row) => Number(row.telegram_user_id) === userId).map((row) => row.name).sort();
  const masters = people.filter((person) => person.status !== null);
  t.true(masters.length >= 30);
  for (const master of masters) {
    t.deepEqual([...master.cities].sort(), of(cities, master.userId), `${master.name}'s cities`);
    t.deepEqual([...master.kinds].sort(), of(kinds, master.userId), `${master.name}'s kinds`);
  }
  t.true(masters.every((master) => master.cities.length > 0 && master.kinds.length > 0), 'every demo master has both');
  const newcomer = people.find((person) => person.status === null)!;
  t.deepEqual([newcomer.cities, newcomer.kinds], [[], []]);

  const browser = await launchBrowser();
  t.teardown(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const [name, value] = page.cookie!.split('=') as [string, string];
  await context.addCookies([{ name, value, url: web.url }]);
  const tab = await context.newPage();
  await tab.goto(`${web.url}/sandbox`);
  const first = masters[0]!;
  const row = tab.locator(`#people .person[data-user-id="${first.userId}"]`);
  await row.waitFor();
  t.is(await row.locator('.work').innerText(), `${first.cities.join(', ')} · ${first.kinds.join(', ')}`);
  t.is(await tab.locator(`#people .person[data-user-id="${newcomer.userId}"] .work`).count(), 0);
  t.is(await tab.locator('#people .person .work').count(), masters.length);
  await tab.screenshot({ path: 'test/artifacts/e2e/sandbox-people.png' });
});
