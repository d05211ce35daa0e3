import test from 'ava';
import fc from 'fast-check';
import { presentOffer } from '../../../shared/presenters/offer.ts';
import type { OrderDTO } from '../../../shared/types.ts';

const order: OrderDTO = {
  id: 7,
  number: 12,
  status: 'dispatched',
  cityId: 1,
  kindId: 2,
  channelId: 3,
  customer: { id: 4, name: 'Мария Клиентова', phone: '+79261234567', orderCount: 1 },
  description: 'Заменить смеситель. Звонить Мария Клиентова, 8 (926) 123-45-67, адрес ул. Тверская, д. 7, кв. 12',
  street: 'ул. Тверская',
  address: 'ул. Тверская, д. 7, кв. 12',
  plannedAt: '2026-12-15T11:00:00.000Z',
  price: 200_000,
  commission: 20_000,
  commissionManual: false,
  bonusSpent: 0,
  master: null,
  createdById: null,
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
  for (const description of ['Течёт кран на кухне, 2 часа работы', 'Приехать к 10:00, 15.12.2026 14:00; смеситель 1500, работа 2000, 3000 за выезд', 'Площадь 50 кв. м, ул. 8 Марта']) {
    t.is(presentOffer({ ...order, description }).description, description);
  }
});

const customer = { ...order, customer: { id: 4, name: 'Мария Тестовая', phone: '+79035551234', orderCount: 1 }, address: 'ул. Тверская, д. 7, кв. 42' };
const shown = (description: string) => presentOffer({ ...customer, description }).description;

test('the leaks found in the issue are masked, the rest of the text stays', (t) => {
  t.is(shown('Звонить 8903/555/12/34 после обеда'), 'Звонить ••• после обеда');
  t.is(shown('Звонить 8_903_555_12_34 после обеда'), 'Звонить ••• после обеда');
  t.is(shown('Почта maria@example.com, ответит'), 'Почта •••, ответит');
  t.is(shown('Спросить МАРИЯ ТЕСТОВАЯ у входа'), 'Спросить ••• ••• у входа');
  t.is(shown('Тверская, дом 7 кв 42, домофон'), 'Тверская, ••• •••, домофон');
  t.is(shown('Марии Тестовой передать ключ'), '••• ••• передать ключ', 'declined forms too');
  t.is(shown('Городской 555-12-34'), 'Городской •••', "the customer's number without the code");
  t.is(shown('ул. Тверская, д. 7, кв. 42'), 'ул. Тверская, •••', 'the street stays');
  t.is(shown('Тверская 7-42 у лифта, 3-й подъезд, 5 этаж, корп. 2, стр.1, к2, apt 4, flat 5'), 'Тверская ••• у лифта, •••, •••, •••, •••, •••, •••, •••');
  t.is(shown('Звонить +7 (903) 555-12-34 или сыну +375 29 123 45 67, tg @maria_t'), 'Звонить ••• или сыну •••, tg •••');
});

// Generated spellings. Filler is everyday work talk; no word of it is a secret.
const vocabulary = ['заменить', 'смеситель', 'течёт', 'кран', 'на', 'кухне', 'срочно', 'после', 'обеда', 'работы', 'часа', 'штуки', 'розетка', 'плитка', 'выезд', 'оплата', 'наличными', 'ключ', 'соседей', 'звонить', 'спросить'];
const customers = [
  { name: 'Мария Тестовая', forms: ['Мария', 'Марии', 'Марией', 'Марию', 'Тестовая', 'Тестовой', 'Тестовую'] },
  { name: 'Семён Королёв', forms: ['Семён', 'Семена', 'Семёну', 'Королёв', 'Королева', 'Королёвым'] },
  { name: 'Алёна Фёдорова', forms: ['Алёна', 'Алены', 'Алёной', 'Фёдорова', 'Федоровой'] },
  { name: 'Пётр Иванов', forms: ['Пётр', 'Петра', 'Петру', 'Иванов', 'Иванова', 'Ивановым'] },
  { name: 'Olga Smirnova', forms: ['Olga', 'Smirnova'] },
];

