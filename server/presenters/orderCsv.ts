import type { OrderExportRow } from '../../db/orders/queries.ts';
import { excelCsv, excelDate, excelPhone, excelRoubles as roubles, inert } from './excelCsv.ts';

// The archive as a file Russian Excel opens as it is (excelCsv.ts): Russian headers, dates on
// the company's clock, money in roubles with a decimal comma.

const HEADERS = [
  '№', 'Создан', 'Статус', 'Город', 'Вид работ', 'Канал', 'Клиент', 'Телефон', 'Улица', 'Адрес', 'Описание',
  'Запланирован', 'Мастер', 'Менеджер', 'Цена, ₽', 'Комиссия, ₽', 'Нет исполнителя', 'Просрочен',
];

/** `Менеджер` is who created the order (website orders have nobody). */
export function ordersCsv(rows: OrderExportRow[], zone: string): string {
  const lines = rows.map((row) => [
    row.number,
    excelDate(row.createdAt, zone),
    row.names.status,
    inert(row.names.city),
    inert(row.names.kind),
    inert(row.names.channel),
    inert(row.customer?.name ?? ''),
    inert(excelPhone(row.customer?.phone ?? '')),
    inert(row.street),
    inert(row.address),
    inert(row.description),
    excelDate(row.plannedAt, zone),
    inert(row.master?.name ?? ''),
    inert(row.createdBy?.name ?? ''),
    roubles(row.price),
    roubles(row.commission),
    row.noTaker ? 'да' : '',
    row.overdue ? 'да' : '',
  ]);
  return excelCsv([HEADERS, ...lines]);
}
