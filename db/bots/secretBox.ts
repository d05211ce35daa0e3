import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../config.ts';

// Bot tokens at rest: AES-256-GCM under a key from the environment (SECRETS_KEY, 32 bytes as hex
// or base64). The embedded start, where nobody sets one, makes a key once and keeps it under
// DATA_DIR. A token sealed under one key does not open under another: GCM's tag refuses it.

export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

const KEY_BYTES = 32;
const IV_BYTES = 12;

export function secretBox(key: Buffer): SecretBox {
  if (key.length !== KEY_BYTES) throw new Error(`SECRETS_KEY must be ${KEY_BYTES} bytes (64 hex digits or 44 base64 characters)`);
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
    },
    open(sealed) {
      const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
      if (!iv || !tag || !body) throw new Error('not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
  };
}

export function parseSecretsKey(text: string): Buffer {
  const trimmed = text.trim();
  return /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
}

/**
 * The deployment's key: SECRETS_KEY, or on the embedded database a key file under DATA_DIR made on
 * first use. Several processes on one Postgres must share a key, so there SECRETS_KEY is required:
 * null says bots cannot be connected until it is set.
 */
export function secretBoxFor(config: Pick<Config, 'SECRETS_KEY' | 'DATABASE_URL' | 'DATA_DIR'>): SecretBox | null {
  if (config.SECRETS_KEY) return secretBox(parseSecretsKey(config.SECRETS_KEY));
  if (config.DATABASE_URL) return null;
  const file = join(config.DATA_DIR, 'secrets.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(KEY_BYTES).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return secretBox(parseSecretsKey(readFileSync(file, 'utf8')));
}
