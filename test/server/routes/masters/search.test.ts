// GET /api/masters?q=: the Мастера tab's search, by phone or name, as the archive's search reads them.
import test from 'ava';
import { buildMaster, buildTenant, buildUser } from '../../../support/factories.ts';
import { startTestWeb, type TestWeb } from '../../../support/web.ts';

let env: TestWeb;
test.before(async () => {
  env = await startTestWeb();
});
test.after.always(async () => {
  await env?.cleanup();
});

test('the Мастера search finds a phone in any format and a name with е for ё', async (t) => {
  const tenant = await buildTenant(env.db);
  const manager = await env.as(await buildUser(env.db, { tenant }));
  const master = await buildMaster(env.db, { tenant, name: 'Семён Ёлкин' });
  await env.db('masters').where({ id: master.id }).update({ phone: '+79265557788' });
  await buildMaster(env.db, { tenant, name: 'Олег Другой' });
  for (const q of ['+7 926 555-77-88', '8 (926) 555-77-88', '89265557788', '5557788', 'семен', 'ЕЛКИН', '7788']) {
    const found = await manager.get(`/api/masters?q=${encodeURIComponent(q)}`);
    t.is(found.status, 200, q);
    t.deepEqual(found.body.masters.map((m: { id: number }) => m.id), [master.id], q);
  }
});
