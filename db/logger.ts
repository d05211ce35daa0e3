import { pino } from 'pino';

/** One structured logger for every process; children add request and update ids. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: process.env.NARYAD_PROCESS ?? 'naryad' },
});
