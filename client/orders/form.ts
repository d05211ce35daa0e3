import { kopecksToRubles, rublesToKopecks } from '../../shared/money.ts';
import { fromZonedInput, toZonedInput } from '../../shared/time.ts';
import type { OrderDTO } from '../../shared/types.ts';
import type { CreateOrderBody, UpdateOrderBody } from '../api/orders.ts';
import type { I18n, MessageKey } from '../i18n/index.ts';
import type { BoardState } from '../store/board.ts';
import { zone } from '../store/clock.ts';

/** The drawer's form: strings as the inputs hold them, converted at the edges. */
export interface FormValues {
  customerName: string;
  customerPhone: string;
  cityId: string;
  kindId: string;
  channelId: string;
  description: string;
  street: string;
  address: string;
  plannedAt: string;
  price: string;
  commission: string;
  seoTitle: string;
  seoDescription: string;
  seoSlug: string;
  seoPublished: boolean;
}
export type FieldKey = keyof FormValues;
export type FieldErrors = Partial<Record<FieldKey, string>>;

const rubles = (kopecks: number) => String(kopecksToRubles(kopecks));

export function valuesFromOrder(order: OrderDTO): FormValues {
  return {
    customerName: order.customer?.name ?? '',
    customerPhone: order.customer?.phone ?? '',
    cityId: String(order.cityId),
    kindId: String(order.kindId),
    channelId: String(order.channelId),
    description: order.description,
    street: order.street,
    address: order.address,
    plannedAt: toZonedInput(order.plannedAt, zone()),
    price: rubles(order.price),
    commission: rubles(order.commission),
    seoTitle: order.seo.title,
    seoDescription: order.seo.description,
    seoSlug: order.seo.slug,
    seoPublished: order.seo.published,
  };
}

export function emptyValues(board: BoardState): FormValues {
  const phone = board.channels.find((c) => c.type === 'phone') ?? board.channels[0];
  return {
    customerName: '',
    customerPhone: '',
    cityId: String(board.cities[0]?.id ?? ''),
    kindId: String(board.kinds[0]?.id ?? ''),
    channelId: String(phone?.id ?? ''),
    description: '',
    street: '',
    address: '',
    plannedAt: '',
    price: '',
    commission: '',
    seoTitle: '',
    seoDescription: '',
    seoSlug: '',
    seoPublished: false,
  };
}

export function changedFields(base: FormValues, draft: FormValues): FieldKey[] {
  return (Object.keys(draft) as FieldKey[]).filter((key) => draft[key] !== base[key]);
}

/** "2 500,50" → 250050 kopecks; undefined when it is not an amount. */
export function parseRubles(text: string): number | undefined {
  const normalised = text.replace(/[\s\u00a0₽]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(normalised)) return undefined;
  return rublesToKopecks(Number(normalised));
}

type Converted<T> = { ok: true; body: T } | { ok: false; errors: FieldErrors };

function convert(draft: FormValues, fields: FieldKey[], t: I18n['t']): Converted<Partial<CreateOrderBody> & { commission?: number }> {
  const errors: FieldErrors = {};
  const body: Partial<CreateOrderBody> & { commission?: number } = {};
  const has = (key: FieldKey) => fields.includes(key);
  if (has('customerName') || has('customerPhone')) {
    if (!draft.customerName.trim()) errors.customerName = t('field.required');
    if (!draft.customerPhone.trim()) errors.customerPhone = t('field.required');
    body.customer = { name: draft.customerName.trim(), phone: draft.customerPhone.trim() };
  }
  if (has('cityId')) body.cityId = Number(draft.cityId);
  if (has('kindId')) body.kindId = Number(draft.kindId);
  if (has('channelId')) body.channelId = Number(draft.channelId);
  if (has('description')) body.description = draft.description;
  if (has('street')) {
    if (!draft.street.trim()) errors.street = t('field.required');
    body.street = draft.street;
  }
  if (has('address')) body.address = draft.address;
  if (has('plannedAt')) body.plannedAt = draft.plannedAt ? fromZonedInput(draft.plannedAt, zone()) : null;
  if (has('price')) {
    const price = parseRubles(draft.price);
    if (price === undefined) errors.price = draft.price.trim() ? t('field.badMoney') : t('field.required');
    else body.price = price;
  }
  if (has('commission') && draft.commission.trim()) {
    const commission = parseRubles(draft.commission);
    if (commission === undefined) errors.commission = t('field.badMoney');
    else body.commission = commission;
  }
  const seo: Partial<OrderDTO['seo']> = {};
  if (has('seoTitle')) seo.title = draft.seoTitle;
  if (has('seoDescription')) seo.description = draft.seoDescription;
  if (has('seoSlug')) seo.slug = draft.seoSlug.trim();
  if (has('seoPublished')) seo.published = draft.seoPublished;
  if (Object.keys(seo).length) body.seo = seo;
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, body };
}

export function toCreateBody(draft: FormValues, t: I18n['t']): Converted<CreateOrderBody> {
  const all = (Object.keys(draft) as FieldKey[]).filter((key) => key !== 'commission' || draft.commission.trim() !== '');
  // Required on create even when untouched.
  return convert(draft, [...all, 'customerName', 'street', 'price'], t) as Converted<CreateOrderBody>;
}

