import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { expect, test } from '@playwright/test';
import { buildSite, FIXTURE_NOW, ROOT } from './support/build.ts';

/**
 * The bad-input corpus (tests/fixtures/bad-input/, README there): malformed and unusual article files, each
 * with its expected outcome in expected.json. One build of the whole folder must fail in bounded time and
 * report every bad file, with its field and fix, and no stack trace; `npm run validate` must report the
 * same; a build of the files expected to build must publish each at its URL.
 */

const CORPUS = path.join(ROOT, 'tests', 'fixtures', 'bad-input');
/** A build of the corpus takes 20 to 40 s on a busy 2-core machine (10 s of it the 3 MB article); past this, it hangs. */
const BUILD_TIMEOUT_MS = 180_000;

interface ExpectedError {
  line?: number;
  field?: string;
  /** A regex of the message and its hint. */
  message: string;
}

interface Expected {
  /** Published at this path, with this headline. */
  builds?: string;
  headline?: string;
  /** Other pages the file must create (its tags', authors' or section's). */
  pages?: string[];
  /** Regexes of its warnings, after the file name. */
  warnings?: string[];
  /** Every error of the file. */
  errors?: ExpectedError[];
  /** Named as set aside (a name starting with `_`). */
  ignored?: boolean;
  /** A regex of the warning that says the file is not read. */
  notRead?: string;
  /** Written by this spec (see GENERATED). */
  generated?: boolean;
}

/** The corpus's own sections (SITE_SECTIONS): its theme folders, and the names its top-level files are filed under. */
const SECTIONS = [
  'World',
  'Politics',
  'YAML',
  'Types',
  'Dates',
  'Encoding',
  'Body',
  'Slugs',
  'Tech',
  'TOML',
  'Pictures',
  'C++',
  'C#',
  'Middle East',
  'Etc',
];
const corpusEnv = { SITE_SECTIONS: JSON.stringify(SECTIONS) };

const expected = (JSON.parse(readFileSync(path.join(CORPUS, 'expected.json'), 'utf8')) as { files: Record<string, Expected> }).files;

const article = (title: string) => `---\ntitle: ${title}\ndate: 2024-10-25T19:13:00\n---\n\n${title}, in the body.\n`;
/** About 3 MB of paragraphs, with a heading every fifty. */
function largeArticle(): string {
  const paragraph = 'The committee met again on Friday and heard from witnesses, officials and experts about the budget. '.repeat(10);
  const parts = ['---\ntitle: A three-megabyte article\ndate: 2024-10-25T19:13:00\n---\n\n'];
  for (let i = 0; parts.reduce((n, p) => n + p.length, 0) < 3_000_000; i++) {
    parts.push(i % 50 === 0 ? `## Part ${i / 50 + 1}\n\n${paragraph}\n\n` : `${paragraph}\n\n`);
  }
  return parts.join('');
}

/**
 * Files written here rather than committed: bytes git and editors would not keep as they are (a byte-order
 * mark, CRLF, Latin-1, UTF-16, NUL bytes, a binary file), a 3 MB file, a body that takes seconds to parse,
 * and names some file systems rewrite (a decomposed accent, as macOS writes it). Keyed as in expected.json;
 * `name` is the name on disk when it differs.
 */
