import fc from 'fast-check';
import { z } from 'zod';

// Values for fuzzing HTTP routes: shaped by a route's zod schema (through its JSON Schema), and
// hostile ones that people and scripts send anyway.

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
}

/** Field name → values that reach past the schema (ids of real rows, real phones, status codes). */
export type Hints = Record<string, fc.Arbitrary<unknown>>;

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const year = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1990, max: 2100 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 1, 999, 1899, 1900, 2200, 2201, 9999) });
export const dayText = fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
export const momentText = fc
  .tuple(dayText, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom('Z', '.123Z', '+03:00', '-11:30', '+14:00'))
  .map(([day, h, m, zone]) => `${day}T${pad(h, 2)}:${pad(m, 2)}:00${zone}`);

const INT32 = 2 ** 31 - 1;

/** Valid-shaped values for a schema's input; a hinted field takes its hint or a generated value. */
export function valuesFor(schema: z.ZodType, hints: Hints = {}): fc.Arbitrary<unknown> {
  return fromJsonSchema(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema, hints);
}

function fromJsonSchema(s: JsonSchema, hints: Hints, name?: string): fc.Arbitrary<unknown> {
  const generated = generate(s, hints);
  const hint = name === undefined ? undefined : hints[name];
  return hint ? fc.oneof({ weight: 6, arbitrary: hint }, { weight: 1, arbitrary: generated }) : generated;
}