const swapYo: Record<string, string> = { е: 'ё', ё: 'е', Е: 'Ё', Ё: 'Е' };
/** Each letter upper or lower case at random, е and ё swapped at random. */
const randomCase = (text: string) =>
  fc.array(fc.constantFrom('lower', 'upper', 'yo'), { minLength: text.length, maxLength: text.length }).map((cases) =>
    [...text].map((char, i) => (cases[i] === 'upper' ? char.toUpperCase() : cases[i] === 'yo' ? (swapYo[char] ?? char) : char.toLowerCase())).join(''),
  );
const separator = fc.string({ unit: fc.constantFrom(' ', '-', '.', '/', '_', '(', ')', '\t', '\n', ',', ':', ';', '*', '–', '—', '\u00a0', '|', '\\'), minLength: 1, maxLength: 3 });
/** The digits with a random separator (or none) between any two of them. */
const spelled = (digits: string) =>
  fc.array(fc.option(separator, { freq: 2 }), { minLength: digits.length - 1, maxLength: digits.length - 1 }).map((seps) => digits[0] + seps.map((sep, i) => (sep ?? '') + digits[i + 1]).join(''));
const digitString = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
/** Ten digits of a Russian number: area codes and mobile prefixes start with 3, 4, 8 or 9. */
const national = fc.tuple(fc.constantFrom('3', '4', '8', '9'), digitString(9)).map(([first, rest]) => first + rest);
/** A number as people type it; the bare seven-digit local part only for the customer's own (`local`). */
const phoneText = (digits: string, local: boolean) =>
  fc.oneof(
    spelled(digits),
    fc.tuple(fc.constantFrom('8', '7'), fc.constantFrom('', ' ', '-', '(')).chain(([prefix, sep]) => spelled(digits).map((text) => `${prefix}${sep}${text}`)),
    fc.tuple(fc.constantFrom('+7', '+ 7', '+7 ('), spelled(digits)).map(([prefix, text]) => `${prefix}${text}`),
    spelled(`7${digits}`).map((text) => `+${text}`),
    ...(local ? [spelled(digits.slice(-7))] : []),
  );
const spacing = fc.constantFrom('', ' ', '  ', '\u00a0', ' . ');
const houseNumber = fc.tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom('', 'А', 'б', '/2', '-1')).map(([n, suffix]) => `${n}${suffix}`);
const unitWord = fc.constantFrom('д.', 'д', 'дом', 'корп.', 'корпус', 'к.', 'стр.', 'строение', 'кв.', 'кв', 'квартира', 'квартиру', 'подъезд', 'этаж', 'офис', 'apt', 'apt.', 'flat');
const unitText = fc.oneof(
  fc.tuple(unitWord.chain(randomCase), spacing, fc.constantFrom('', '№', '№ '), houseNumber).map((parts) => parts.join('')),
  fc.tuple(fc.integer({ min: 1, max: 30 }), fc.constantFrom(' ', '-й ', '-м ', ' '), fc.constantFrom('этаж', 'этаже', 'подъезд', 'подъезде').chain(randomCase)).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom('Тверская', 'тверская'), fc.constantFrom(' ', ', '), houseNumber, fc.constantFrom('-', ', ', ' ', '/', ' - '), houseNumber).map((parts) => parts.join('')),
);
const nameText = fc.constantFrom(...customers).chain((c) => fc.constantFrom(c.name, ...c.forms).chain(randomCase).map((text) => ({ customer: c, text })));
const word = fc.constantFrom(...vocabulary);
const fillerWords = fc.array(word, { minLength: 1, maxLength: 6 });
const joiner = fc.constantFrom(' ', ', ', '. ', '; ', ' — ', '\n');

/** The secrets put among filler words, in a random order, with the street somewhere. */
const description = (secrets: fc.Arbitrary<string[]>, filler: fc.Arbitrary<string>) =>
  fc.tuple(secrets, fc.array(filler, { minLength: 1, maxLength: 8 }), fc.array(joiner, { minLength: 20, maxLength: 20 })).chain(([parts, fillers, joins]) =>
    fc.shuffledSubarray([...parts, ...fillers, 'ул. Тверская'], { minLength: parts.length + fillers.length + 1 }).map((pieces) => ({
      text: pieces.map((piece, i) => (i ? joins[i % joins.length] : '') + piece).join(''),
      fillers,
    })),
  );
const orderWith = (text: string, name: string, phone: string): OrderDTO => ({ ...customer, customer: { id: 4, name, phone, orderCount: 1 }, description: text });
const fold = (text: string) => text.toLowerCase().replaceAll('ё', 'е');
const fillerSurvives = (out: string, fillers: string[]) => fillers.every((filler) => fold(out).includes(fold(filler)));

