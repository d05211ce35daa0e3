import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
export const artifactsDir = join(root, 'test/artifacts');

/** Debian's Chromium, headless, as CI installs it (never a downloaded one). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--lang=ru-RU', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/**
 * The e2e tests run against the built board. They build it once when dist/client is missing or
 * older than its sources (client/, shared/, vite.config.ts), so `npm test` works on a fresh clone;
 * test files in parallel processes share one build through a lock directory.
 */
export function ensureClientBuilt(): void {
  const index = join(root, 'dist/client/index.html');
  const sources = () => Math.max(newestMtime(join(root, 'client')), newestMtime(join(root, 'shared')), newestMtime(join(root, 'vite.config.ts')));
  const fresh = () => existsSync(index) && statSync(index).mtimeMs >= sources();
  if (fresh()) return;
  mkdirSync(join(root, 'dist'), { recursive: true });
  const lock = join(root, 'dist/.build-lock');
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true }); // a crashed builder's lock
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    if (!fresh()) execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, NARYAD_KEEP_OLD_ASSETS: '1' } });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * A TCP proxy in front of the web server: one browser context goes through it, and `cut()` is a
 * real network cut for that context (open sockets die, new ones are refused) until `restore()`.
 */
export interface CuttableProxy {
  url: string;
  cut(): void;
  restore(): void;
  /** New connections go to another server from now on (a failover to another web process). */
  retarget(url: string): void;
  close(): Promise<void>;
}

export async function startCuttableProxy(targetUrl: string): Promise<CuttableProxy> {
  let target = new URL(targetUrl);
  const open = new Set<Socket>();
  let down = false;
  const server: Server = createServer((client) => {
    if (down) return client.destroy();
    const upstream = createConnection({ host: target.hostname, port: Number(target.port) });
    open.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      down = true;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    restore() {
      down = false;
    },
    retarget(url) {
      target = new URL(url);
    },
    close: () =>
      new Promise<void>((done) => {
        for (const socket of open) socket.destroy();
        server.close(() => done());
      }),
  };
}

/** Opens the board at `url` and logs in through its form, as a person does. */
export async function logIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(url);
  await page.fill('input[name=email]', email, { timeout: 15_000 });
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
}
