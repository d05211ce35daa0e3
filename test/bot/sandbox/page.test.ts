import test from 'ava';
import type { SandboxChat } from '../../../bot/sandbox/index.ts';
import { DEMO_PASSWORD } from '../../../db/seeds/demo.ts';
import { startWeb } from '../../../server/web.ts';
import { launchBrowser } from '../../support/browser.ts';
import { loadConfig, sandboxWanted } from '../../../db/config.ts';
import { createTestDeps } from '../../support/deps.ts';
import { startDemoSandbox } from '../../support/demoSandbox.ts';
import { buildTenant, buildUser } from '../../support/factories.ts';
import { ApiClient } from '../../support/http.ts';
import { waitFor } from '../../support/wait.ts';

/** The all-in-one start without BOT_TOKEN, as npm start runs it: demo data, the sandbox, web and bot. */
async function allInOne(t: import('ava').ExecutionContext) {
  const demo = await startDemoSandbox();
  t.teardown(() => demo.stop());
  const { deps, web, company: sandbox } = demo;
  // The page plays the company's masters, so it is driven by one of the company's managers.
  const page = await new ApiClient(web.url).login('boris@example.com', DEMO_PASSWORD);
  const anna = await new ApiClient(web.url).login('anna@example.com', DEMO_PASSWORD);
  const chat = async (userId: number) => (await page.get<SandboxChat>(`/sandbox/api/chats/${userId}`)).body;
  /** Waits for a bot message containing the text; returns it. */
  const botSays = async (userId: number, text: string) => {
    let found: SandboxChat['messages'][number] | undefined;
    const ok = await waitFor(async () => Boolean((found = (await chat(userId)).messages.find((m) => m.from === 'bot' && (m.text ?? '').includes(text)))), 10_000, 100);
    if (!ok) throw new Error(`no "${text}" in chat ${userId}: ${JSON.stringify((await chat(userId)).messages.map((m) => m.text))}`);
    return found!;
  };
  const tap = async (userId: number, text: string) => {
    const messages = (await chat(userId)).messages;
    for (const message of [...messages].reverse()) {
      const button = message.buttons.flat().find((b) => b.text.includes(text));
      if (button) return page.post(`/sandbox/api/chats/${userId}/tap`, { messageId: message.id, data: button.data });
    }
    throw new Error(`no button "${text}"`);
  };
  return { deps, web, sandbox, page, anna, chat, botSays, tap };
}

test('the sandbox is only for the company it plays: no login gets the login page or 401, another company 403, and nothing happens', async (t) => {
  const { deps, web, sandbox } = await allInOne(t);
  // A master waiting for approval: the bot's own start offers the demo's searches to the best-rated ones.
  const someone = (await sandbox.people()).find((person) => person.status === 'pending');
  const events = async () => Number((await deps.db('order_events').count({ n: '*' }).first())?.n);
  const before = await events();
  const page = await fetch(`${web.url}/sandbox`);
  t.is(page.status, 401);
  t.regex(await page.text(), /Войдите на доске/);
  const stranger = new ApiClient(web.url);
  t.is((await stranger.get('/sandbox/api/people')).status, 401);
  t.is((await stranger.get(`/sandbox/api/chats/${someone!.userId}`)).status, 401);
  t.is((await stranger.post(`/sandbox/api/chats/${someone!.userId}/text`, { text: '/start' })).status, 401);
  t.is((await stranger.post('/sandbox/api/people')).status, 401);

  const other = await buildUser(deps.db, { tenant: await buildTenant(deps.db) });
  const outsider = await new ApiClient(web.url).login(other.email, other.password);
  t.is((await outsider.get('/sandbox/api/people')).status, 403);
  t.is((await outsider.post(`/sandbox/api/chats/${someone!.userId}/tap`, { messageId: 1, data: 'offer:1' })).status, 403);
  t.is((await fetch(`${web.url}/sandbox`, { headers: { cookie: outsider.cookie! } })).status, 403);
  t.is(sandbox.chat(someone!.userId)?.messages.length ?? 0, 0, 'nobody wrote in his chat');
  t.is(await events(), before);
});

test('the sandbox runs on the embedded database without a bot token, or when SANDBOX=1 says so', (t) => {
  const wanted = (env: Record<string, string>) => sandboxWanted(loadConfig(env));
  t.true(wanted({}));
  t.false(wanted({ DATABASE_URL: 'postgres://db/naryad' }), 'a real database means a real deployment');
  t.false(wanted({ BOT_TOKEN: '1:real' }));
  t.true(wanted({ DATABASE_URL: 'postgres://db/naryad', SANDBOX: '1' }));
  t.false(wanted({ SANDBOX: '0' }));
});

