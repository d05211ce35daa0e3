// Two managers on one live board, each in a browser context of their own: Анна straight to the
// web process, Борис through a proxy whose network a test can cut.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemo } from '../../db/seeds/demo.ts';
import { artifactsDir, ensureClientBuilt, launchBrowser, logIn, startCuttableProxy, type CuttableProxy } from './browser.ts';
import type { ApiClient } from './http.ts';
import { startTestWeb, type TestWeb } from './web.ts';

export const ANNA = { email: 'anna@example.com', password: DEMO_PASSWORD, name: 'Анна Менеджер' };
export const BORIS = { email: 'boris@example.com', password: DEMO_PASSWORD, name: 'Борис Менеджер' };
export const shots = join(artifactsDir, 'e2e');

export interface TwoBoards {
  env: TestWeb;
  /** B's network. */
  proxy: CuttableProxy;
  /** Анна's board and Борис's. */
  a: Page;
  b: Page;
  annaApi: ApiClient;
  close(): Promise<void>;
}

async function openBoard(context: BrowserContext, url: string, who: { email: string; password: string }): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${who.email}] page error:`, error.message));
  await logIn(page, url, who.email, who.password);
  await page.waitForSelector('.card');
  await page.waitForSelector('[data-testid=connection][data-phase=online]');
  return page;
}

/** The demo company's board open twice; `prepare` changes the data before either page loads. */
export async function startTwoBoards(prepare: (env: TestWeb) => Promise<void> = async () => {}): Promise<TwoBoards> {
  ensureClientBuilt();
  mkdirSync(shots, { recursive: true });
  const env = await startTestWeb();
  await seedDemo(env.db);
  const annaApi = await env.as(ANNA);
  await prepare(env);
  const proxy = await startCuttableProxy(env.web.url);
  const browser: Browser = await launchBrowser();
  const options = { viewport: { width: 1600, height: 900 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' };
  const [contextA, contextB] = [await browser.newContext(options), await browser.newContext(options)];
  const [a, b] = await Promise.all([openBoard(contextA, env.web.url, ANNA), openBoard(contextB, proxy.url, BORIS)]);
  return {
    env,
    proxy,
    a,
    b,
    annaApi,
    async close() {
      await browser.close();
      await proxy.close();
      await env.cleanup();
    },
  };
}

export const card = (page: Page, number: number, status?: string) =>
  page.locator(`${status ? `.column[data-status=${status}] ` : ''}.card[data-number="${number}"]`);
