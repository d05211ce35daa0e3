import test from 'ava';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

// One room per area: the database's code lives in db/<area>/ (its commands, its reads in queries.ts),
// and the web server and the bot only call it. Each rule names the folders it holds for; a folder
// joins a rule once its files follow it.

const root = resolve(import.meta.dirname, '..');

/** Folders that write no SQL: no knex import, no SQL in a string, no query-builder call. */
const SQL_FREE_FOLDERS = ['server', 'bot'];
/** Not held to it: the built-in fake Telegram, whose sandbox host reads the demo's masters itself. */
const SQL_UNCHECKED = ['bot/sandbox/'];

/** Folders that do not import bot/, and the composition files that may (they start the bot beside them). */
const BOT_FREE_FOLDERS = ['server'];
const COMPOSITION_FILES = ['server/allInOne.ts'];

/** The .ts files under a folder, as paths from the repository's root. */
function tsFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(folder, file).split(sep).join('/'))
    .sort();
}

interface Source {
  /** The code with comments gone and every string and template emptied (quotes kept). */
  code: string;
  /** The text inside each string and template literal that is not a module's name. */
  strings: string[];
  /** The modules the file imports or re-exports (static and dynamic). */
  imports: string[];
}

const REGEX_MAY_FOLLOW = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);

/** Splits a TypeScript file into its code and its strings, so a word in a comment is not mistaken for SQL. */
function scan(text: string): Source {
  let code = '';
  const strings: string[] = [];
  const imports: string[] = [];
  let i = 0;
  const lastCode = () => code.trimEnd().at(-1) ?? '';
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      code += ' ';
    } else if (c === '"' || c === "'" || c === '`') {
      let body = '';
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\') body += text[i++];
        body += text[i++];
      }
      i++;
      if (/\b(from|import)\s*\(?\s*$/.test(code)) imports.push(body);
      else strings.push(body);
      code += c + c;
    } else if (c === '/' && REGEX_MAY_FOLLOW.has(lastCode())) {
      // A regular expression literal: skipped whole, its quotes are not strings.
      let inClass = false;
      i++;
      while (i < text.length && (text[i] !== '/' || inClass) && text[i] !== '\n') {
        if (text[i] === '\\') i++;
        else if (text[i] === '[') inClass = true;
        else if (text[i] === ']') inClass = false;
        i++;
      }
      i++;
      code += '/re/';
    } else {
      code += c;
      i++;
    }
  }
  return { code, strings, imports };
}

/** Statements and Postgres-only syntax as they appear in SQL text (not as an English word alone). */
const SQL_IN_STRING = [
  /\bselect\b[\s\S]+?\bfrom\s+\w/i,
  /\binsert\s+into\s+\w/i,
  /\bupdate\s+\w+\s+set\b/i,
  /\bdelete\s+from\s+\w/i,
  /\bcount\(\*\)/i,
  /\bcoalesce\(/i,
  /::(int|bigint|date|text|timestamp|numeric)\b/i,
  /\binterval\s+'\d/i,
];

/** Calls that only a knex handle, a knex query builder or an objection model answers. */
const QUERY_BUILDER = [
  /\b(db|trx|knex)\s*\(/,
  /\b(db|trx|knex)\s*\.\s*(raw|from|select|insert|update|transaction|with|schema|fn|ref|table)\s*\(/,
  /\.\s*(raw|\w+Raw)\s*\(/,
  /\.\s*(where|orWhere|andWhere|whereIn|whereNotIn|whereNull|whereNotNull|whereExists|whereBetween|leftJoin|innerJoin|groupBy|orderBy|returning|forUpdate|onConflict|increment|decrement|pluck|clearSelect)\s*\(/,
  /\.\s*(query|relatedQuery|withGraphJoined|withGraphFetched)\s*\(/,
];

function isKnex(specifier: string): boolean {
  return specifier === 'knex' || specifier.startsWith('knex/');
}

function isBot(file: string, specifier: string): boolean {
  if (!specifier.startsWith('.')) return false;
  const target = relative(root, resolve(root, dirname(file), specifier));
  return target === 'bot' || target.startsWith(`bot${sep}`);
}

/** What makes a file write SQL, each as "file: what". */
export function sqlProblems(file: string, text: string): string[] {
  const { code, strings, imports } = scan(text);
  const problems: string[] = [];
  for (const specifier of imports) if (isKnex(specifier)) problems.push(`${file}: imports ${specifier}`);
  for (const body of strings) {
    const sql = SQL_IN_STRING.find((pattern) => pattern.test(body));
    if (sql) problems.push(`${file}: SQL in a string (${body.trim().slice(0, 60)})`);
  }
  for (const line of code.split('\n')) {
    const call = QUERY_BUILDER.find((pattern) => pattern.test(line));
    if (call) problems.push(`${file}: query builder (${line.trim().slice(0, 80)})`);
  }
  return problems;
}

function problemsIn(folders: string[], check: (file: string, text: string) => string[]): string[] {
  return folders.flatMap(tsFiles).flatMap((file) => check(file, readFileSync(join(root, file), 'utf8')));
}

test('the web server and the bot write no SQL: their reads and commands are in db/<area>/', (t) => {
  const checked = (file: string, text: string) => (SQL_UNCHECKED.some((folder) => file.startsWith(folder)) ? [] : sqlProblems(file, text));
  t.deepEqual(problemsIn(SQL_FREE_FOLDERS, checked), []);
});

test('only the composition file imports bot/: the web server is given what it needs of the bot', (t) => {
  const problems = problemsIn(BOT_FREE_FOLDERS, (file, text) =>
    COMPOSITION_FILES.includes(file) ? [] : scan(text).imports.filter((specifier) => isBot(file, specifier)).map((specifier) => `${file}: imports ${specifier}`),
  );
  t.deepEqual(problems, []);
});

test('the SQL check sees SQL where there is some (db/) and not the words of a comment', (t) => {
  const found = problemsIn(['db/reports', 'db/orders'], sqlProblems);
  for (const kind of ['imports knex', 'SQL in a string', 'query builder']) t.true(found.some((problem) => problem.includes(kind)), kind);
  t.true(found.some((problem) => problem.startsWith('db/reports/profitability.ts: ')));
  const prose = [
    '// select the orders from the board, then update the card: set it aside; delete from the list',
    '/* insert into the drawer */',
    "const words = 'Выберите мастера'; const re = /it's \"quoted\"/; const url = 'http://example.com';",
    'const picked = list.filter(Boolean).map(String).join(", ");',
  ].join('\n');
  t.deepEqual(sqlProblems('prose.ts', prose), []);
  t.is(sqlProblems('sql.ts', "const q = `select id from orders where tenant_id = ?`;").length, 1);
  t.is(sqlProblems('builder.ts', "const rows = await ctx.state.deps.db('orders').first('id');").length, 1);
});