function generate(s: JsonSchema, hints: Hints): fc.Arbitrary<unknown> {
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return fc.oneof(...variants.map((variant) => fromJsonSchema(variant, hints)));
  if (s.enum) return fc.constantFrom(...s.enum);
  if ('const' in s) return fc.constant(s.const);
  switch (s.type) {
    case 'string':
      return stringFor(s);
    case 'integer': {
      const min = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : (s.minimum ?? -1000);
      return fc.integer({ min: Math.max(min, -INT32), max: Math.min(s.maximum ?? 1_000_000, INT32) });
    }
    case 'number':
      return fc.double({ min: s.exclusiveMinimum ?? s.minimum ?? -1000, max: s.maximum ?? 1_000_000, minExcluded: s.exclusiveMinimum !== undefined, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(fromJsonSchema(s.items ?? {}, hints), { minLength: s.minItems ?? 0, maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 4, 4)) });
    case 'object': {
      if (s.properties) {
        const fields = Object.fromEntries(Object.entries(s.properties).map(([key, field]) => [key, fromJsonSchema(field, hints, key)]));
        return fc.record(fields, { requiredKeys: s.required ?? [] });
      }
      const values = typeof s.additionalProperties === 'object' ? fromJsonSchema(s.additionalProperties, hints) : fc.jsonValue({ maxDepth: 1 });
      return fc.dictionary(s.propertyNames ? stringFor(s.propertyNames) : fc.string(), values, { maxKeys: 4 });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringFor(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === 'date-time') return momentText;
  if (s.format === 'date') return dayText;
  if (s.format === 'uri') return fc.webUrl();
  if (s.format === 'email') return fc.emailAddress();
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
  const maxLength = Math.min(s.maxLength ?? 40, 40);
  const length = { minLength: Math.min(s.minLength ?? 0, maxLength), maxLength };
  return fc.oneof(fc.string({ unit: 'grapheme-ascii', ...length }), fc.string({ unit: 'grapheme', ...length }));
}

// Hostile values: what broke Postgres before (NUL, lone surrogates, year 0, phone-long digits),
// sizes past every cap, numbers past every column, and the wrong type wherever one is expected.
const MEGABYTE = 'ы'.repeat(512 * 1024);
const hostileText = fc.constantFrom(
  'A\u0000B', '\u0000', '\ud800', 'x\udc00y', '\udbff\ud800', '', ' ', '\t\n', 'ы'.repeat(100_000), MEGABYTE,
  '0000-01-01', '0000-06-01T00:00:00Z', '9999-12-31', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00Z', '2026-02-30', '2026-13-01T00:00:00Z',
  '9032077639', '99999999999999999999', '-1', '0', '1e309', 'NaN', 'Infinity', '+03:00', "'; drop table orders; --", '<script>alert(1)</script>', '../../etc/passwd', 'null', '[]',
);
const hostileNumber = fc.constantFrom(-1, 0, -0.5, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 2 ** 53 + 2, 1e21, 1e308, -1e308, 5e-324, 9032077639);
const wrongType = fc.constantFrom<unknown>(null, true, false, [], [1, 2], ['\u0000'], {}, { a: 1 }, { $gt: '' });
export const hostileValue = fc.oneof(hostileText, hostileNumber, wrongType);

/** What a valid string turns into: a NUL or a lone surrogate inside it, a date moved to year 0 or 9999. */
const poisons = ['\u0000', '\ud800', '\udc00', '0000', '9999'] as const;
function poisoned(text: string, poison: (typeof poisons)[number], at: number): string {
  if (/^\d{4}-\d\d-\d\d/.test(text)) return poison === '0000' || poison === '9999' ? poison + text.slice(4) : text.slice(0, 4) + poison + text.slice(4);
  const i = text.length ? at % (text.length + 1) : 0;
  return text.slice(0, i) + poison + text.slice(i);
}

/**
 * A valid value spoiled in one place: a string field poisoned (NUL, lone surrogate, year 0), a field
 * swapped for a hostile value or the wrong type, an unknown field added, or the whole of it swapped.
 */
export function withHostile(values: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const how = fc.constantFrom('poison', 'poison', 'poison', 'field', 'field', 'unknown', 'whole');
  return fc.tuple(values, hostileValue, fc.nat(), how, fc.constantFrom(...poisons)).map(([value, bad, pick, mode, poison]) => {
    if (mode === 'whole') return bad;
    if (typeof value === 'string') return mode === 'poison' ? poisoned(value, poison, pick) : bad;
    const copy = structuredClone(value);
    const paths = objectPaths(copy);
    const strings = paths.filter(([parent, key]) => typeof parent[key as string] === 'string');
    if (mode === 'poison' && strings.length) {
      const [parent, key] = strings[pick % strings.length]!;
      (parent as Record<string | number, unknown>)[key] = poisoned(parent[key as string] as string, poison, pick);
      return copy;
    }
    if (paths.length === 0) return mode === 'unknown' ? { unexpected: bad } : bad;
    const [parent, key] = paths[pick % paths.length]!;
    if (mode === 'unknown' && !Array.isArray(parent)) parent[`unexpected${pick % 3}`] = bad;
    else (parent as Record<string | number, unknown>)[key] = bad;
    return copy;
  });
}

type Container = Record<string, unknown> | unknown[];
function objectPaths(value: unknown): [Container & Record<string, unknown>, string | number][] {
  if (value === null || typeof value !== 'object') return [];
  const container = value as Container & Record<string, unknown>;
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((key) => [[container, key] as [Container & Record<string, unknown>, string | number], ...objectPaths(container[key as string])]);
}

// Raw query and path text that no encoder would produce: a NUL, an overlong or broken UTF-8, a lone
// percent, a surrogate encoded as UTF-8; and numbers no row has (not " 1" or "0x1": ids coerce, and
// the fuzzer must not reset its own owner's password).
export const rawHostileComponent = fc.constantFrom('%00', '%FF', '%ED%A0%80', '%', '%zz', '%C0%AF', 'a%00b', '%2e%2e%2f', '99999999999', '-1', '0', 'abc', '1.5', '2147483648', '9'.repeat(30), '%F0%9F%98%80', '1%00');

/** A query string from an object of values (arrays repeat the key), sometimes with a raw hostile pair. */
export function queryString(values: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.tuple(values, fc.option(fc.tuple(fc.constantFrom('q', 'from', 'to', 'cityId', 'limit', 'offset', 'after', 'status', 'period', 'city', 'x'), rawHostileComponent), { freq: 3 })).map(([value, raw]) => {
    const params = new URLSearchParams();
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, field] of Object.entries(value)) {
        for (const item of Array.isArray(field) ? field : [field]) params.append(key, typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item ?? ''));
      }
    }
    const text = [params.toString(), raw ? `${raw[0]}=${raw[1]}` : ''].filter(Boolean).join('&');
    return text ? `?${text}` : '';
  });
}
