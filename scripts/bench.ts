// `npm run bench -- --articles N [--runs R] [--cards] [--json FILE] [--keep]`
// Builds a synthetic newsroom of N articles (scripts/generate-corpus.ts, fixed seed) R times: a cold build
// (fresh output and cache folders) and then a warm rebuild (caches kept, one sentence of one article
// edited). Prints a table of medians and ranges and writes every run to JSON (bench-results/ by default).
// Social cards are skipped unless --cards. Builds run in a temporary folder, removed unless --keep.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildPhases, parseBuildLog, type BuildLog, type Phases } from './bench-build-log.ts';
import { summarise, type Summary } from './bench-stats.ts';
import { generateCorpus } from './generate-corpus.ts';
import { orphanedCpuMs, sampleProcessTree } from './process-tree.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
/** After every generated date (2022–2024), so every article is published and every run builds the same site. */
const NOW = '2025-01-01T12:00:00Z';

/** One build, as measured from outside (time, memory, output) and read from its log (phases). */
export interface BuildMeasure {
  wallMs: number;
  /** User + system time of the build's whole process tree. */
  cpuMs: number;
  peakRssBytes: number;
  pages: number;
  outBytes: number;
  searchIndexBytes: number;
  phases: Phases;
  files: BuildLog['files'];
  /** Routes written per kind and the sum of their render times, to see which pages cost most. */
  routes: BuildLog['routes'];
  /** `os.loadavg()` when the build started: other work on the machine skews every figure. */
  loadAverage: number[];
}

/** Rewrites the first sentence of the body (not the frontmatter), so exactly one article's digest changes. */
export function editOneSentence(markdown: string, mark: string): string {
  const bodyStart = markdown.indexOf('\n---\n', 3) + 5;
  const sentence = /^[A-Z][^.\n]*\./m.exec(markdown.slice(bodyStart));
  if (bodyStart < 5 || !sentence) throw new Error('no body sentence to edit');
  const at = bodyStart + sentence.index;
  return `${markdown.slice(0, at)}Edited by the benchmark, run ${mark}.${markdown.slice(at + sentence[0].length)}`;
}

/**
 * Runs `npm run build` (the newsroom's build: `astro build`, then the search index) under GNU time while
 * sampling its process tree; rejects on a failed build.
 */
async function timedBuild(env: NodeJS.ProcessEnv, logFile: string): Promise<{ wallMs: number; cpuMs: number; peak: number; log: string }> {
  const timeFile = `${logFile}.time`;
  const useTime = statSync('/usr/bin/time', { throwIfNoEntry: false })?.isFile() ?? false;
  // The npm that runs this benchmark (`npm run bench`), on the project's Node.
  const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
  const [command, ...args] = useTime ? ['/usr/bin/time', '-f', '%U %S', '-o', timeFile, ...npm, 'run', 'build'] : [...npm, 'run', 'build'];
  const started = performance.now();
  const child = spawn(command!, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const sampler = sampleProcessTree(child.pid!);
  let log = '';
  // Decoded as streams, so a character split across two chunks (Astro's ✓ and ├─) is not mangled.
  for (const stream of [child.stdout, child.stderr]) stream.setEncoding('utf8').on('data', (text: string) => (log += text));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - started;
  const { peakBytes, seen } = sampler.stop();
  writeFileSync(logFile, log);
  if (status !== 0) throw new Error(`build failed (exit ${status}); log: ${logFile}\n${log.slice(-3000)}`);
  // GNU time's last line: user and system seconds of npm and every process of the tree that its parent
  // waited for; processes that outlived their parent are added from the samples. Without GNU time, every
  // process's last sample.
  const [user, system] = useTime ? readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number) : [];
  const cpuMs = useTime ? (user! + system!) * 1000 + orphanedCpuMs(seen) : [...seen.values()].reduce((sum, proc) => sum + proc.cpuMs, 0);
  return { wallMs, cpuMs, peak: peakBytes, log };
}

/**
 * Writes out what earlier steps left in the page cache (the corpus, the last build's ~0.9 GB at 10,000
 * articles) before a build is timed, so that the build does not pay for them. `sync` is in every Unix.
 */
function flushFileSystem(): void {
  spawnSync('sync', { stdio: 'ignore' });
}

/** HTML pages written, bytes of the whole output and of Pagefind's index in it. */
function measureOutput(outDir: string): { pages: number; outBytes: number; searchIndexBytes: number } {
  const result = { pages: 0, outBytes: 0, searchIndexBytes: 0 };
  const searchDir = path.join(outDir, 'pagefind') + path.sep;
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { size } = statSync(file);
    result.outBytes += size;
    if (file.startsWith(searchDir)) result.searchIndexBytes += size;
    if (entry.name.endsWith('.html')) result.pages += 1;
  }
  return result;
}

