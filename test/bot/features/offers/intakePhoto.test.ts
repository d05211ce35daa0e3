// A phone order taken with the customer's photo and sent to the masters in one step: the offer
// the masters get is that photo, with the offer's caption.
import test from 'ava';
import { waitFor } from '../../../support/wait.ts';
import { offersIn, startBotHarness } from '../../harness.ts';

test('«Создать и отправить мастерам» with a photo: every matching master gets the offer as that photo, without the customer', async (t) => {
  const h = await startBotHarness(t, { fake: { requireStart: false } });
  const masters = [await h.master({ rating: 2 }), await h.master({ rating: 1 })];
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 9, 9, 0xff, 0xd9]);
  const created = await h.manager.post('/api/orders', {
    cityId: h.tenant.cityId,
    kindId: h.tenant.kindId,
    channelId: h.tenant.channelId,
    customer: { name: 'Ольга Звонкова', phone: '+7 916 555-01-02' },
    street: 'ул. Ленина',
    address: 'ул. Ленина, д. 5, кв. 12',
    description: 'Течёт под раковиной, фото от клиента',
    price: 300_000,
    dispatch: true,
    photos: [{ mime: 'image/jpeg', data: jpeg.toString('base64') }],
  });
  t.is(created.status, 201);
  const order = created.body.order as { id: number; number: number; status: string };
  t.is(order.status, 'dispatched');
  t.true(await waitFor(() => masters.every((m) => offersIn(m.user, order.number).length === 1), 8000), 'both masters have the offer');
  for (const m of masters) {
    const offer = offersIn(m.user, order.number)[0]!;
    t.truthy(offer.photo, 'a photo message');
    t.deepEqual(Buffer.from(h.tg.file(offer.photo!.at(-1)!)!.bytes), jpeg, 'the customer’s photo');
    t.regex(offer.caption!, /Новый заказ №\d+[\s\S]*ул\. Ленина/);
    t.notRegex(offer.caption!, /Ольга|555-01-02|кв\. 12/, 'no customer, no flat');
  }
});