const GENERATED: Record<string, { bytes?: string | Uint8Array; name?: string; link?: string; fifo?: true }> = {
  'encoding/bom.md': { bytes: `\uFEFF${article('Saved with a byte-order mark')}` },
  'encoding/crlf.md': { bytes: article('Saved with Windows line ends').replace(/\n/g, '\r\n') },
  'encoding/bom-crlf.md': { bytes: `\uFEFF${article('Byte-order mark and Windows line ends')}`.replace(/\n/g, '\r\n') },
  'encoding/latin1.md': { bytes: Buffer.from(article('Café crème, saved as Latin-1'), 'latin1') },
  'encoding/utf16.md': { bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(article('Saved as UTF-16'), 'utf16le')]) },
  'encoding/nul-byte.md': { bytes: article('A NUL byte in the body').replace('in the body', 'in the\0body') },
  'encoding/binary.md': { bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) },
  'encoding/large.md': { bytes: largeArticle() },
  // Deep enough to overflow the parser's stack (about 2 s to get there); committed, it would slow every unit run.
  'body/deep-quotes.md': {
    bytes: `---\ntitle: Quotes nested three thousand deep\ndate: 2024-10-25T19:13:00\n---\n\n${'>'.repeat(3000)} The innermost quote.\n`,
  },
  'slugs/Élection à Paris.md': {
    name: 'slugs/Élection à Paris.md'.normalize('NFD'),
    bytes: article('An accented file name, decomposed as macOS writes it'),
  },
  'slugs/北朝鮮 troops.md': { bytes: article('A file name partly in Chinese characters') },
  'slugs/北朝鮮.md': { bytes: article('A file name in Chinese characters') },
  'slugs/🔥🔥.md': { bytes: article('A file name of emoji') },
  // Not an article: a folder whose name ends in .md must be passed over, not read as a file.
  'world/photos.md/caption.txt': { bytes: 'A folder named like an article.\n' },
  // A block the Markdown parser would take over a minute to read (src/lib/article/block-length.ts).
  'body/quote-continued-40000-lines.md': { bytes: `${article('A quote continued by 40,000 lines')}\n> a\n${'b\n'.repeat(40_000)}` },
  // Within every size and block rule, and still minutes of parsing: stopped at the time limit (src/build/work-sharing.ts).
  'body/quotes-within-the-rules.md': { bytes: `${article('Two megabytes of quotes')}\n${`> a\n${'b\n'.repeat(999)}\n`.repeat(1000)}` },
  'body/one-line-of-brackets.md': { bytes: `${article('Three megabytes of brackets')}\n${'['.repeat(3_000_000)}\n` },
  // A table of a megabyte with 250,000 columns: the parser needs gigabytes for it (stopped at the heap limit, or the time limit first).
  'body/wide-table.md': { bytes: `${article('A table 250,000 columns wide')}\n|${' a |'.repeat(250_000)}\n|${' - |'.repeat(250_000)}\n` },
  // What a content folder written by many hands can hold besides files (src/loaders/content-folder.ts).
  'hostile/zero.md': { link: '/dev/zero' },
  'hostile/passwd.md': { link: '/etc/passwd' },
  'hostile/climbs-out.md': { link: '../../../../../../etc/passwd' },
  'hostile/dangling.md': { link: 'nowhere.md' },
  'hostile/linked-folder.md': { link: '../world' },
  'hostile/pipe.md': { fifo: true },
  'hostile/over-the-limit.md': { bytes: `${article('Five megabytes')}${'x'.repeat(5 * 1024 * 1024)}\n` },
  'hostile/trailing-space.md ': { bytes: article('A name ending in a space') },
  'hostile/trailing-dot.md.': { bytes: article('A name ending in a dot') },
  'hostile/zero\u200Bwidth.md': { bytes: article('A zero-width space in the name') },
};

/** Files the build reads or names: Markdown under any of its extensions, with what can trail one (folders excluded). */
const isArticleLike = (name: string) => /\.(md|markdown)[\s.\u200B]*$/i.test(name);

/**
 * Every file below `dir` (links and pipes included, not folders), as NFC `/`-separated paths (how
 * expected.json names them) → the path on disk.
 */
function listFiles(dir: string, folder = '', files = new Map<string, string>()): Map<string, string> {
  // Walked by hand: a linked folder is an entry of its own, not walked (Node's recursive listing follows it).
  for (const entry of readdirSync(path.join(dir, folder), { withFileTypes: true })) {
    const relative = folder ? path.join(folder, entry.name) : entry.name;
    if (entry.isDirectory()) listFiles(dir, relative, files);
    else files.set(relative.split(path.sep).join('/').normalize('NFC'), relative);
  }
  return files;
}

