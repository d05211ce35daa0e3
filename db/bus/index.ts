import { createInProcessBus } from './inProcessBus.ts';
import { createRedisBus } from './redisBus.ts';
import type { Bus } from './types.ts';

export type { Bus, BusHandler } from './types.ts';

export async function createBus(options: { redisUrl?: string; prefix: string }): Promise<Bus> {
  return options.redisUrl ? createRedisBus(options.redisUrl, options.prefix) : createInProcessBus();
}