test('the sandbox page: a newcomer registers and is approved; a demo master accepts, finishes with a photo and pays', async (t) => {
  const { deps, web, page, anna, chat, botSays, tap } = await allInOne(t);
  const html = await fetch(`${web.url}/sandbox`, { headers: { cookie: page.cookie! } });
  t.is(html.status, 200);
  t.regex(await html.text(), /Песочница Telegram/);
  const people = (await page.get('/sandbox/api/people')).body.people;
  t.true(people.length >= 30, 'demo masters with Telegram are listed');
  t.true((await page.get('/api/onboarding')).body.checklist.sandbox, 'the first steps send the test order here');

  // A newcomer registers through the page.
  const { person } = (await page.post('/sandbox/api/people')).body;
  const id = person.userId as number;
  t.is((await page.post(`/sandbox/api/chats/${id}/text`, { text: '/start' })).status, 204);
  await botSays(id, 'Регистрация займёт минуту');
  await tap(id, 'Регистрация');
  await botSays(id, 'Шаг 1 из 6');
  await tap(id, 'Согласен');
  await botSays(id, 'Шаг 2 из 6');
  t.deepEqual((await chat(id)).keyboard, [[{ text: '📱 Отправить номер', requestContact: true }], [{ text: '« Назад' }]]);
  await page.post(`/sandbox/api/chats/${id}/contact`);
  await botSays(id, 'Шаг 3 из 6');
  await page.post(`/sandbox/api/chats/${id}/text`, { text: 'Новиков Андрей' });
  await botSays(id, 'Шаг 4 из 6');
  await tap(id, 'Пропустить');
  await botSays(id, 'Шаг 5 из 6');
  await tap(id, 'Казань');
  await botSays(id, 'Шаг 6 из 6');
  await tap(id, 'Электрика');
  t.true(await waitFor(async () => (await chat(id)).messages.at(-1)!.buttons.flat().some((b) => b.text === '✓ Электрика'), 5000, 100));
  await tap(id, 'Готово');
  await botSays(id, 'на модерацию');
  const newcomer = await deps.db('masters').where({ telegram_user_id: id }).first();
  t.like(newcomer, { name: 'Новиков Андрей', status: 'pending' });
  t.is((await anna.post(`/api/masters/${newcomer.id}/approve`)).status, 200);
  await botSays(id, 'Анкета одобрена');

  // A demo master on shift gets an order a manager dispatches, accepts it, finishes it and pays.
  const order = await deps.db('orders as o')
    .join('tenants as t', 't.id', 'o.tenant_id')
    .where({ 't.slug': 'demo', 'o.status': 'confirmed' })
    .whereExists((q) =>
      q.from('masters as m')
        .whereRaw('m.tenant_id = o.tenant_id')
        .where({ 'm.status': 'approved', 'm.on_shift': true })
        .whereExists((c) => c.from('master_cities as mc').whereRaw('mc.master_id = m.id and mc.city_id = o.city_id'))
        .whereExists((k) => k.from('master_kinds as mk').whereRaw('mk.master_id = m.id and mk.kind_id = o.kind_id')),
    )
    .first('o.id', 'o.number');
  t.truthy(order, 'the demo data has a confirmed order some master on shift matches');
  t.is((await anna.post(`/api/orders/${order.id}/dispatch`, {})).status, 200);
  t.true(await waitFor(async () => (await deps.db('order_offers').where({ order_id: order.id }).whereNotNull('message_id')).length > 0, 10_000, 100));
  const [offer] = await deps.db('order_offers as f').join('masters as m', 'm.id', 'f.master_id').where({ 'f.order_id': order.id }).orderBy('m.rating', 'desc').select('m.telegram_user_id');
  const master = Number(offer.telegram_user_id);
  await botSays(master, `Новый заказ №${order.number}`);
  await tap(master, 'Принять заявку');
  await botSays(master, 'Позвоните клиенту');
  await tap(master, 'Выполнено');
  await botSays(master, 'Пришлите фото');
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]).toString('base64');
  t.is((await page.post(`/sandbox/api/chats/${master}/photo`, { base64: jpeg })).status, 204);
  await botSays(master, 'Фото получено: 1');
  await tap(master, 'Готово');
  await botSays(master, 'Фото сохранены: 1');
  await tap(master, 'Оплатить комиссию');
  t.true(await waitFor(async () => (await chat(master)).messages.some((m) => m.invoice?.currency === 'XTR'), 10_000, 100), 'test Stars in the sandbox');
  t.deepEqual((await page.post(`/sandbox/api/chats/${master}/pay`)).body, { ok: true });
  await botSays(master, 'оплачена');
  t.is((await deps.db('orders').where({ id: order.id }).first()).status, 'paid');
  const photo = (await chat(master)).messages.find((m) => m.from === 'user' && m.photo)!;
  const file = await fetch(`${web.url}/sandbox/api/files/${encodeURIComponent(photo.photo!)}`, { headers: { cookie: page.cookie! } });
  t.is(file.headers.get('content-type'), 'image/jpeg');
});