/** Temporary folders (the corpus, builds, caches: tens of megabytes), removed after the tests. */
const temporary: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** The corpus as a content folder: the committed files and the generated ones, in a folder of its own. */
function writeCorpus(): string {
  const dir = tempDir('dateline-bad-input-');
  cpSync(CORPUS, dir, { recursive: true, filter: (source) => path.basename(source) !== 'expected.json' && !source.endsWith('README.md') });
  for (const [key, { bytes, name, link, fifo }] of Object.entries(GENERATED)) {
    const file = path.join(dir, name ?? key);
    mkdirSync(path.dirname(file), { recursive: true });
    if (link) symlinkSync(link, file);
    else if (fifo) execFileSync('mkfifo', [file]);
    else writeFileSync(file, bytes!);
  }
  return dir;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The report's lines for one file, after the file name: from the report a failed build or the validator
 * prints (`  error   <file>:3: …`), or from the loader's log of a build that passed (`[WARN] [dateline-articles] <file>: …`).
 */
function linesOf(output: string, severity: 'error' | 'warning', file: string): string[] {
  const prefixes = [`  ${severity.padEnd(7)} ${file}`, `[${severity === 'error' ? 'ERROR' : 'WARN'}] [dateline-articles] ${file}`];
  return output.split('\n').flatMap((line) => {
    for (const prefix of prefixes) {
      const at = line.indexOf(prefix);
      if (at !== -1 && line[at + prefix.length] === ':') return [line.slice(at + prefix.length)];
    }
    return [];
  });
}

/** The pattern an expected error must match, after the file name: `:line: field: message (hint)`. */
function errorPattern(error: ExpectedError): RegExp {
  const line = error.line === undefined ? '' : `:${error.line}`;
  const field = error.field === undefined ? '' : `${escapeRegExp(error.field)}: `;
  return new RegExp(`^${line}: ${field}${error.message}`, 'u');
}

/**
 * Checks a report (the build's or the validator's) against expected.json: every error of every bad file,
 * nothing else on those files, no error on the files that build, and the warnings they must have.
 * `displayed` maps a corpus path to the path the report shows; `keys` are the files the report is about.
 */
function checkReport(output: string, displayed: (key: string) => string, keys = Object.keys(expected)): void {
  for (const key of keys) {
    const outcome = expected[key]!;
    const file = displayed(key);
    const errors = linesOf(output, 'error', file);
    if (outcome.errors) {
      for (const error of outcome.errors) {
        expect(
          errors.some((line) => errorPattern(error).test(line)),
          `${key}: an error matching ${errorPattern(error)} in\n${errors.join('\n')}`,
        ).toBe(true);
      }
      for (const line of errors) {
        expect(
          outcome.errors.some((error) => errorPattern(error).test(line)),
          `${key}: an unexpected error ${line}`,
        ).toBe(true);
        // The fix, in parentheses at the end of every message.
        expect(line, `${key}: the error says what to do`).toMatch(/ \(.+\)$/);
      }
    } else {
      expect(errors, `${key} has no error`).toEqual([]);
    }
    const warnings = linesOf(output, 'warning', file);
    for (const warning of outcome.warnings ?? []) {
      expect(
        warnings.some((line) => new RegExp(`^${warning}`, 'u').test(line)),
        `${key}: a warning matching ${warning} in\n${warnings.join('\n')}`,
      ).toBe(true);
    }
    if (outcome.notRead)
      expect(
        warnings.some((line) => new RegExp(`^: ${outcome.notRead}`, 'u').test(line)),
        `${key} is named as not read`,
      ).toBe(true);
  }
}

/** How many of these files that build are articles: a good author profile builds its page but is no article. */
const articleCount = (files: [string, Expected][]) =>
  files.filter(([key, outcome]) => outcome.builds && !key.startsWith('authors/')).length;

/** A line of a stack trace, `    at fn (file:///x.js:12:3)` or `    at /x.js:12:3`. */
const STACK_LINE = /^\s+at .*:\d+:\d+\)?$/m;

test.describe.configure({ mode: 'serial' });

let corpus: string;
let files: Map<string, string>;

test.afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

test.beforeAll(() => {
  corpus = writeCorpus();
  files = listFiles(corpus);
});

test('should hold at least 40 files, each with its expected outcome, and an expectation only for files it holds', () => {
  const articleLike = [...files.keys()].filter(isArticleLike).sort();
  expect(articleLike.length).toBeGreaterThanOrEqual(40);
  expect(articleLike).toEqual(Object.keys(expected).sort());
  for (const [key, outcome] of Object.entries(expected)) {
    expect(Boolean(outcome.generated), `${key}: generated by this spec exactly when expected.json says so`).toBe(key in GENERATED);
    const kinds = [outcome.builds, outcome.errors, outcome.ignored, outcome.notRead].filter((x) => x !== undefined);
    expect(kinds, `${key}: one outcome`).toHaveLength(1);
  }
});

