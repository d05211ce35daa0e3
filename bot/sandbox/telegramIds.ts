import { randomBytes } from 'node:crypto';

/** Telegram's ids for callback queries, media groups and chat instances are long digit strings. */
export function randomDigits(): string {
  return randomBytes(8).readBigUInt64BE().toString();
}

/** Bot API dates are Unix seconds. */
export function unixTime(): number {
  return Math.floor(Date.now() / 1000);
}
