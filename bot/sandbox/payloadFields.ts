import { badRequest } from './apiError.ts';
import type { Payload } from './types.ts';

/** Telegram accepts numbers as JSON numbers or as strings (multipart and GET send strings). */
export function int(p: Payload, key: string, invalid = `field "${key}" must be of type Integer`): number | undefined {
  const value = p[key];
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) throw badRequest(invalid);
  return number;
}

export function str(p: Payload, key: string): string | undefined {
  const value = p[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw badRequest(`field "${key}" must be of type String`);
}

export function flag(p: Payload, key: string): boolean {
  return p[key] === true || p[key] === 'true';
}

/** Only numeric chat ids: the fake has no public @usernames to resolve. */
export function chatIdOf(p: Payload): number {
  const id = p.chat_id === '' ? undefined : int(p, 'chat_id', 'chat not found');
  if (id === undefined) throw badRequest('chat_id is empty');
  return id;
}

/** An object field (a nested JSON object) as a payload, or undefined. */
export function objectField(p: Payload, key: string): Payload | undefined {
  const value = p[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Payload) : undefined;
}
