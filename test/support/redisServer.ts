import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { freePort } from './ports.ts';

const run = promisify(execFile);

/**
 * A redis-server of the test's own on a free port (never the machine's 6379), which the test may
 * kill and start again on the same port. No persistence: a restart comes back empty, as a lost
 * Redis does. Killed by its PID only.
 */
export interface RedisServer {
  port: number;
  url: string;
  readonly running: boolean;
  start(): Promise<void>;
  /** SIGKILL, as a crash or an OOM kill would: the clients see their connections drop. */
  kill(): Promise<void>;
  /** One command through redis-cli, e.g. `CLIENT KILL TYPE pubsub`; returns its reply. */
  command(...args: string[]): Promise<string>;
}

export async function redisServer(port?: number): Promise<RedisServer> {
  const chosen = port ?? (await freePort());
  if (chosen === 6379) throw new Error('6379 is the machine’s Redis: a test never touches it');
  let child: ChildProcess | undefined;
  const server: RedisServer = {
    port: chosen,
    url: `redis://127.0.0.1:${chosen}`,
    get running() {
      return child !== undefined;
    },
    async start() {
      if (child) return;
      const started = spawn('redis-server', ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
      child = started;
      await new Promise<void>((resolve, reject) => {
        let output = '';
        started.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('Ready to accept connections')) resolve();
        });
        started.once('exit', (code) => {
          if (child === started) child = undefined;
          reject(new Error(`redis-server on ${chosen} exited with ${code}: ${output.slice(-500)}`));
        });
      });
    },
    async kill() {
      const running = child;
      if (!running) return;
      child = undefined;
      if (running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
    async command(...args) {
      const { stdout } = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(chosen), ...args]);
      return stdout.trim();
    },
  };
  return server;
}
