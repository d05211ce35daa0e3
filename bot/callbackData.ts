// Callback data builders: `offer.pack({ orderId: 7 })` → "offer:7", and back, instead of
// splitting strings by hand in every handler. Telegram allows 64 bytes.
//
// Anyone can send a bot any callback data, so a spec says exactly what the bot issues: an id
// field is a database id, every other field one of a fixed list. Anything else matches no
// button, reaches the «Эта кнопка уже не действует» answer (features/unhandled.ts) and does nothing.

/** `Number`: an id (a Postgres integer, 0 where a button carries none); a list: the only values allowed. */
type Field = NumberConstructor | readonly (string | number)[];
type ValueOf<F extends Field> = F extends NumberConstructor ? number : F extends readonly (infer V)[] ? V : never;
type Values<S extends Record<string, Field>> = { [K in keyof S]: ValueOf<S[K]> };

export interface CallbackData<S extends Record<string, Field>> {
  /** Matches this kind of button, with allowed values only (for bot.callbackQuery). */
  filter: RegExp;
  pack(values: Values<S>): string;
  /** null for data of another kind or with a value the bot never issues. */
  unpack(data: string | undefined): Values<S> | null;
}

/** What a button of this kind carries, once unpacked. */
export type DataOf<C> = C extends CallbackData<infer S> ? Values<S> : never;

const MAX_ID = 2_147_483_647;
const ID_PATTERN = '0|[1-9]\\d{0,9}';
const ID = new RegExp(`^(${ID_PATTERN})$`);

/** A database id as the bot writes it (digits, no leading zero, within Postgres' integer), or null. */
export function parseId(raw: string): number | null {
  return ID.test(raw) && Number(raw) <= MAX_ID ? Number(raw) : null;
}

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

export function createCallbackData<const S extends Record<string, Field>>(id: string, spec: S): CallbackData<S> {
  const keys = Object.keys(spec) as (keyof S & string)[];
  const patterns = keys.map((key) => {
    const field: Field = spec[key];
    return field === Number ? ID_PATTERN : (field as readonly (string | number)[]).map((value) => escape(String(value))).join('|');
  });
  const filter = new RegExp(`^${escape(id)}${patterns.map((pattern) => `:(${pattern})`).join('')}$`);
  const unpack = (data: string | undefined): Values<S> | null => {
    const match = data === undefined ? null : filter.exec(data);
    if (!match) return null;
    const values: Record<string, string | number> = {};
    for (const [index, key] of keys.entries()) {
      const raw = match[index + 1]!;
      const field: Field = spec[key];
      if (field === Number) {
        const id = parseId(raw);
        if (id === null) return null;
        values[key] = id;
      } else values[key] = (field as readonly (string | number)[]).find((value) => String(value) === raw)!;
    }
    return values as Values<S>;
  };
  return {
    filter,
    pack(values) {
      const data = [id, ...keys.map((key) => String(values[key]))].join(':');
      if (Buffer.byteLength(data) > 64) throw new Error(`callback data over 64 bytes: ${data}`);
      if (!unpack(data)) throw new Error(`callback data outside its spec: ${data}`);
      return data;
    },
    unpack,
  };
}

/** Registration: the step a button belongs to, what it does, and a value (city or kind id). */
export const regButton = createCallbackData('reg', {
  step: ['intro', 'policy', 'name', 'passport', 'city', 'kinds'],
  action: ['start', 'lang', 'agree', 'skip', 'pick', 'toggle', 'done', 'back'],
  value: Number,
});
/** «Принять» on an offer. */
export const acceptButton = createCallbackData('offer', { orderId: Number });
/** Actions on a won order: open its card, finish, reschedule. */
export const orderButton = createCallbackData('ord', { action: ['card', 'done', 'resched'], orderId: Number });
/** The photo step after «Выполнено» (done or skip), and cancelling a reschedule. */
export const photosButton = createCallbackData('ph', { action: ['done', 'skip', 'cancel'], orderId: Number });
/** Pay an order's commission. */
export const payButton = createCallbackData('pay', { orderId: Number });
/** Profile: which field to edit, city and kind picks, done, cancel. */
export const profileButton = createCallbackData('prof', {
  action: ['name', 'phone', 'city', 'kinds', 'lang', 'pick-city', 'toggle-kind', 'kinds-done', 'cancel'],
  value: Number,
});
/** «Мои заказы» filters. */
export const listButton = createCallbackData('list', { filter: ['work', 'unpaid', 'paid'] });
/** «Выйти на смену» under the approval notice (it only ever says 1; 0 is the way back). */
export const shiftButton = createCallbackData('shift', { on: [0, 1] });
