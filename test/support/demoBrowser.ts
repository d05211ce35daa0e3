// A browser on the demo company, for e2e tests of what an operator reaches for: Анна the manager
// and Ольга the owner, each on her own page, logged in and online.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemo } from '../../db/seeds/demo.ts';
import { artifactsDir, ensureClientBuilt, launchBrowser, logIn } from './browser.ts';
import type { ApiClient } from './http.ts';
import { startTestWeb, type TestWeb } from './web.ts';

export const ANNA = { email: 'anna@example.com', password: DEMO_PASSWORD };
export const OLGA = { email: 'owner@example.com', password: DEMO_PASSWORD };
export const shots = join(artifactsDir, 'e2e');
const laptop = { width: 1440, height: 900 };

export interface DemoBrowser {
  env: TestWeb;
  browser: Browser;
  annaApi: ApiClient;
  ownerApi: ApiClient;
  /** A fresh context at this size in Moscow, closed with the rest. */
  newContext(viewport?: { width: number; height: number }): Promise<BrowserContext>;
  /** A page logged in as `who` at `path`, once `ready` shows and the socket is online. */
  openAs(who: { email: string; password: string }, path: string, ready: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function startDemoBrowser(): Promise<DemoBrowser> {
  ensureClientBuilt();
  mkdirSync(shots, { recursive: true });
  const env = await startTestWeb();
  await seedDemo(env.db);
  const annaApi = await env.as(ANNA);
  const ownerApi = await env.as(OLGA);
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  const newContext = async (viewport = laptop) => {
    const context = await browser.newContext({ viewport, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
    contexts.push(context);
    return context;
  };
  return {
    env,
    browser,
    annaApi,
    ownerApi,
    newContext,
    async openAs(who, path, ready, viewport = laptop) {
      const page = await (await newContext(viewport)).newPage();
      page.on('pageerror', (error) => console.error(`[${who.email}] page error:`, error.message));
      await logIn(page, `${env.web.url}${path}`, who.email, who.password);
      await page.waitForSelector(ready, { timeout: 15_000 });
      await page.waitForSelector('[data-testid=connection][data-phase=online]');
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await env.cleanup();
    },
  };
}
