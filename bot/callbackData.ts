// Callback data builders: `offer.pack({ orderId: 7 })` → "offer:7", and back, instead of
// splitting strings by hand in every handler. Telegram allows 64 bytes.

type FieldType = NumberConstructor | StringConstructor;
type Values<S extends Record<string, FieldType>> = { [K in keyof S]: S[K] extends NumberConstructor ? number : string };

export interface CallbackData<S extends Record<string, FieldType>> {
  /** Matches this kind of button (for bot.callbackQuery). */
  filter: RegExp;
  pack(values: Values<S>): string;
  /** null for data of another kind or with a malformed field. */
  unpack(data: string | undefined): Values<S> | null;
}

export function createCallbackData<S extends Record<string, FieldType>>(id: string, spec: S): CallbackData<S> {
  const keys = Object.keys(spec) as (keyof S & string)[];
  const filter = new RegExp(`^${id}${keys.map(() => ':([^:]*)').join('')}$`);
  return {
    filter,
    pack(values) {
      const data = [id, ...keys.map((key) => String(values[key]))].join(':');
      if (Buffer.byteLength(data) > 64) throw new Error(`callback data over 64 bytes: ${data}`);
      return data;
    },
    unpack(data) {
      const match = data === undefined ? null : filter.exec(data);
      if (!match) return null;
      const values: Record<string, string | number> = {};
      for (const [index, key] of keys.entries()) {
        const raw = match[index + 1]!;
        if (spec[key] === Number) {
          if (!/^\d{1,10}$/.test(raw)) return null;
          values[key] = Number(raw);
        } else values[key] = raw;
      }
      return values as Values<S>;
    },
  };
}

/** Registration: the step a button belongs to, what it does, and a value (city or kind id). */
export const regButton = createCallbackData('reg', { step: String, action: String, value: Number });
/** «Принять» on an offer. */
export const acceptButton = createCallbackData('offer', { orderId: Number });
/** Actions on a won order: done, reschedule, open. */
export const orderButton = createCallbackData('ord', { action: String, orderId: Number });
/** The photo step after «Выполнено»: done or skip. */
export const photosButton = createCallbackData('ph', { action: String, orderId: Number });
/** Pay an order's commission. */
export const payButton = createCallbackData('pay', { orderId: Number });
/** Profile: which field to edit, city and kind picks, done, cancel. */
export const profileButton = createCallbackData('prof', { action: String, value: Number });
/** «Мои заказы» filters. */
export const listButton = createCallbackData('list', { filter: String });
/** «Выйти на смену» under the approval notice. */
export const shiftButton = createCallbackData('shift', { on: Number });
