// Russian phones arrive as "8 (916) 123-45-67", "+7 916 1234567", "9161234567": one key per customer.

export function normalisePhone(input: string): string | null {
  const digits = input.replace(/\D/g, '');
  if (digits.length === 10) return `+7${digits}`;
  if (digits.length === 11 && (digits[0] === '7' || digits[0] === '8')) return `+7${digits.slice(1)}`;
  if (digits.length >= 11 && digits.length <= 15 && input.trim().startsWith('+')) return `+${digits}`;
  return null;
}

/** A stretch of text, [start, end). */
export type Span = [number, number];

// Digit groups joined by short runs of anything but letters and digits: "8 (903) 555-12-34",
// "8903/555/12/34", "8_903_555_12_34". Letters end a run.
const DIGIT_RUN = /\d+(?:[^\p{L}\p{N}]{1,3}\d+)*/gu;
const MAX_DIGITS = 15; // the longest international number

/**
 * Where free text holds a phone number, however its digit groups are split: ten digits of a
 * Russian number, eleven with the 7/8 prefix, up to fifteen after a "+", any glued run of ten
 * or more, and the bare seven-digit local part of the phones given as `known`.
 */
export function phoneSpans(text: string, known: string[] = []): Span[] {
  const locals = known.map((phone) => phone.replace(/\D/g, '').slice(-7)).filter((local) => local.length === 7);
  const spans: Span[] = [];
  for (const run of text.matchAll(DIGIT_RUN)) {
    const groups = [...run[0].matchAll(/\d+/g)].map((group) => ({ start: run.index + group.index, digits: group[0] }));
    groups.forEach((first, i) => {
      // A "+" or "(" just before the first group belongs to the number.
      const lead = /(?:\+\s*)?\(?$/.exec(text.slice(Math.max(0, first.start - 3), first.start))![0];
      let digits = '';
      for (let j = i; j < groups.length && digits.length <= MAX_DIGITS; j++) {
        digits += groups[j]!.digits;
        const glued = i === j && digits.length >= 10;
        if (glued || isPhoneShaped(digits, lead.includes('+')) || locals.includes(digits)) {
          spans.push([first.start - lead.length, groups[j]!.start + groups[j]!.digits.length]);
        }
      }
    });
  }
  return spans;
}

function isPhoneShaped(digits: string, afterPlus: boolean): boolean {
  if (afterPlus && digits.length >= 11 && digits.length <= MAX_DIGITS) return true;
  // Russian area codes and mobile prefixes start with 3, 4, 8 or 9 (7 in Kazakhstan).
  return (digits.length === 10 && /^[3-9]/.test(digits)) || (digits.length === 11 && /^[78]/.test(digits));
}

// A phone typed into a search box, in any format: "+7 916 555-12-34", "8 (916) 555-12-34" and
// "89165551234" are one number; "8 916 555" or "916 555" its start, "555-12-34" or "5551234" its
// end. Stored phones are normalised ("+79165551234"); whole, start and end are what an index
// finds (db/core/search.ts), so a piece from the middle ("555-12") finds nothing.
const PHONE_QUERY = /^[\d\s()+\-.]+$/;
/** Fewer digits than this are an order number, not a piece of a phone. */
export const MIN_PHONE_DIGITS = 4;

export interface PhoneSearch {
  /** The whole number, normalised. */
  whole: string | null;
  /** Normalised beginnings the number may have. */
  starts: string[];
  /** Digits the number may end with. */
  ends: string | null;
}

export function phoneSearch(query: string): PhoneSearch | null {
  const typed = query.trim();
  if (!PHONE_QUERY.test(typed)) return null;
  const digits = typed.replace(/\D/g, '');
  if (digits.length < MIN_PHONE_DIGITS) return null;
  const whole = normalisePhone(typed);
  if (whole) return { whole, starts: [], ends: null };
  if (typed.startsWith('+')) return { whole: null, starts: [`+${digits}`], ends: null };
  // "8 (916) 55…": the trunk prefix, then the code.
  if (/^8\s*[(\s-]/.test(typed)) return { whole: null, starts: [`+7${digits.slice(1)}`], ends: null };
  // Bare digits: the number without its prefix ("916 555"), with it glued ("8916555"), or its end.
  const starts = [`+7${digits}`, ...(/^[78]/.test(digits) ? [`+7${digits.slice(1)}`] : [])];
  return { whole: null, starts, ends: digits };
}

/** Whether a stored (normalised) phone is what the search names. */
export function phoneMatches(phone: string, search: PhoneSearch): boolean {
  if (search.whole !== null) return phone === search.whole;
  return search.starts.some((start) => phone.startsWith(start)) || (search.ends !== null && phone.endsWith(search.ends));
}

/** "+79165551234" → "+7 916 555-12-34"; other numbers as stored. */
export function formatPhone(phone: string): string {
  const match = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone);
  return match ? `+7 ${match[1]} ${match[2]}-${match[3]}-${match[4]}` : phone;
}