test('the page in a browser: pick a master, see the chat with its buttons, tap one', async (t) => {
  const { web, page, chat } = await allInOne(t);
  const people = (await page.get('/sandbox/api/people')).body.people;
  const approved = people.find((person: { status: string }) => person.status === 'approved');
  const browser = await launchBrowser();
  t.teardown(() => browser.close());
  const context = await browser.newContext();
  const [name, value] = page.cookie!.split('=') as [string, string];
  await context.addCookies([{ name, value, url: web.url }]);
  const tab = await context.newPage();
  await tab.goto(`${web.url}/sandbox`);
  await tab.getByText(approved.name).first().click();
  await tab.fill('#text', '/start');
  await tab.press('#text', 'Enter');
  await tab.getByText('Главное меню').waitFor({ timeout: 10_000 });
  await tab.locator('.keyboard button', { hasText: '👤 Профиль' }).click();
  await tab.getByText('Что изменить?').waitFor({ timeout: 10_000 });
  await tab.locator('.inline button', { hasText: 'English' }).click();
  await tab.getByText('your profile is updated').waitFor({ timeout: 10_000 });
  t.true((await chat(approved.userId)).keyboard.flat().some((button) => button.text === '👤 Profile'));
  await tab.fill('#text', 'Добрый день, есть вопрос по заказу');
  await tab.press('#text', 'Enter');
  await tab.getByText('Sent to a manager').waitFor({ timeout: 10_000 });
  t.pass();
});

test('the page speaks the board’s language: English words, an English newcomer, the chat’s name kept current, and the switch back', async (t) => {
  const { deps, web, page, sandbox } = await allInOne(t);
  const loginFirst = await fetch(`${web.url}/sandbox`, { headers: { 'accept-language': 'en' } });
  t.regex(await loginFirst.text(), /Log in on the board/);
  const browser = await launchBrowser();
  t.teardown(() => browser.close());
  const context = await browser.newContext();
  const [name, value] = page.cookie!.split('=') as [string, string];
  await context.addCookies([{ name, value, url: web.url }]);
  // The board's switch, as a manager who chose English left it.
  await context.addInitScript(() => localStorage.getItem('naryad.locale') ?? localStorage.setItem('naryad.locale', 'en'));
  const tab = await context.newPage();
  await tab.goto(`${web.url}/sandbox`);
  await tab.getByText('Pick a chat on the left').waitFor();
  t.is(await tab.title(), 'Naryad — Telegram sandbox');
  await tab.getByRole('button', { name: '+ New master (sign-up)' }).click();
  await tab.locator('#title', { hasText: 'New master' }).waitFor();
  await tab.getByRole('button', { name: 'Start (/start)' }).click();
  await tab.getByText('Registration takes a minute.').waitFor({ timeout: 20_000 });
  // He registers (the row his registration writes): the open chat's header takes his name.
  const userId = Number((await tab.locator('#title small').textContent())!.replace(/\D/g, ''));
  await deps.db('masters').insert({ tenant_id: sandbox.tenantId, telegram_user_id: userId, telegram_chat_id: userId, name: 'Orlova Vera', phone: '+79990001122', status: 'pending' });
  await tab.locator('#title', { hasText: 'Orlova Vera' }).waitFor({ timeout: 20_000 });
  t.regex((await tab.locator('.person.active').textContent())!, /awaiting approval/);
  await tab.setViewportSize({ width: 390, height: 844 });
  await tab.screenshot({ path: 'test/artifacts/e2e/sandbox-en-390.png' });
  await tab.locator('#language', { hasText: 'Русский' }).click();
  await tab.getByText('Выберите чат слева').waitFor();
  t.is(await tab.getAttribute('#text', 'placeholder'), 'Сообщение');
});

test('without the sandbox (a real BOT_TOKEN) /sandbox does not exist', async (t) => {
  const deps = await createTestDeps();
  const web = await startWeb(deps, 0, '127.0.0.1');
  t.teardown(async () => {
    await web.close();
    await deps.cleanup();
  });
  t.is((await fetch(`${web.url}/sandbox`)).status, 404);
  t.is((await fetch(`${web.url}/sandbox/api/people`)).status, 404);
});