/** Only the fields this manager changed, against the version they are based on. */
export function toUpdateBody(draft: FormValues, fields: FieldKey[], version: number, t: I18n['t']): Converted<UpdateOrderBody> {
  const converted = convert(draft, fields, t);
  if (fields.includes('commission') && !draft.commission.trim()) {
    return { ok: false, errors: { ...(converted.ok ? {} : converted.errors), commission: t('field.required') } };
  }
  return converted.ok ? { ok: true, body: { ...converted.body, version } } : converted;
}

/** The server names a field by its path ("customer.phone"); the form by its key. */
export function fieldFromServer(path: string | undefined): FieldKey | undefined {
  const map: Record<string, FieldKey> = {
    'customer.name': 'customerName',
    'customer.phone': 'customerPhone',
    customer: 'customerPhone',
    'seo.title': 'seoTitle',
    'seo.description': 'seoDescription',
    'seo.slug': 'seoSlug',
    'seo.published': 'seoPublished',
  };
  if (!path) return undefined;
  return map[path] ?? ((['cityId', 'kindId', 'channelId', 'description', 'street', 'address', 'plannedAt', 'price', 'commission'] as string[]).includes(path) ? (path as FieldKey) : undefined);
}

export const fieldLabel: Record<FieldKey, MessageKey> = {
  customerName: 'short.customer',
  customerPhone: 'field.customerPhone',
  cityId: 'short.city',
  kindId: 'short.kind',
  channelId: 'short.channel',
  description: 'short.description',
  street: 'short.street',
  address: 'short.address',
  plannedAt: 'short.plannedAt',
  price: 'short.price',
  commission: 'short.commission',
  seoTitle: 'field.seoTitle',
  seoDescription: 'field.seoDescription',
  seoSlug: 'field.seoSlug',
  seoPublished: 'field.seoPublished',
};

export interface DiffLine {
  label: string;
  from: string;
  to: string;
}

export const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** What changed between two versions of an order, in words and in the user's language. */
export function describeDiff(before: OrderDTO, after: OrderDTO, board: BoardState, i18n: I18n): DiffLine[] {
  const { t } = i18n;
  const empty = t('short.empty');
  const text = (value: string | null | undefined) => (value ? clip(value) : empty);
  const lines: DiffLine[] = [];
  const add = (label: string, from: string, to: string) => {
    if (from !== to) lines.push({ label, from, to });
  };
  const status = (code: string) => board.names.statuses.get(code)?.name[i18n.locale] ?? code;
  add(t('drawer.status'), status(before.status), status(after.status));
  add(t('short.customer'), text(before.customer?.name), text(after.customer?.name));
  add(t('field.customerPhone'), text(before.customer?.phone), text(after.customer?.phone));
  add(t('short.city'), text(board.names.cities.get(before.cityId)), text(board.names.cities.get(after.cityId)));
  add(t('short.kind'), text(board.names.kinds.get(before.kindId)), text(board.names.kinds.get(after.kindId)));
  add(t('short.channel'), text(board.names.channels.get(before.channelId)), text(board.names.channels.get(after.channelId)));
  add(t('short.description'), text(before.description), text(after.description));
  add(t('short.street'), text(before.street), text(after.street));
  add(t('short.address'), text(before.address), text(after.address));
  const date = (iso: string | null) => (iso ? i18n.dateTime(iso) : empty);
  add(t('short.plannedAt'), date(before.plannedAt), date(after.plannedAt));
  add(t('short.price'), i18n.money(before.price), i18n.money(after.price));
  add(t('short.commission'), i18n.money(before.commission), i18n.money(after.commission));
  add(t('short.master'), text(before.master?.name), text(after.master?.name));
  add(t('field.seoTitle'), text(before.seo.title), text(after.seo.title));
  add(t('field.seoDescription'), text(before.seo.description), text(after.seo.description));
  add(t('field.seoSlug'), text(before.seo.slug), text(after.seo.slug));
  add(t('field.seoPublished'), before.seo.published ? '✓' : '—', after.seo.published ? '✓' : '—');
  return lines;
}

/** A form value as the user would read it (for "your changes"). */
export function displayValue(key: FieldKey, values: FormValues, board: BoardState, i18n: I18n): string {
  const empty = i18n.t('short.empty');
  switch (key) {
    case 'cityId':
      return board.names.cities.get(Number(values.cityId)) ?? empty;
    case 'kindId':
      return board.names.kinds.get(Number(values.kindId)) ?? empty;
    case 'channelId':
      return board.names.channels.get(Number(values.channelId)) ?? empty;
    case 'price':
    case 'commission': {
      const kopecks = parseRubles(values[key]);
      return kopecks === undefined ? values[key] || empty : i18n.money(kopecks);
    }
    case 'plannedAt':
      return values.plannedAt ? i18n.dateTime(fromZonedInput(values.plannedAt, zone()) ?? values.plannedAt) : empty;
    case 'seoPublished':
      return values.seoPublished ? '✓' : '—';
    default:
      return values[key] ? clip(values[key]) : empty;
  }
}
