import test from 'ava';
import { buildTenant, buildUser } from '../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

test('every expense route answers 401 without a session', async (t) => {
  const anonymous = env.client();
  for (const [method, path] of [['GET', '/api/expenses'], ['POST', '/api/expenses'], ['PATCH', '/api/expenses/1'], ['DELETE', '/api/expenses/1']] as const) {
    t.is((await anonymous.request(method, path, method === 'POST' || method === 'PATCH' ? {} : undefined)).status, 401, `${method} ${path}`);
  }
});

test('expenses: 400, 403, 404, then create, edit, delete, with totals by channel, city and month', async (t) => {
  const tenant = await buildTenant(env.db);
  const [avito] = await env.db('channels').insert({ tenant_id: tenant.id, name: 'Авито', type: 'avito' }).returning('id');
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const viewer = await env.as(await buildUser(env.db, { tenant, role: 'viewer' }));
  const ad = { channelId: avito.id, cityId: tenant.cityId, spentOn: '2026-11-03', amount: 500_000, note: 'Продвижение объявлений' };
  t.is((await manager.post('/api/expenses', { ...ad, amount: 0 })).body.error.field, 'amount');
  t.is((await manager.post('/api/expenses', { ...ad, spentOn: '03.11.2026' })).body.error.field, 'spentOn');
  t.is((await manager.post('/api/expenses', { ...ad, kind: 'refund' })).body.error.field, 'kind');
  const foreign = await buildTenant(env.db);
  t.is((await manager.post('/api/expenses', { ...ad, channelId: foreign.channelId })).body.error.field, 'channelId');
  t.is((await viewer.post('/api/expenses', ad)).status, 403);

  const created = await manager.post('/api/expenses', ad);
  t.is(created.status, 201);
  t.like(created.body.expense, { kind: 'expense', spentOn: '2026-11-03', amount: 500_000, channelId: avito.id });
  await manager.post('/api/expenses', { spentOn: '2026-11-20', amount: 100_000, note: 'Аренда' });
  await manager.post('/api/expenses', { channelId: tenant.channelId, spentOn: '2026-12-01', amount: 70_000 });
  await manager.post('/api/expenses', { kind: 'income', cityId: tenant.cityId, spentOn: '2026-11-15', amount: 30_000, note: 'Продажа запчастей' });

  const november = await manager.get('/api/expenses?from=2026-11-01&to=2026-11-30');
  t.is(november.status, 200);
  t.is(november.body.total, 3);
  t.deepEqual(november.body.expenses.map((e: { spentOn: string }) => e.spentOn), ['2026-11-20', '2026-11-15', '2026-11-03']);
  t.like(november.body.totals, { expense: 600_000, income: 30_000 });
  t.deepEqual(november.body.totals.byChannel, [
    { id: avito.id, name: 'Авито', expense: 500_000, income: 0 },
    { id: null, name: null, expense: 100_000, income: 30_000 },
  ]);
  t.deepEqual(november.body.totals.byCity, [
    { id: tenant.cityId, name: 'Москва', expense: 500_000, income: 30_000 },
    { id: null, name: null, expense: 100_000, income: 0 },
  ]);
  const all = await manager.get('/api/expenses?kind=expense');
  t.deepEqual(all.body.totals.byMonth, [
    { month: '2026-11', expense: 600_000, income: 0 },
    { month: '2026-12', expense: 70_000, income: 0 },
  ]);
  t.is((await manager.get(`/api/expenses?channelId=${avito.id}`)).body.total, 1);
  t.is((await manager.get('/api/expenses?from=2026-12-01&to=2026-11-01')).body.error.field, 'to');

  const expenseId = created.body.expense.id;
  t.is((await manager.patch(`/api/expenses/${expenseId}`, {})).status, 400);
  t.is((await viewer.patch(`/api/expenses/${expenseId}`, { amount: 1 })).status, 403);
  t.is((await manager.patch('/api/expenses/999999', { amount: 1 })).status, 404);
  const edited = await manager.patch(`/api/expenses/${expenseId}`, { amount: 450_000, channelId: null });
  t.like(edited.body.expense, { amount: 450_000, channelId: null });
  t.is((await viewer.request('DELETE', `/api/expenses/${expenseId}`)).status, 403);
  t.is((await manager.request('DELETE', '/api/expenses/999999')).status, 404);
  t.is((await manager.request('DELETE', `/api/expenses/${expenseId}`)).status, 204);
  t.is((await manager.get('/api/expenses')).body.total, 3);
  const types = await env.db('order_events').where({ tenant_id: tenant.id }).orderBy('seq').pluck('type');
  t.deepEqual(types, ['expenses.created', 'expenses.created', 'expenses.created', 'expenses.created', 'expenses.updated', 'expenses.deleted']);
});

test("a manager of company B sees none of company A's expenses and cannot change them", async (t) => {
  const a = await buildTenant(env.db);
  const b = await buildTenant(env.db);
  const aManager = await env.as(await buildUser(env.db, { tenant: a }));
  const bManager = await env.as(await buildUser(env.db, { tenant: b }));
  const aExpense = (await aManager.post('/api/expenses', { spentOn: '2026-11-01', amount: 999_00 })).body.expense;
  const list = await bManager.get('/api/expenses');
  t.is(list.body.total, 0);
  t.like(list.body.totals, { expense: 0, income: 0 });
  t.is((await bManager.patch(`/api/expenses/${aExpense.id}`, { amount: 1 })).status, 404);
  t.is((await bManager.request('DELETE', `/api/expenses/${aExpense.id}`)).status, 404);
  t.is((await env.db('expenses').where({ id: aExpense.id }).first('amount')).amount, 999_00);
});