test('should fail one build of the whole corpus in bounded time, reporting every bad file with its field and fix, and no stack trace', () => {
  test.setTimeout(BUILD_TIMEOUT_MS + 30_000);
  const started = performance.now();
  const build = buildSite({
    contentDir: corpus,
    outDir: tempDir('dateline-out-'),
    cacheDir: tempDir('dateline-cache-'),
    timeoutMs: BUILD_TIMEOUT_MS,
    env: corpusEnv,
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(`bad-input corpus: ${files.size} files, failing build in ${seconds.toFixed(1)} s`);
  expect(build.timedOut, 'the build finished').toBe(false);
  expect(build.status).not.toBe(0);
  const output = build.output.normalize('NFC');

  checkReport(output, (key) => path.join(corpus, key));
  expect(output).toContain(`ignored (name starts with . or _): ${path.join(corpus, 'world/_notes.md')}`);
  expect(output, 'no stack trace').not.toMatch(STACK_LINE);
  expect(output).toContain('Fix the files listed above');

  // The counts add up: every file read is published or rejected, once.
  const outcomes = Object.values(expected);
  const bad = outcomes.filter((o) => o.errors).length;
  const errorCount = outcomes.reduce((n, o) => n + (o.errors?.length ?? 0), 0);
  expect(output).toContain(`${errorCount} errors in ${bad} files`);
  expect(output).toMatch(new RegExp(`^published: ${articleCount(Object.entries(expected))}$`, 'm'));
  expect(output).toMatch(new RegExp(`^rejected: ${bad}: `, 'm'));
});

test('should report the same files with `npm run validate`, which exits 1', () => {
  test.setTimeout(120_000);
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'validate.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    killSignal: 'SIGKILL',
    env: {
      ...process.env,
      CONTENT_DIR: corpus,
      DATELINE_NOW: FIXTURE_NOW,
      DATELINE_CACHE_DIR: tempDir('dateline-validate-cache-'),
      ...corpusEnv,
    },
  });
  expect(run.error, 'validate finished').toBeUndefined();
  expect(run.status).toBe(1);
  const output = `${run.stdout}\n${run.stderr}`.normalize('NFC');
  checkReport(output, (key) => path.join(corpus, key));
  expect(output).toContain('ignored (name starts with . or _): world/_notes.md');
  expect(output, 'no stack trace').not.toMatch(STACK_LINE);
});

test('should publish every file expected to build at its URL, and write nothing outside the output folder', () => {
  test.setTimeout(BUILD_TIMEOUT_MS + 30_000);
  const good = tempDir('dateline-bad-input-good-');
  const buildable = Object.entries(expected).filter(([, outcome]) => outcome.builds);
  for (const [key] of buildable) {
    const onDisk = files.get(key)!;
    mkdirSync(path.dirname(path.join(good, onDisk)), { recursive: true });
    cpSync(path.join(corpus, onDisk), path.join(good, onDisk));
  }
  // The output three levels down: a path that climbed out of it would land in a folder checked below.
  const jail = tempDir('dateline-bad-input-jail-');
  const outDir = path.join(jail, 'a', 'b', 'dist');
  const started = performance.now();
  const build = buildSite({ contentDir: good, outDir, cacheDir: tempDir('dateline-cache-'), timeoutMs: BUILD_TIMEOUT_MS, env: corpusEnv });
  console.log(`bad-input corpus: ${buildable.length} files, passing build in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  expect(build.timedOut, 'the build finished').toBe(false);
  expect(build.status, build.output.slice(-3000)).toBe(0);
  const output = build.output.normalize('NFC');
  expect(output).toContain(`Articles: published: ${articleCount(buildable)} · drafts: 0 · scheduled: 0 · rejected: 0`);
  checkReport(
    output,
    (key) => path.join(good, key),
    buildable.map(([key]) => key),
  );

  for (const [key, outcome] of buildable) {
    const page = path.join(outDir, outcome.builds!, 'index.html');
    expect(existsSync(page), `${key} is published at ${outcome.builds}`).toBe(true);
    expect(readFileSync(page, 'utf8'), `${key}: its headline`).toMatch(
      new RegExp(`<h1[^>]*>\\s*${escapeRegExp(outcome.headline!)}\\s*</h1>`),
    );
    for (const other of outcome.pages ?? []) expect(existsSync(path.join(outDir, other, 'index.html')), `${key}: ${other}`).toBe(true);
  }

  expect(readdirSync(jail)).toEqual(['a']);
  expect(readdirSync(path.join(jail, 'a'))).toEqual(['b']);
  // The output folder, and the build's report beside it (never published).
  expect(readdirSync(path.join(jail, 'a', 'b')).sort()).toEqual(['build-report.json', 'dist']);
  // Every name in the output is URL-safe: letters, marks, digits, and `.`, `-`, `_` (no space, `%` or `\`).
  const names = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).flatMap((entry) => entry.split(path.sep));
  expect(names.filter((name) => !/^[\p{L}\p{M}\p{N}._-]+$/u.test(name))).toEqual([]);
});
