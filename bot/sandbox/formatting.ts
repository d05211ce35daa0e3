import { badRequest, type ApiError } from './apiError.ts';

/**
 * The text a user sees for a message sent with `parse_mode`: markup removed, entities
 * decoded. Malformed markup fails like Telegram ("can't parse entities"), because an
 * unescaped `<` or `.` in a customer's name is a real production bug worth catching here.
 * MarkdownV2 and Markdown are approximations of Telegram's parser, HTML is close to it.
 */
export function visibleText(text: string, parseMode: string | undefined): string {
  switch (parseMode?.toLowerCase()) {
    case undefined:
    case '':
      return text;
    case 'html':
      return html(text);
    case 'markdownv2':
      return markdownV2(text);
    case 'markdown':
      return markdown(text);
    default:
      throw badRequest('unsupported parse_mode');
  }
}

/** A message text as shown, refused like Telegram when empty or over 4096 characters. */
export function messageText(raw: string | undefined, parseMode: string | undefined): string {
  const text = visibleText(raw ?? '', parseMode);
  if (text.trim() === '') throw badRequest('message text is empty');
  if (text.length > 4096) throw badRequest('message is too long');
  return text;
}

/** A caption as shown; empty means none. */
export function messageCaption(raw: string | undefined, parseMode: string | undefined): string {
  const caption = visibleText(raw ?? '', parseMode);
  if (caption.length > 1024) throw badRequest('message caption is too long');
  return caption;
}

const HTML_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'a', 'code', 'pre', 'blockquote', 'tg-emoji']);

function html(text: string): string {
  const stack: string[] = [];
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '<') {
      const end = text.indexOf('>', i);
      if (end < 0) throw cantParse(`Unexpected end of name token at byte offset ${byteOffset(text, i)}`);
      const tag = /^<(\/?)([a-zA-Z][\w-]*)(\s[^>]*)?>$/.exec(text.slice(i, end + 1));
      if (!tag) throw cantParse(`Unsupported start tag "${text.slice(i + 1, end)}" at byte offset ${byteOffset(text, i)}`);
      const name = tag[2].toLowerCase();
      if (!HTML_TAGS.has(name)) throw cantParse(`Unsupported start tag "${name}" at byte offset ${byteOffset(text, i)}`);
      if (tag[1]) {
        const open = stack.pop();
        if (open !== name) {
          throw cantParse(`Unmatched end tag at byte offset ${byteOffset(text, i)}, expected "</${open ?? ''}>", found "</${name}>"`);
        }
      } else {
        stack.push(name);
      }
      i = end + 1;
    } else if (ch === '&') {
      const entity = /^&(#\d+|#x[\da-fA-F]+|[a-zA-Z]+);/.exec(text.slice(i));
      const decoded = entity ? decodeEntity(entity[1]) : undefined;
      // Telegram keeps unknown entities and bare ampersands as typed.
      out += decoded ?? ch;
      i += decoded !== undefined && entity ? entity[0].length : 1;
    } else {
      out += ch;
      i++;
    }
  }
  if (stack.length) throw cantParse(`Can't find end tag corresponding to start tag "${stack[stack.length - 1]}"`);
  return out;
}

function decodeEntity(body: string): string | undefined {
  if (body.startsWith('#x')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
  if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
  return ({ lt: '<', gt: '>', amp: '&', quot: '"' } as Record<string, string>)[body];
}

const MDV2_RESERVED = new Set([...'_*[]()~`>#+-=|{}.!']);
const MDV2_TOGGLES: [string, string][] = [['||', 'Spoiler'], ['__', 'Underline'], ['*', 'Bold'], ['_', 'Italic'], ['~', 'Strikethrough']];

function markdownV2(text: string): string {
  const open = new Map<string, number>();
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') {
      if (i + 1 < text.length) out += text[i + 1];
      i += 2;
      continue;
    }
    if (text.startsWith('```', i)) {
      const end = text.indexOf('```', i + 3);
      if (end < 0) throw cantParse(`Can't find end of Pre entity at byte offset ${byteOffset(text, i)}`);
      // The first line after ``` may name the language; it is not shown.
      const body = text.slice(i + 3, end);
      const newline = body.indexOf('\n');
      out += unescapeCode(newline >= 0 && !/\s/.test(body.slice(0, newline)) ? body.slice(newline + 1) : body);
      i = end + 3;
      continue;
    }
    if (ch === '`') {
      const end = findUnescaped(text, '`', i + 1);
      if (end < 0) throw cantParse(`Can't find end of Code entity at byte offset ${byteOffset(text, i)}`);
      out += unescapeCode(text.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    if (ch === '[') {
      const close = findUnescaped(text, ']', i + 1);
      if (close < 0 || text[close + 1] !== '(') throw cantParse(`Can't find end of TextUrl entity at byte offset ${byteOffset(text, i)}`);
      const urlEnd = findUnescaped(text, ')', close + 2);
      if (urlEnd < 0) throw cantParse(`Can't find end of a URL at byte offset ${byteOffset(text, close + 1)}`);
      out += markdownV2(text.slice(i + 1, close));
      i = urlEnd + 1;
      continue;
    }
    if (ch === '>' && (i === 0 || text[i - 1] === '\n')) {
      // Block quotation marker at the start of a line.
      i++;
      continue;
    }
    const toggle = MDV2_TOGGLES.find(([marker]) => text.startsWith(marker, i));
    if (toggle) {
      const [marker] = toggle;
      if (open.has(marker)) open.delete(marker);
      else open.set(marker, i);
      i += marker.length;
      continue;
    }
    if (MDV2_RESERVED.has(ch)) throw cantParse(`Character '${ch}' is reserved and must be escaped with the preceding '\\'`);
    out += ch;
    i++;
  }
  for (const [marker, at] of open) {
    const name = MDV2_TOGGLES.find(([m]) => m === marker)?.[1] ?? 'entity';
    throw cantParse(`Can't find end of ${name} entity at byte offset ${byteOffset(text, at)}`);
  }
  return out;
}

function markdown(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length && '_*`['.includes(text[i + 1])) {
      out += text[i + 1];
      i += 2;
      continue;
    }
    const marker = text.startsWith('```', i) ? '```' : '_*`'.includes(ch) ? ch : undefined;
    if (marker) {
      const end = text.indexOf(marker, i + marker.length);
      if (end < 0) throw cantParse(`Can't find end of the entity starting at byte offset ${byteOffset(text, i)}`);
      out += text.slice(i + marker.length, end);
      i = end + marker.length;
      continue;
    }
    if (ch === '[') {
      const link = /^\[([^\]]*)\]\(([^)]*)\)/.exec(text.slice(i));
      if (link) {
        out += link[1];
        i += link[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

function findUnescaped(text: string, needle: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === needle) return i;
  }
  return -1;
}

function unescapeCode(code: string): string {
  return code.replace(/\\([`\\])/g, '$1');
}

/** Telegram reports positions in UTF-8 bytes. */
function byteOffset(text: string, index: number): number {
  return Buffer.byteLength(text.slice(0, index));
}

function cantParse(detail: string): ApiError {
  return badRequest(`can't parse entities: ${detail}`);
}
