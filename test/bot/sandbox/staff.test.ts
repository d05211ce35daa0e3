import test from 'ava';
import type { SandboxChat } from '../../../bot/sandbox/index.ts';
import { DEMO_PASSWORD } from '../../../db/seeds/demo.ts';
import { startDemoSandbox } from '../../support/demoSandbox.ts';
import { ApiClient } from '../../support/http.ts';
import { waitFor } from '../../support/wait.ts';

test('in the demo, a manager links a sandbox chat with the code from his profile and asks /balance there', async (t) => {
  const demo = await startDemoSandbox();
  t.teardown(() => demo.stop());
  const boris = await new ApiClient(demo.web.url).login('boris@example.com', DEMO_PASSWORD);
  const chat = async (userId: number) => (await boris.get<SandboxChat>(`/sandbox/api/chats/${userId}`)).body;
  const botSays = (userId: number, text: string) => waitFor(async () => (await chat(userId)).messages.some((m) => m.from === 'bot' && (m.text ?? '').includes(text)), 10_000, 100);

  const issued = await boris.post('/api/profile/telegram', {});
  t.is(issued.body.link, null, 'the sandbox is no Telegram: the code is typed, not opened from t.me');
  const { person } = (await boris.post('/sandbox/api/people')).body;
  t.is((await boris.post(`/sandbox/api/chats/${person.userId}/text`, { text: `/start staff_${issued.body.code}` })).status, 204);
  t.true(await botSays(person.userId, 'этот Telegram привязан'));
  t.like((await boris.get('/api/profile/telegram')).body, { telegram: { linked: true } });

  const customer = await demo.deps.db('customers as c').join('tenants as t', 't.id', 'c.tenant_id').where('t.slug', 'demo').first('c.phone');
  await boris.post(`/sandbox/api/chats/${person.userId}/text`, { text: `/balance ${customer.phone}` });
  t.true(await botSays(person.userId, 'Бонусов:'));
});
