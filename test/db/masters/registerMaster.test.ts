import test from 'ava';
import { systemActor } from '../../../db/core/actor.ts';
import { createMaster } from '../../../db/masters/createMaster.ts';
import { userActor } from '../../../db/core/actor.ts';
import { registerMaster, type MasterRegistration } from '../../../db/masters/registerMaster.ts';
import { buildTenant, buildUser } from '../../support/factories.ts';
import { createTestDeps, type TestDeps } from '../../support/deps.ts';

let deps: TestDeps;
test.before(async () => {
  deps = await createTestDeps();
});
test.after.always(async () => {
  await deps?.cleanup();
});

const form = (tenant: { cityId: number; kindId: number }, overrides: Partial<MasterRegistration> = {}): MasterRegistration => ({
  telegramUserId: 4_000_000 + Math.floor(Math.random() * 1_000_000),
  telegramChatId: 0,
  name: 'Петров Пётр',
  phone: `+7916${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
  passport: null,
  cityId: tenant.cityId,
  kindIds: [tenant.kindId],
  language: 'ru',
  ...overrides,
});

test('a new master waits for moderation, linked to his Telegram, city and kinds', async (t) => {
  const tenant = await buildTenant(deps.db);
  const input = form(tenant, { passport: '4510 123456' });
  const master = await registerMaster(deps, systemActor(tenant.id), { ...input, telegramChatId: input.telegramUserId });
  t.like(master, { status: 'pending', source: 'bot', telegramLinked: true, cityIds: [tenant.cityId], kindIds: [tenant.kindId], onShift: false });
  t.is((await deps.db('masters').where({ id: master.id }).first('passport')).passport, '4510 123456');
  t.is((await deps.db('order_events').where({ tenant_id: tenant.id, type: 'masters.registered' }).first('order_id')).order_id, null);
});

test('the same Telegram account twice is a conflict; a phone of another master too', async (t) => {
  const tenant = await buildTenant(deps.db);
  const input = form(tenant);
  await registerMaster(deps, systemActor(tenant.id), input);
  const again = await t.throwsAsync(registerMaster(deps, systemActor(tenant.id), { ...input, phone: '+79990000001' }));
  t.is((again as { code?: string }).code, 'conflict');
  const samePhone = await t.throwsAsync(registerMaster(deps, systemActor(tenant.id), form(tenant, { phone: input.phone })));
  t.like(samePhone, { code: 'conflict', field: 'phone' });
});

test('a master a manager added by hand is linked by phone and keeps his status', async (t) => {
  const tenant = await buildTenant(deps.db);
  const manager = await buildUser(deps.db, { tenant });
  const manual = await createMaster(deps, userActor(manager), { name: 'Ручной', phone: '+79005554433', contacts: {}, cityIds: [], kindIds: [], status: 'approved' });
  const linked = await registerMaster(deps, systemActor(tenant.id), form(tenant, { phone: '+79005554433', name: 'Сидоров Семён' }));
  t.is(linked.id, manual.id);
  t.like(linked, { status: 'approved', source: 'manual', telegramLinked: true, name: 'Сидоров Семён', cityIds: [tenant.cityId] });
});

test('only the system (the bot) registers, and at least one kind of work is needed', async (t) => {
  const tenant = await buildTenant(deps.db);
  const manager = await buildUser(deps.db, { tenant });
  await t.throwsAsync(registerMaster(deps, userActor(manager), form(tenant)), { message: /not for a manager/ });
  await t.throwsAsync(registerMaster(deps, systemActor(tenant.id), form(tenant, { kindIds: [] })), { code: 'invalid', message: /choose at least one/ });
});