async function measureBuild(
  folders: { content: string; out: string; cache: string; logFile: string },
  cards: boolean,
): Promise<BuildMeasure> {
  const loadAverage = os.loadavg().map((x) => Number(x.toFixed(2)));
  const env = {
    ...process.env,
    CONTENT_DIR: folders.content,
    DATELINE_OUT_DIR: folders.out,
    DATELINE_CACHE_DIR: folders.cache,
    DATELINE_NOW: NOW,
    DATELINE_TIMINGS: '1',
    DATELINE_SKIP_CARDS: cards ? '0' : '1',
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  flushFileSystem();
  const { wallMs, cpuMs, peak, log } = await timedBuild(env, folders.logFile);
  const parsed = parseBuildLog(log);
  return {
    wallMs,
    cpuMs,
    peakRssBytes: peak,
    ...measureOutput(folders.out),
    phases: buildPhases(parsed, wallMs),
    files: parsed.files,
    routes: parsed.routes,
    loadAverage,
  };
}

/**
 * A fresh temporary folder for the corpus, the builds and their logs, inside the project (node_modules/.cache,
 * ignored by every tool): Astro writes the pages' server bundle to `<outDir>/.prerender/` only when the output
 * folder is inside the working directory, and otherwise to the project's shared `.astro/.prerender/`, which any
 * other build of this project then deletes at its end, failing this one mid-way (ERR_MODULE_NOT_FOUND).
 */
function benchFolder(): string {
  const parent = path.join(ROOT, 'node_modules', '.cache');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(path.join(parent, 'dateline-bench-'));
}

/** The article the warm rebuild edits: the first Markdown file in name order, so every run edits the same one. */
function articleToEdit(content: string): string {
  const files = readdirSync(content, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md'));
  return path.join(content, files.sort()[0]!);
}

/** Medians and ranges of every figure over the runs; undefined figures (not in the log) stay undefined. */
export function summariseRuns(runs: readonly BuildMeasure[]): Record<string, Summary | undefined> {
  const figures: Record<string, (run: BuildMeasure) => number | undefined> = {
    wallMs: (run) => run.wallMs,
    cpuMs: (run) => run.cpuMs,
    peakRssBytes: (run) => run.peakRssBytes,
    pages: (run) => run.pages,
    outBytes: (run) => run.outBytes,
    searchIndexBytes: (run) => run.searchIndexBytes,
    filesParsed: (run) => run.files?.parsed,
    ...Object.fromEntries(
      (Object.keys(runs[0]?.phases ?? {}) as (keyof Phases)[]).map((phase) => [`phase.${phase}`, (run: BuildMeasure) => run.phases[phase]]),
    ),
  };
  return Object.fromEntries(
    Object.entries(figures).map(([name, read]) => {
      const values = runs.map(read);
      return [name, values.includes(undefined) ? undefined : summarise(values as number[])];
    }),
  );
}

const ROWS: [label: string, figure: string, unit: 'ms' | 'bytes' | 'count'][] = [
  ['wall time', 'wallMs', 'ms'],
  ['CPU time (user + sys, process tree)', 'cpuMs', 'ms'],
  ['peak RSS (process tree)', 'peakRssBytes', 'bytes'],
  ['pages written (HTML)', 'pages', 'count'],
  ['output folder', 'outBytes', 'bytes'],
  ['search index (pagefind/)', 'searchIndexBytes', 'bytes'],
  // A warm rebuild parses only the edited file; more means the cache was not reused (parser or lockfile changed).
  ['articles parsed (the rest from the content cache)', 'filesParsed', 'count'],
  ['phase: content sync (Astro)', 'phase.contentSync', 'ms'],
  ['  of which content parsing (our loader)', 'phase.contentParsing', 'ms'],
  ['phase: Vite bundling', 'phase.bundling', 'ms'],
  ['phase: article bodies (links, pictures)', 'phase.bodies', 'ms'],
  ['phase: Related and lists (newsroom)', 'phase.newsroom', 'ms'],
  ['phase: page rendering and writing', 'phase.rendering', 'ms'],
  ['phase: social cards', 'phase.cards', 'ms'],
  ['phase: search index (Pagefind)', 'phase.searchIndex', 'ms'],
  // With a bare `astro build` the search index overlaps these; `npm run build` indexes after them.
  ['phase: other (pruning the old output; sitemap and _headers)', 'phase.other', 'ms'],
  ["start-up and exit (Node, npm; outside Astro's timer and the search step)", 'phase.startup', 'ms'],
];

/** One cell: the median, with the range when runs differ. */
function cell(summary: Summary | undefined, unit: 'ms' | 'bytes' | 'count'): string {
  if (!summary) return '—';
  const format = (x: number) =>
    unit === 'ms' ? (x / 1000).toFixed(x < 10_000 ? 2 : 1) : unit === 'bytes' ? (x / 1_048_576).toFixed(1) : String(Math.round(x));
  const suffix = unit === 'ms' ? ' s' : unit === 'bytes' ? ' MiB' : '';
  const range = format(summary.min) === format(summary.max) ? '' : ` (${format(summary.min)}–${format(summary.max)})`;
  return `${format(summary.median)}${suffix}${range}`;
}

/** The Markdown table: one row per figure, cold and warm side by side, plus milliseconds per article. */
export function formatTable(articles: number, cold: ReturnType<typeof summariseRuns>, warm: ReturnType<typeof summariseRuns>): string {
  const perArticle = (s: Summary | undefined) => (s ? `${(s.median / articles).toFixed(2)} ms` : '—');
  const lines = ['| figure (median, min–max) | cold build | warm rebuild |', '| --- | ---: | ---: |'];
  for (const [label, figure, unit] of ROWS) {
    lines.push(`| ${label} | ${cell(cold[figure], unit)} | ${cell(warm[figure], unit)} |`);
    if (figure === 'wallMs') lines.push(`| ms per article | ${perArticle(cold.wallMs)} | ${perArticle(warm.wallMs)} |`);
  }
  return lines.join('\n');
}

interface Options {
  articles: number;
  runs: number;
  cards: boolean;
  json: string | undefined;
  keep: boolean;
}

/** R cold builds, each followed by a warm rebuild of the same folders with one sentence of one article edited. */
async function runBuilds(options: Options, work: string): Promise<{ cold: BuildMeasure[]; warm: BuildMeasure[] }> {
  const content = path.join(work, 'content');
  console.log(`Generating ${options.articles} articles in ${content} …`);
  generateCorpus(options.articles, content);
  const edited = articleToEdit(content);
  const original = readFileSync(edited, 'utf8');
  const cold: BuildMeasure[] = [];
  const warm: BuildMeasure[] = [];
  for (let run = 1; run <= options.runs; run++) {
    const folders = { content, out: path.join(work, `out-${run}`), cache: path.join(work, `cache-${run}`) };
    console.log(`run ${run}/${options.runs}: cold build …`);
    cold.push(await measureBuild({ ...folders, logFile: path.join(work, `cold-${run}.log`) }, options.cards));
    console.log(`run ${run}/${options.runs}: warm rebuild after editing ${path.relative(content, edited)} …`);
    writeFileSync(edited, editOneSentence(original, String(run)));
    try {
      warm.push(await measureBuild({ ...folders, logFile: path.join(work, `warm-${run}.log`) }, options.cards));
    } finally {
      writeFileSync(edited, original);
    }
    // Each run's folders stay until the end (~0.9 GB a run at 10,000 articles). Deleted here, they slowed
    // the next run's cold build: on this machine kind (ext4 mounted with `discard`) the first cold run of
    // a batch took 76–78 s and the runs after a deletion 96–119 s. (A bare Astro build of 19,000 pages:
    // 9.9, 14.0 and 21.4 s when each run first deleted the last one's output, 8.6–10.1 s into new folders.)
  }
  return { cold, warm };
}

/** Prints the table and writes every run to JSON. */
function report(options: Options, cold: BuildMeasure[], warm: BuildMeasure[]): void {
  const summary = { cold: summariseRuns(cold), warm: summariseRuns(warm) };
  const load = [...cold, ...warm].map((run) => run.loadAverage[0]!);
  const cores = os.availableParallelism();
  console.log(
    `\nDateline build of ${options.articles} synthetic articles, ${options.runs} run(s), social cards ${options.cards ? 'drawn' : 'skipped'}` +
      ` (Node ${process.version}, ${cores} cores, 1-minute load average at build start ${Math.min(...load)}–${Math.max(...load)})\n`,
  );
  console.log(formatTable(options.articles, summary.cold, summary.warm));
  const name = `bench-${options.articles}${options.cards ? '-cards' : ''}.json`;
  const jsonFile = path.resolve(options.json ?? path.join(ROOT, 'bench-results', name));
  mkdirSync(path.dirname(jsonFile), { recursive: true });
  const { articles, runs, cards } = options;
  const result = { articles, runs, cards, node: process.version, cores, date: new Date().toISOString(), summary, cold, warm };
  writeFileSync(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nAll runs: ${path.relative(process.cwd(), jsonFile)}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '3' },
      cards: { type: 'boolean', default: false },
      json: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const options: Options = { ...values, json: values.json, articles: Number(values.articles), runs: Number(values.runs) };
  const work = benchFolder();
  try {
    const { cold, warm } = await runBuilds(options, work);
    report(options, cold, warm);
  } finally {
    if (options.keep) console.log(`Corpus, output folders and build logs kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.main) await main();
