import type { CustomerDTO } from '../../shared/customers.ts';
import { excelCsv, excelDate, excelPhone, excelRoubles as roubles, inert } from './excelCsv.ts';

// The «Клиенты» tab as a file Russian Excel opens as it is, like the orders' (excelCsv.ts).

const HEADERS = ['Клиент', 'Телефон', 'Эл. почта', 'Метки', 'Заказов', 'Оплачено, ₽', 'Последний заказ', 'Бонусы', 'Согласие на SMS', 'Согласие на письма', 'Заметки', 'Карточка создана'];

export function customersCsv(rows: CustomerDTO[], zone: string): string {
  const lines = rows.map((row) => [
    inert(row.name),
    inert(excelPhone(row.phone)),
    inert(row.email ?? ''),
    inert(row.tags.join(', ')),
    row.orderCount,
    roubles(row.paidTotal),
    excelDate(row.lastOrderAt, zone),
    row.balance,
    excelDate(row.consent.sms, zone),
    excelDate(row.consent.email, zone),
    inert(row.notes),
    excelDate(row.createdAt, zone),
  ]);
  return excelCsv([HEADERS, ...lines]);
}
