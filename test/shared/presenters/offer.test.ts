import test from 'ava';
import { presentOffer } from '../../../shared/presenters/offer.ts';
import type { OrderDTO } from '../../../shared/types.ts';

const order: OrderDTO = {
  id: 7,
  number: 12,
  status: 'dispatched',
  cityId: 1,
  kindId: 2,
  channelId: 3,
  customer: { id: 4, name: 'Мария Клиентова', phone: '+79261234567' },
  description: 'Заменить смеситель. Звонить Мария Клиентова, 8 (926) 123-45-67, адрес ул. Тверская, д. 7, кв. 12',
  street: 'ул. Тверская',
  address: 'ул. Тверская, д. 7, кв. 12',
  plannedAt: '2026-12-15T11:00:00.000Z',
  price: 200_000,
  commission: 20_000,
  master: null,
  version: 3,
  noTaker: null,
  cancelReason: null,
  seo: { title: '', description: '', slug: '', published: false },
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  statusChangedAt: '2026-12-01T00:00:00.000Z',
};

test('an offer carries the work, the street and the money: a whitelist', (t) => {
  const offer = presentOffer(order);
  t.deepEqual(Object.keys(offer).sort(), ['cityId', 'commission', 'description', 'id', 'kindId', 'number', 'plannedAt', 'price', 'street']);
  t.like(offer, { id: 7, number: 12, street: 'ул. Тверская', price: 200_000, commission: 20_000, plannedAt: '2026-12-15T11:00:00.000Z' });
});

test('no customer name, phone, house or flat, even typed into the description', (t) => {
  const json = JSON.stringify(presentOffer(order));
  for (const secret of ['Мария', 'Клиентова', '79261234567', '926) 123-45-67', 'д. 7', 'кв. 12']) t.false(json.includes(secret), secret);
  t.true(presentOffer(order).description.startsWith('Заменить смеситель.'));
});

test('a description without secrets is left as it is', (t) => {
  const plain = { ...order, description: 'Течёт кран на кухне, 2 часа работы' };
  t.is(presentOffer(plain).description, 'Течёт кран на кухне, 2 часа работы');
});
