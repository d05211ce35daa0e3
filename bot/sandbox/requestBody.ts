import type { IncomingMessage } from 'node:http';
import { badRequest } from './apiError.ts';
import type { Payload } from './types.ts';

export interface Upload {
  /** Name of the multipart part: grammY uses a random id referenced as `attach://<id>`. */
  field: string;
  filename: string;
  mime: string;
  bytes: Uint8Array;
}

/** Multipart fields that carry JSON; everything else stays a string, as Telegram reads it. */
const JSON_FIELDS = new Set(['reply_markup', 'media', 'entities', 'caption_entities', 'reply_parameters', 'link_preview_options', 'prices', 'allowed_updates', 'commands', 'scope']);

/**
 * Reads a Bot API request the ways Telegram accepts it: JSON, multipart/form-data (grammY's
 * choice when a file is uploaded), urlencoded, or a GET query string. Each uploaded file is
 * handed to `store`, and the payload then names it by the file_id that returns, so methods
 * treat an upload and an already known file alike.
 */
export async function readRequest(req: IncomingMessage, url: URL, store: (upload: Upload) => string): Promise<Payload> {
  const query: Payload = Object.fromEntries(url.searchParams);
  if (req.method !== 'POST') return query;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (body.length === 0) return query;
  if (type.startsWith('application/json')) {
    const parsed = parseJson(body.toString('utf8'), 'JSON object');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badRequest("can't parse JSON object");
    return { ...query, ...(parsed as Payload) };
  }
  if (!type.startsWith('multipart/form-data') && !type.startsWith('application/x-www-form-urlencoded')) throw badRequest('unsupported Content-Type');
  // undici's Request does the multipart parsing (it copes with grammY's compact part headers).
  const form = await new Request(url, { method: 'POST', headers: { 'content-type': type }, body, duplex: 'half' } as RequestInit).formData();
  let payload: Payload = { ...query };
  const uploads: Upload[] = [];
  for (const [field, value] of form) {
    if (typeof value === 'string') payload[field] = JSON_FIELDS.has(field) ? parseJson(value, `${field} JSON object`) : value;
    else uploads.push({ field, filename: value.name, mime: value.type || 'application/octet-stream', bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  for (const upload of uploads) {
    const fileId = store(upload);
    const reference = `attach://${upload.field}`;
    // A client that names the part after the field itself (photo=<file>) has no attach:// reference.
    payload = mentions(payload, reference) ? (replace(payload, reference, fileId) as Payload) : { ...payload, [upload.field]: fileId };
  }
  return payload;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest(`can't parse ${what}`);
  }
}

function mentions(value: unknown, needle: string): boolean {
  if (value === needle) return true;
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some((item) => mentions(item, needle));
}

function replace(value: unknown, from: string, to: string): unknown {
  if (value === from) return to;
  if (Array.isArray(value)) return value.map((item) => replace(item, from, to));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replace(item, from, to)]));
  return value;
}
