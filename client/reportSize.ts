// `npm run build` ends here: the gzipped size of the JavaScript the board route loads (the entry,
// the Заказы tab's chunk and everything they import), checked against the 80 KB budget.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const LIMIT_KB = 80;
const BOARD_PAGE = 'board/BoardPage.tsx';
const dist = resolve(import.meta.dirname, '../dist/client');

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const manifest = JSON.parse(readFileSync(resolve(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
const boardKey = Object.keys(manifest).find((key) => manifest[key]!.src === BOARD_PAGE);
if (!entryKey || !boardKey) throw new Error(`reportSize: no entry or no ${BOARD_PAGE} chunk in the Vite manifest`);

/** A chunk and its static imports, each once. */
function closure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]!.imports ?? []) closure(imported, seen);
  return seen;
}

const gz = (file: string) => gzipSync(readFileSync(resolve(dist, file)), { level: 9 }).length;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

const keys = closure(boardKey, closure(entryKey));
const js = [...keys].map((key) => ({ file: manifest[key]!.file, bytes: gz(manifest[key]!.file) }));
const css = [...new Set([...keys].flatMap((key) => manifest[key]!.css ?? []))].map((file) => gz(file)).reduce((a, b) => a + b, 0);
const total = js.reduce((sum, chunk) => sum + chunk.bytes, 0);

for (const chunk of js) console.log(`  ${chunk.file.padEnd(40)} ${kb(chunk.bytes).padStart(6)} KB gz`);
console.log(`board bundle: ${kb(total)} KB gzipped JS (budget ${LIMIT_KB} KB), css ${kb(css)} KB gz`);
if (total > LIMIT_KB * 1024) {
  console.error(`The board's JavaScript is over budget: ${kb(total)} KB > ${LIMIT_KB} KB gzipped`);
  process.exitCode = 1;
}
