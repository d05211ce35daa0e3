// The sandbox plays every company whose bot it serves: the demo's, and a bot a company connects
// while it runs. A manager drives his own company's chats only; without a bot the page says how.
import test from 'ava';
import type { SandboxChat, SandboxPerson } from '../../../bot/sandbox/index.ts';
import { startBot } from '../../../bot/startBot.ts';
import { DEMO_PASSWORD } from '../../../db/seeds/demo.ts';
import { launchBrowser } from '../../support/browser.ts';
import { startDemoSandbox } from '../../support/demoSandbox.ts';
import { buildTenant, buildUser } from '../../support/factories.ts';
import { ApiClient } from '../../support/http.ts';
import { waitFor } from '../../support/wait.ts';

const TOKEN = '1234567890:test-token';

test('a company connects any token in the sandbox and plays its own bot there; neither company reaches the other\'s chats', async (t) => {
  const demo = await startDemoSandbox();
  t.teardown(() => demo.stop());
  const { deps, web, sandbox } = demo;
  const fixture = await buildTenant(deps.db);
  const owner = await buildUser(deps.db, { tenant: fixture, role: 'owner' });
  const mine = await new ApiClient(web.url).login(owner.email, owner.password);
  const boris = await new ApiClient(web.url).login('boris@example.com', DEMO_PASSWORD);

  // No bot yet: the page says where to connect one, in the asker's language; the API refuses.
  const page = (language: string) => fetch(`${web.url}/sandbox`, { headers: { cookie: mine.cookie!, 'accept-language': language } });
  const ru = await page('ru');
  t.is(ru.status, 403);
  const ruText = await ru.text();
  t.regex(ruText, /Настройки → «Telegram-бот»/);
  t.regex(ruText, /1234567890:test-token/);
  t.regex(await (await page('en')).text(), /Settings → “Telegram bot”/);
  const refused = await mine.get('/sandbox/api/people');
  t.is(refused.status, 403);
  t.regex(refused.body.error.message, /Telegram-бот/);
  t.false(await sandbox.plays(fixture.id));

  // The owner connects a made-up token: the fake Telegram answers getMe for it.
  const connected = await mine.request('PUT', '/api/settings/bot', { token: TOKEN });
  t.is(connected.status, 200, JSON.stringify(connected.body));
  t.is(sandbox.tg.bot(TOKEN).me.username, 'bot1234567890_bot');
  const { slug } = await deps.db('tenants').where({ id: fixture.id }).first('slug');
  // What the fleet does in the all-in-one start: the company's bot talks to the sandbox.
  const bot = await startBot(deps, { token: TOKEN, apiRoot: sandbox.apiRoot, tenantSlug: slug, sandbox: true, webhook: null, sweepIntervalMs: 0 });
  t.teardown(() => bot.stop());
  t.true(await sandbox.plays(fixture.id));
  t.true(await sandbox.plays((await deps.db('tenants').where({ slug: 'demo' }).first('id')).id), 'the demo keeps its own bot');

  const listed = (await mine.get<{ people: SandboxPerson[]; bot: { username: string } }>('/sandbox/api/people')).body;
  t.is(listed.bot.username, 'bot1234567890_bot');
  t.deepEqual(listed.people, [], 'no masters with Telegram yet');
  t.is((await mine.getText('/sandbox')).status, 200);

  // A newcomer writes to the company's bot: its bot answers, the demo's bot never sees him.
  const { person } = (await mine.post<{ person: SandboxPerson }>('/sandbox/api/people')).body;
  t.is((await mine.post(`/sandbox/api/chats/${person.userId}/text`, { text: '/start' })).status, 204);
  const chat = async (client: ApiClient, userId: number) => (await client.get<SandboxChat>(`/sandbox/api/chats/${userId}`));
  t.true(await waitFor(async () => (await chat(mine, person.userId)).body.messages.some((message) => message.from === 'bot'), 10_000, 100), 'the company\'s bot answered');
  t.true(sandbox.tg.callsOf(1234567890).some((call) => call.method === 'sendMessage' && Number(call.payload.chat_id) === person.userId));
  t.false(sandbox.tg.callsOf(7000000001).some((call) => Number(call.payload.chat_id) === person.userId));

  // Each manager sees his company's people only, and cannot open or drive the other's chats.
  const demoPeople = (await boris.get<{ people: SandboxPerson[]; bot: { username: string } }>('/sandbox/api/people')).body;
  t.is(demoPeople.bot.username, 'naryad_sandbox_bot');
  t.false(demoPeople.people.some((someone) => someone.userId === person.userId));
  t.is((await chat(boris, person.userId)).status, 404);
  t.is((await boris.post(`/sandbox/api/chats/${person.userId}/text`, { text: 'hello' })).status, 404);
  const demoMaster = demoPeople.people.find((someone) => someone.status === 'approved')!;
  t.is((await chat(mine, demoMaster.userId)).status, 404);
  t.is((await mine.post(`/sandbox/api/chats/${demoMaster.userId}/tap`, { messageId: 1, data: 'offer:1' })).status, 404);
  t.false(sandbox.tg.bot(TOKEN).users().some((user) => user.id === demoMaster.userId), 'the company\'s bot has no chat with the demo\'s masters');

  // On a phone: the company's chat, with its bot named in the header, fits 390 px.
  const browser = await launchBrowser();
  t.teardown(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const [name, value] = mine.cookie!.split('=') as [string, string];
  await context.addCookies([{ name, value, url: web.url }]);
  const tab = await context.newPage();
  await tab.goto(`${web.url}/sandbox`);
  await tab.getByText('@bot1234567890_bot').waitFor({ timeout: 10_000 });
  await tab.getByText(person.name).first().click();
  await tab.locator('.bubble.bot').first().waitFor({ timeout: 10_000 });
  t.true(await tab.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling');
  await tab.screenshot({ path: 'test/artifacts/e2e/sandbox-company-390.png' });
});
