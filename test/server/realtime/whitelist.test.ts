import test from 'ava';
import { userActor } from '../../../db/index.ts';
import { runOp } from '../../../db/core/runOp.ts';
import { loadMaster } from '../../../db/masters/masterRecord.ts';
import { loadOrder, selectOrders } from '../../../db/orders/orderRecord.ts';
import type { EventEnvelope, EventReplay } from '../../../shared/events.ts';
import { buildMaster, buildOrder, buildTenant, buildUser } from '../../support/factories.ts';
import { connected, openSocket, record, type BoardSocket } from '../../support/sockets.ts';
import { waitFor } from '../../support/wait.ts';
import { startTestWeb, type TestWeb } from '../../support/web.ts';

// The presenters are the only gate between the database and a board: an op that carelessly hands
// the bus more than a DTO (a whole row, a new column, a passport) must not get it to a screen,
// neither in the live push nor in the replay of the same event.

let env: TestWeb;
const sockets: BoardSocket[] = [];

test.before(async () => {
  env = await startTestWeb();
  // A column this test's own database has and no presenter knows of.
  await env.db.schema.alterTable('orders', (table) => table.text('internal_note'));
});
test.after.always(async () => {
  for (const socket of sockets) socket.disconnect();
  await env?.cleanup();
});

/** What a board on the socket hears of the one event `emit` writes, and what a replay of it gives. */
async function pushedAndReplayed(user: Awaited<ReturnType<typeof buildUser>>, emit: Parameters<typeof runOp<void>>[2]) {
  const manager = await env.as(user);
  const socket = openSocket(env.web.url, manager.cookie);
  sockets.push(socket);
  const heard = record(socket);
  await connected(socket);
  await runOp(env, userActor(user), emit);
  await waitFor(() => heard.events.length === 1);
  const replay = await manager.get<EventReplay>('/api/events?after=0');
  return { pushed: heard.events[0], replayed: replay.body.events.at(-1) };
}

const orderOf = (event: EventEnvelope | undefined) => (event && 'order' in event.data ? (event.data.order as unknown as Record<string, unknown>) : undefined);

test('an order with a new column spread into it reaches neither the live push nor the replay', async (t) => {
  const tenant = await buildTenant(env.db);
  const user = await buildUser(env.db, { tenant });
  const { id } = await buildOrder(env.db, { tenant });
  await env.db('orders').where({ id }).update({ internal_note: 'звонить только после 18' });

  const { pushed, replayed } = await pushedAndReplayed(user, async ({ trx, emit }) => {
    const row = await selectOrders(trx, tenant.id).where('o.id', id).first();
    // A careless mapper: the DTO and then the whole row over it.
    const order = { ...(await loadOrder(trx, tenant.id, id)), ...row };
    await emit('orders.updated', id, { order, fields: ['description'] });
  });

  const expected = await loadOrder(env.db, tenant.id, id);
  for (const [path, order] of [['push', orderOf(pushed)], ['replay', orderOf(replayed)]] as const) {
    t.truthy(order, path);
    t.deepEqual(Object.keys(order!).toSorted(), Object.keys(expected).toSorted(), path);
    t.false(JSON.stringify(order).includes('звонить'), path);
    t.is(order!.number, expected.number, path);
  }
  t.deepEqual(pushed, replayed);
});

test("a master's passport slipped into a master event reaches neither the live push nor the replay", async (t) => {
  const tenant = await buildTenant(env.db);
  const user = await buildUser(env.db, { tenant, role: 'owner' });
  const { id } = await buildMaster(env.db, { tenant });

  const { pushed, replayed } = await pushedAndReplayed(user, async ({ trx, emit }) => {
    const master = { ...(await loadMaster(trx, tenant.id, id)), passport: '4510 123456' };
    await emit('masters.updated', null, { master, fields: ['name'] });
  });

  for (const [path, event] of [['push', pushed], ['replay', replayed]] as const) {
    t.is(event?.type, 'masters.updated', path);
    const master = event && 'master' in event.data ? event.data.master : undefined;
    t.is(master?.id, id, path);
    t.false(JSON.stringify(event).includes('4510'), path);
  }
  t.deepEqual(pushed, replayed);
});
