import test from 'ava';
import { buildMaster, buildOffers, buildOrder, buildUser, type TenantFixture } from '../../support/factories.ts';
import { ApiClient } from '../../support/http.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

let next = 0;
async function signUp(): Promise<{ owner: ApiClient; tenantId: number }> {
  const owner = env.client();
  const response = await owner.post('/api/signup', { company: 'Букет', trade: 'flowers', name: 'Лиля', email: `lilya-${next++}@flowers.example`, password: 'розы и тюльпаны' });
  if (response.status !== 201) throw new Error(JSON.stringify(response.body));
  return { owner, tenantId: response.body.user.tenantId };
}

const doneSteps = async (client: ApiClient) => {
  const { body } = await client.get('/api/onboarding');
  return (body.checklist.steps as { id: string; done: boolean }[]).filter((step) => step.done).map((step) => step.id);
};

test('the checklist needs a session', async (t) => {
  t.is((await env.client().get('/api/onboarding')).status, 401);
});

test("a new company's steps flip one by one as it takes them", async (t) => {
  const { owner, tenantId } = await signUp();
  const start = await owner.get('/api/onboarding');
  t.deepEqual(start.body.checklist, {
    hidden: false,
    steps: ['cities', 'kinds', 'prices', 'managers', 'bot', 'testOrder'].map((id) => ({ id, done: false })),
    sandbox: false,
  });

  const [city] = (await owner.get('/api/cities')).body.cities as { id: number }[];
  t.is((await owner.patch(`/api/cities/${city!.id}`, { name: 'Тула' })).status, 200);
  t.deepEqual(await doneSteps(owner), ['cities']);

  t.is((await owner.post('/api/kinds', { name: 'Сухоцветы' })).status, 201);
  t.deepEqual(await doneSteps(owner), ['cities', 'kinds']);

  const [kind] = (await owner.get('/api/kinds')).body.kinds as { id: number }[];
  t.is((await owner.post('/api/prices', { cityId: city!.id, kindId: kind!.id, name: 'Букет из 15 роз', unit: 'шт', price: 450_000 })).status, 201);
  t.deepEqual(await doneSteps(owner), ['cities', 'kinds', 'prices']);

  t.is((await owner.post('/api/managers', { email: `anya-${next++}@flowers.example`, name: 'Аня', role: 'manager' })).status, 201);
  t.deepEqual(await doneSteps(owner), ['cities', 'kinds', 'prices', 'managers']);

  // The bot and the sandbox's accepted offer are other pages' work: their rows stand in here.
  await env.db('company_bots').insert({ tenant_id: tenantId, telegram_bot_id: 900_000_000 + tenantId, username: 'buket_bot', token_encrypted: 'sealed', webhook_secret: 'secret' });
  t.deepEqual(await doneSteps(owner), ['cities', 'kinds', 'prices', 'managers', 'bot']);

  const channel = await env.db('channels').where({ tenant_id: tenantId }).first('id');
  const tenant: TenantFixture = { id: tenantId, cityId: city!.id, kindId: kind!.id, channelId: channel.id };
  const master = await buildMaster(env.db, { tenant });
  const order = await buildOrder(env.db, { tenant, status: 'dispatched' });
  await buildOffers(env.db, { orderId: order.id, masters: [master], state: 'sent' });
  t.false((await doneSteps(owner)).includes('testOrder'), 'an offer sent is not yet a test order');
  await env.db('order_offers').where({ order_id: order.id }).update({ state: 'accepted' });
  t.deepEqual(await doneSteps(owner), ['cities', 'kinds', 'prices', 'managers', 'bot', 'testOrder']);
});

test('the owner hides the checklist for everyone; a manager may read it but not hide it', async (t) => {
  const { owner, tenantId } = await signUp();
  const manager = await buildUser(env.db, { tenant: { id: tenantId, cityId: 0, kindId: 0, channelId: 0 } });
  const managerClient = await env.as(manager);
  t.is((await managerClient.get('/api/onboarding')).status, 200);
  t.is((await managerClient.post('/api/onboarding/hide')).status, 403);
  t.is((await owner.post('/api/onboarding/hide')).status, 204);
  t.true((await managerClient.get('/api/onboarding')).body.checklist.hidden);
});

test("a company made before sign-up (SQL, the demo) is not walked through; another company's steps are not its", async (t) => {
  const { owner } = await signUp();
  const otherClient = await env.as(await buildUser(env.db));
  const { body } = await otherClient.get('/api/onboarding');
  t.true(body.checklist.hidden);
  t.deepEqual(await doneSteps(otherClient), ['cities', 'kinds'], 'its own cities and kinds count as done');
  t.deepEqual(await doneSteps(owner), []);
});

test('a company content with its trade’s kinds of work ticks that step once it prices them', async (t) => {
  const { owner } = await signUp();
  const [city] = (await owner.get('/api/cities')).body.cities as { id: number }[];
  const [kind] = (await owner.get('/api/kinds')).body.kinds as { id: number }[];
  t.deepEqual(await doneSteps(owner), []);
  t.is((await owner.post('/api/prices', { cityId: city!.id, kindId: kind!.id, name: 'Букет невесты', unit: 'шт', price: 800_000 })).status, 201);
  t.deepEqual(await doneSteps(owner), ['kinds', 'prices']);
});
