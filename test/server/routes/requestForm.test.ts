import test from 'ava';
import type { OrderDTO } from '../../../shared/types.ts';
import { buildCity, buildKind, buildTenant, buildUser } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

// TRUST_PROXY lets each test come from an address of its own (X-Forwarded-For), so the per-address
// limit of one test does not spend another's.
let env: TestWeb;
test.before(async () => {
  env = await startTestWeb({ TRUST_PROXY: '1', PUBLIC_RATE_LIMIT: 3 });
});
test.after.always(async () => {
  await env?.cleanup();
});

let nextAddress = 1;
const fromAddress = () => ({ 'x-forwarded-for': `203.0.113.${nextAddress++}` });

async function company(settings = {}) {
  const tenant = await buildTenant(env.db, { timezone: 'Europe/Moscow', ...settings });
  const { slug } = await env.db('tenants').where({ id: tenant.id }).first('slug');
  return { tenant, slug: slug as string, manager: await env.as(await buildUser(env.db, { tenant })) };
}

const request = { name: 'Анна Соколова', phone: '8 (916) 555-12-34', address: 'ул. Ленина, д. 5, кв. 3', comment: 'Забрать пальто в химчистку', preferredTime: '2026-12-15T14:00' };
const send = (slug: string, body: unknown, headers: Record<string, string>) => env.client().request('POST', `/p/${slug}/order`, body, headers);

test('the form page offers the company’s kinds and cities only when it has several, and 404s an unknown company', async (t) => {
  const one = await company();
  const page = await env.client().getText(`/p/${one.slug}/order`);
  t.is(page.status, 200);
  t.regex(page.text, /<input name="phone" type="tel"/);
  t.regex(page.text, /<input name="website" tabindex="-1"/);
  t.false(page.text.includes('<select'), 'one city and one kind: nothing to choose');
  await buildKind(env.db, one.tenant);
  await buildCity(env.db, one.tenant);
  const many = await env.client().getText(`/p/${one.slug}/order`);
  t.regex(many.text, /<select name="kind"><option value="santehnika">Сантехника<\/option><option value="elektrika">Электрика<\/option><\/select>/);
  t.regex(many.text, /<select name="city"><option value="moskva">Москва<\/option><option value="kazan">Казань<\/option><\/select>/);
  t.is((await env.client().getText('/p/no-such-company/order')).status, 404);
  const headers = (await fetch(`${env.web.url}/p/${one.slug}/order`)).headers;
  t.regex(headers.get('content-security-policy') ?? '', /frame-ancestors \*/);
  t.regex(headers.get('content-security-policy') ?? '', /script-src 'sha256-/);
});

test('a request becomes a new order on the board under the form’s channel, the customer found by phone, answered with the number', async (t) => {
  const { tenant, slug, manager } = await company();
  const known = (await manager.post('/api/customers', { name: 'Анна', phone: '+79165551234' })).body.customer;
  const address = fromAddress();
  const answer = await send(slug, { ...request, kind: 'santehnika' }, address);
  t.is(answer.status, 201);
  t.is(answer.body.message, `Заявка принята, номер заказа ${answer.body.order.number}. Мы скоро перезвоним`);

  const board = (await manager.get<{ orders: OrderDTO[] }>('/api/orders')).body.orders;
  const order = board.find((o) => o.number === answer.body.order.number)!;
  t.like(order, { status: 'new', address: request.address, description: request.comment, plannedAt: '2026-12-15T11:00:00.000Z', cityId: tenant.cityId, kindId: tenant.kindId });
  t.is(order.customer!.id, known.id);
  const channel = await env.db('channels').where({ id: order.channelId }).first('type', 'name');
  t.deepEqual(channel, { type: 'form', name: 'Форма на сайте' });

  const second = await send(slug, { ...request, phone: '+7 903 111-22-33', preferredTime: '' }, address);
  t.is(second.status, 201);
  const orders = await env.db('orders').where({ tenant_id: tenant.id }).select('channel_id', 'planned_at');
  t.is(new Set(orders.map((o) => o.channel_id)).size, 1, 'one form channel per company');
  t.is(orders.filter((o) => o.planned_at === null).length, 1);

  // What the board hears: the intake's own events, so it shows the order live and staff are told.
  const events = (await manager.get<{ events: { type: string; data: { order?: OrderDTO; channel?: { type: string } } }[] }>('/api/events?after=0')).body.events;
  t.deepEqual(events.filter((e) => e.type === 'orders.created').map((e) => e.data.order!.number), [answer.body.order.number, second.body.order.number]);
  t.is(events.filter((e) => e.type === 'channels.created').length, 1);
});

test('the honeypot and the per-address limit refuse and create nothing', async (t) => {
  const { tenant, slug } = await company();
  const bot = await send(slug, { ...request, website: 'http://spam.example' }, fromAddress());
  t.is(bot.status, 400);
  t.is(bot.body.error.message, 'Заявка не принята. Позвоните нам, пожалуйста');

  const address = fromAddress();
  for (let i = 0; i < 3; i++) t.is((await send(slug, { ...request, phone: `+7903000000${i}` }, address)).status, 201);
  const flooded = await send(slug, { ...request, phone: '+79030000009' }, address);
  t.is(flooded.status, 429);
  t.regex(flooded.body.error.message, /Слишком много запросов; повторите через \d+ с/);
  const [{ n }] = await env.db('orders').where({ tenant_id: tenant.id }).count({ n: '*' });
  t.is(Number(n), 3);
});

test('a bad field is answered in Russian and named, and writes nothing; another site cannot post the form; an unknown company is a 404', async (t) => {
  const { tenant, slug } = await company();
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ ...request, phone: 'позвоните мне' }, 'phone', /^Телефон: не похож на номер телефона$/],
    [{ ...request, name: ' ' }, 'name', /^Имя: не может быть пустым$/],
    [{ ...request, address: undefined }, 'address', /^Адрес: обязательное поле$/],
    [{ ...request, preferredTime: 'завтра' }, 'preferredTime', /^Удобное время: нужны дата и время/],
    [{ ...request, preferredTime: '2026-02-30T10:00' }, 'preferredTime', /^Удобное время: такого времени нет$/],
    [{ ...request, preferredTime: '9999-01-01T10:00' }, 'preferredTime', /^Удобное время: такого времени нет$/],
    [{ ...request, kind: 'kosmos' }, 'kind', /в компании нет вида работ «kosmos»/],
    [{ ...request, city: 'atlantida' }, 'city', /в компании нет города «atlantida»/],
  ];
  for (const [body, field, message] of cases) {
    const answer = await send(slug, body, { ...fromAddress(), 'accept-language': 'ru' });
    t.is(answer.status, 400, field);
    t.is(answer.body.error.field, field);
    t.regex(answer.body.error.message, message);
  }
  t.is((await send(slug, request, { ...fromAddress(), origin: 'https://evil.example' })).status, 403);
  t.is((await send('no-such-company', request, fromAddress())).status, 404);
  t.is(await env.db('channels').where({ tenant_id: tenant.id, type: 'form' }).first('id'), undefined, 'no channel made for refused requests');
});