/** Digits the output still holds next to each other (letters and masks cut them apart). */
const digitClusters = (text: string) => text.split(/[\p{L}•]+/u).map((chunk) => chunk.replace(/\D/g, ''));
const keepsAnyFive = (text: string, secret: string) => digitClusters(text).some((cluster) => [...secret].some((_, i) => i + 5 <= secret.length && cluster.includes(secret.slice(i, i + 5))));

test('property: phones with any separators are masked, next to numbers of the work too', (t) => {
  // Filler carries short numbers ("12 штуки", "кран 5") that may stand right next to a phone.
  const numbered = fc.oneof(fillerWords.map((w) => w.join(' ')), fc.tuple(fc.integer({ min: 1, max: 99 }), word).map(([n, w]) => `${n} ${w}`), fc.tuple(word, fc.integer({ min: 1, max: 99 })).map(([w, n]) => `${w} ${n}`));
  const cases = fc.tuple(national, national).chain(([own, other]) =>
    description(fc.tuple(phoneText(own, true), phoneText(other, false)), numbered).map(({ text }) => ({ own, other, text })),
  );
  fc.assert(
    fc.property(cases, ({ own, other, text }) => {
      const out = presentOffer(orderWith(text, 'Мария Тестовая', `+7${own}`)).description;
      return !keepsAnyFive(out, own) && !keepsAnyFive(out, other) && out.includes('ул. Тверская');
    }),
    { numRuns: 1000 },
  );
  t.pass();
});

test("property: the customer's name in any letter case, ё or е, declined, is masked", (t) => {
  fc.assert(
    fc.property(nameText, nameText, fillerWords, (first, second, words) => {
      const name = first.customer.name;
      const mentions = [first.text, ...(second.customer === first.customer ? [second.text] : [])];
      const text = [...words.slice(0, 2), ...mentions.flatMap((mention) => [mention, ...words.slice(2)])].join(' ');
      const out = presentOffer(orderWith(text, name, '+79035551234')).description;
      return first.customer.forms.every((form) => !fold(out).includes(fold(form))) && fillerSurvives(out, words);
    }),
    { numRuns: 500 },
  );
  t.pass();
});

test('property: e-mails are masked whatever they hold', (t) => {
  fc.assert(
    fc.property(description(fc.array(fc.emailAddress(), { minLength: 1, maxLength: 2 }), fillerWords.map((w) => w.join(' '))), ({ text, fillers }) => {
      const out = presentOffer(orderWith(text, 'Мария Тестовая', '+79035551234')).description;
      return !out.includes('@') && fillerSurvives(out, fillers);
    }),
    { numRuns: 500 },
  );
  t.pass();
});

test('property: house, building, entrance, floor and flat numbers are masked, the street stays', (t) => {
  fc.assert(
    fc.property(description(fc.array(unitText, { minLength: 1, maxLength: 4 }), fillerWords.map((w) => w.join(' '))), ({ text, fillers }) => {
      const out = presentOffer(orderWith(text, 'Мария Тестовая', '+79035551234')).description;
      return !/\d/.test(out) && out.includes('ул. Тверская') && fillerSurvives(out, fillers);
    }),
    { numRuns: 1000 },
  );
  t.pass();
});

test('property: all of it at once leaves no digit, no name, no e-mail', (t) => {
  const secrets = fc.tuple(national, nameText).chain(([own, name]) =>
    fc.tuple(phoneText(own, true), phoneText(own, true), fc.emailAddress(), unitText, unitText).map((parts) => ({ own, name, parts: [...parts, name.text] })),
  );
  fc.assert(
    fc.property(secrets.chain((s) => description(fc.constant(s.parts), fillerWords.map((w) => w.join(' '))).map((d) => ({ ...s, ...d }))), ({ own, name, text, fillers }) => {
      const out = presentOffer(orderWith(text, name.customer.name, `+7${own}`)).description;
      return !/\d/.test(out) && !out.includes('@') && name.customer.forms.every((form) => !fold(out).includes(fold(form))) && out.includes('ул. Тверская') && fillerSurvives(out, fillers);
    }),
    { numRuns: 1000 },
  );
  t.pass();
});
