import Router from '@koa/router';
import type { AppState } from './state.ts';

/** Every route module builds on this so handlers see the typed ctx.state. */
export const createRouter = (prefix?: string) => new Router<AppState>(prefix ? { prefix } : {});
