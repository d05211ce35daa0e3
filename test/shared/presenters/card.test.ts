import test from 'ava';
import { presentCard } from '../../../shared/presenters/card.ts';
import type { OrderDTO } from '../../../shared/types.ts';

const order: OrderDTO = {
  id: 7,
  number: 12,
  status: 'accepted',
  cityId: 1,
  kindId: 2,
  channelId: 3,
  customer: { id: 4, name: 'Мария Клиентова', phone: '+79261234567', orderCount: 1 },
  description: 'Заменить смеситель',
  street: 'ул. Тверская',
  address: 'ул. Тверская, д. 7, кв. 12',
  plannedAt: '2026-12-15T11:00:00.000Z',
  price: 200_000,
  commission: 20_000,
  commissionManual: true,
  bonusSpent: 0,
  master: { id: 9, name: 'Иван' },
  createdById: 5,
  version: 3,
  noTaker: null,
  cancelReason: 'клиент передумал',
  seo: { title: 'Замена смесителя', description: '', slug: 'zamena', published: true },
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  statusChangedAt: '2026-12-01T00:00:00.000Z',
};

test("the winner's card: the customer and the whole address, and nothing of the staff's; a whitelist", (t) => {
  const withExtra = { ...order, internalNote: 'звонить после 18', customer: { ...order.customer!, passport: '4510 123456' } };
  t.deepEqual(presentCard(withExtra), {
    id: 7,
    number: 12,
    status: 'accepted',
    cityId: 1,
    kindId: 2,
    customer: { name: 'Мария Клиентова', phone: '+79261234567' },
    street: 'ул. Тверская',
    address: 'ул. Тверская, д. 7, кв. 12',
    plannedAt: '2026-12-15T11:00:00.000Z',
    price: 200_000,
    commission: 20_000,
    description: 'Заменить смеситель',
  });
  t.is(presentCard({ ...order, customer: null }).customer, null);
});
