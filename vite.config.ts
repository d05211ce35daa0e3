import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import preact from '@preact/preset-vite';
import { defineConfig, type Logger, type Plugin } from 'vite';

// The board: built into dist/client, which the web process serves (server/middlewares/staticClient.ts).
// In development `npm run dev:client` serves it with hot reload and proxies the API and the socket
// to a running `npm start` (PORT 3000 unless API_URL says otherwise).
const api = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'client',
  plugins: [preact({ devToolsEnabled: false, prerender: { enabled: false } }), boardBudget(80)],
  build: {
    outDir: '../dist/client',
    // Test builds keep the previous hashed files: a board already open in another test process
    // still loads them while a newer build lands beside them.
    emptyOutDir: !process.env.NARYAD_KEEP_OLD_ASSETS,
    target: 'es2022',
    manifest: true,
    reportCompressedSize: false,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/socket.io': { target: api, ws: true },
    },
  },
});

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/**
 * A build ends here: the gzipped size of the JavaScript the board route loads (the entry, the
 * Заказы tab's chunk and everything they import statically), failing the build over `limitKb`.
 */
function boardBudget(limitKb: number, boardPage = 'board/BoardPage.tsx'): Plugin {
  let logger: Logger;
  let dist: string;
  return {
    name: 'naryad:board-budget',
    apply: 'build',
    configResolved(config) {
      logger = config.logger;
      dist = resolve(config.root, config.build.outDir);
    },
    // After Vite has listed the files, so the budget line is the build's last word.
    closeBundle() {
      const manifest = JSON.parse(readFileSync(resolve(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
      const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
      const boardKey = Object.keys(manifest).find((key) => manifest[key]!.src === boardPage);
      if (!entryKey || !boardKey) this.error(`no entry or no ${boardPage} chunk in the Vite manifest`);

      const closure = (key: string, seen: Set<string>): Set<string> => {
        if (seen.has(key)) return seen;
        seen.add(key);
        for (const imported of manifest[key]!.imports ?? []) closure(imported, seen);
        return seen;
      };
      const gz = (file: string) => gzipSync(readFileSync(resolve(dist, file)), { level: 9 }).length;
      const kb = (bytes: number) => (bytes / 1024).toFixed(1);

      const keys = closure(boardKey, closure(entryKey, new Set()));
      const js = [...keys].map((key) => ({ file: manifest[key]!.file, bytes: gz(manifest[key]!.file) }));
      const css = [...new Set([...keys].flatMap((key) => manifest[key]!.css ?? []))].reduce((sum, file) => sum + gz(file), 0);
      const total = js.reduce((sum, chunk) => sum + chunk.bytes, 0);

      for (const chunk of js) logger.info(`  ${chunk.file.padEnd(40)} ${kb(chunk.bytes).padStart(6)} KB gz`);
      logger.info(`board bundle: ${kb(total)} KB gzipped JS (budget ${limitKb} KB), css ${kb(css)} KB gz`);
      if (total > limitKb * 1024) this.error(`The board's JavaScript is over budget: ${kb(total)} KB > ${limitKb} KB gzipped`);
    },
  };
}
