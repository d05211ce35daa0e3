// The bot reads the company's cities and kinds of work from a cache; a change made on the board
// reaches the next menu at once (the bot forgets them on the event), not after the cache's TTL.
import test from 'ava';
import { buildUser } from '../../support/factories.ts';
import { nextMessage, startBotHarness } from '../harness.ts';

test('a city the owner adds on the board is in the master’s city picker at once', async (t) => {
  const h = await startBotHarness(t);
  const owner = await h.env.as(await buildUser(h.env.db, { tenant: h.tenant, role: 'owner' }));
  const { user } = await h.master({ name: 'Сергей Смирнов' });
  const cityPicker = async () => {
    let reply = nextMessage(user, 'Что изменить?');
    user.sendText('👤 Профиль');
    await reply;
    reply = nextMessage(user, 'Выберите город');
    user.tapButton('Город');
    const picker = await reply;
    return user.buttons(picker.messageId).map((button) => button.text);
  };
  t.false((await cityPicker()).includes('Казань'), 'the picker read (and cached) the cities before');
  t.is((await owner.post('/api/cities', { name: 'Казань' })).status, 201);
  await h.bot.idle();
  t.true((await cityPicker()).includes('Казань'), 'the new city is offered at once');
});
