import test from 'ava';
import { buildOrder, buildUser, type TenantFixture } from '../../support/factories.ts';
import type { ApiClient } from '../../support/http.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

// Every refusal a person reads comes in the board's language (Accept-Language, Russian without
// one), with the field's human name; `code` and `field` stay the same for programs.

let env: TestWeb;
let tenant: TenantFixture;
let manager: ApiClient;
let owner: ApiClient;
let order: Awaited<ReturnType<typeof buildOrder>>;
test.before(async () => {
  env = await startTestWeb();
  order = await buildOrder(env.db, { status: 'done', masterId: undefined });
  tenant = order.tenant;
  manager = await env.as(await buildUser(env.db, { tenant }));
  owner = await env.as(await buildUser(env.db, { tenant, role: 'owner' }));
});
test.after.always(async () => {
  await env?.cleanup();
});

const newOrder = (customer: { name: string; phone: string }) => ({
  cityId: tenant.cityId,
  kindId: tenant.kindId,
  channelId: tenant.channelId,
  customer,
  street: 'ул. Тверская',
  price: 420_000,
});
const inLanguage = (client: ApiClient, language: string | undefined, method: string, path: string, body?: unknown) =>
  client.request(method, path, body, language ? { 'accept-language': language } : {});

test('a bad phone: «Телефон клиента: не похож на номер телефона» in Russian, English on request, the same code and field', async (t) => {
  const body = newOrder({ name: 'Мария', phone: 'позвоните мне' });
  const answers = Object.fromEntries(
    await Promise.all(
      [['ru', 'ru'], ['none', undefined], ['en', 'en'], ['en-US', 'en-US,en;q=0.9'], ['de', 'de-DE']].map(async ([name, header]) => [name, (await inLanguage(manager, header, 'POST', '/api/orders', body)).body.error]),
    ),
  );
  t.deepEqual(answers.ru, { code: 'invalid', field: 'customer.phone', message: 'Телефон клиента: не похож на номер телефона' });
  t.deepEqual(answers.none, answers.ru, 'Russian without a language');
  t.deepEqual(answers.de, answers.ru, 'Russian for a language we do not speak');
  t.deepEqual(answers.en, { code: 'invalid', field: 'customer.phone', message: "Customer's phone: not a phone number" });
  t.deepEqual(answers['en-US'], answers.en);
  t.is(await env.db('orders').where({ tenant_id: tenant.id }).count({ n: '*' }).first().then((row) => Number(row!.n)), 1, 'nothing was written');
});

test("zod's own checks are worded too: a missing street, a long name, an unknown field", async (t) => {
  const { street: _street, ...noStreet } = newOrder({ name: 'Мария', phone: '+79161234567' });
  t.is((await inLanguage(manager, 'ru', 'POST', '/api/orders', noStreet)).body.error.message, 'Улица: обязательное поле');
  t.is((await inLanguage(manager, 'en', 'POST', '/api/orders', noStreet)).body.error.message, 'Street: required');
  const longName = newOrder({ name: 'ы'.repeat(201), phone: '+79161234567' });
  t.is((await inLanguage(manager, 'ru', 'POST', '/api/orders', longName)).body.error.message, 'Имя клиента: не длиннее 200 символов');
  const extra = { ...newOrder({ name: 'Мария', phone: '+79161234567' }), isAdmin: true };
  t.like((await inLanguage(manager, 'ru', 'POST', '/api/orders', extra)).body.error, { field: 'isAdmin', message: 'isAdmin: такого поля нет' });
});

test('our own refusals: not found, a forbidden move with the statuses by name, a version conflict', async (t) => {
  const missing = { ru: await inLanguage(manager, 'ru', 'GET', '/api/orders/999999'), en: await inLanguage(manager, 'en', 'GET', '/api/orders/999999') };
  t.deepEqual([missing.ru.status, missing.ru.body.error], [404, { code: 'not_found', message: 'Заказ не найден' }]);
  t.deepEqual([missing.en.status, missing.en.body.error], [404, { code: 'not_found', message: 'Order not found' }]);

  const move = (language: string) => inLanguage(manager, language, 'POST', `/api/orders/${order.id}/move`, { to: 'new' });
  t.like((await move('ru')).body.error, { code: 'transition_forbidden', field: 'to', message: 'Роль «менеджер» не может перевести заказ из «Выполнен» в «Новый»' });
  t.like((await move('en')).body.error, { code: 'transition_forbidden', field: 'to', message: 'A manager cannot move an order from "Done" to "New"' });

  const stale = await inLanguage(manager, 'ru', 'PATCH', `/api/orders/${order.id}`, { version: order.version + 5, street: 'ул. Ленина' });
  t.is(stale.status, 409);
  t.is(stale.body.error.message, `Заказ №${order.number} уже изменил кто-то другой (версия ${order.version}, у вас ${order.version + 5})`);
  t.is(stale.body.error.order.id, order.id, 'the details still come along');
});

test('the owner-only refusal and a settings check, in both languages', async (t) => {
  t.like((await inLanguage(manager, 'ru', 'PATCH', '/api/settings', { companyName: 'Другая' })).body.error, { code: 'forbidden', message: 'Это может только владелец компании' });
  t.like((await inLanguage(manager, 'en', 'PATCH', '/api/settings', { companyName: 'Другая' })).body.error, { code: 'forbidden', message: 'Only the owner of the company can do this' });
  const twice = { statuses: [{ code: 'new', name: { ru: 'Новый', en: 'New' }, color: '#000000' }, { code: 'new', name: { ru: 'Снова', en: 'Again' }, color: '#000000' }] };
  t.like((await inLanguage(owner, 'ru', 'PUT', '/api/settings/statuses', twice)).body.error, { field: 'statuses.1.code', message: 'Код статуса: «new» встречается дважды' });
  t.like((await inLanguage(owner, 'en', 'PUT', '/api/settings/statuses', twice)).body.error, { field: 'statuses.1.code', message: 'Status\'s code: "new" appears twice' });
});

test('a body that is not JSON and a non-JSON write are refused in words too', async (t) => {
  t.deepEqual((await inLanguage(manager, 'ru', 'POST', '/api/orders', '{"price": ')).body.error, { code: 'bad_request', message: 'Тело запроса не читается как JSON' });
  const form = await manager.request('POST', '/api/orders', 'a=1', { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'ru' });
  t.deepEqual([form.status, form.body.error.message], [415, 'Отправьте тело запроса как application/json, а не application/x-www-form-urlencoded']);
});

test('the login throttle says it in English too', async (t) => {
  const email = 'nobody-here@example.com';
  for (let i = 0; i < 10; i++) await env.client().request('POST', '/api/auth/login', { email, password: `guess-${i}` }, { 'accept-language': 'en' });
  const walled = await env.client().request('POST', '/api/auth/login', { email, password: 'one more' }, { 'accept-language': 'en' });
  t.is(walled.status, 429);
  t.like(walled.body.error, { code: 'too_many_attempts', message: 'Too many attempts. Try again in 15 min.' });
  const inRussian = await env.client().request('POST', '/api/auth/login', { email, password: 'and again' });
  t.is(inRussian.body.error.message, 'Слишком много попыток. Повторите через 15 мин.');
});
