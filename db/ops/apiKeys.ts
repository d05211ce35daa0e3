import { createHash, randomBytes } from 'node:crypto';

// Channel API keys are long random strings: a plain SHA-256 is enough to store them safely.
export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');
export const newApiKey = () => `nk_${randomBytes(24).toString('base64url')}`;
