// `npm run bench -- --articles N [--runs R] [--no-cards] [--no-hugo] [--hugo-site DIR] [--json FILE] [--keep]`
// Builds a synthetic newsroom of N articles (scripts/generate-corpus.ts, fixed seed) R times with the build a
// newsroom runs (`npm run build`, every feature on): a cold build (fresh output and cache folders) and then a
// warm rebuild (caches kept, one sentence of one article edited), then a rebuild with nothing changed (a
// scheduled build on a quiet hour). Where `hugo` is installed, each run also
// builds the same corpus with the Hugo yardstick site (bench-hugo.ts), interleaved, and the table gives the
// ratios. Prints medians and ranges and writes every run to JSON (bench-results/ by default). `--no-cards`
// skips social cards (the table says so). Builds run in a temporary folder, removed unless --keep.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildPhases, parseBuildLog, type BuildLog, type Phases } from './bench-build-log.ts';
import { summarise, type Summary } from './bench-stats.ts';
import { generateCorpus } from './generate-corpus.ts';
import { hugoSite, measureHugo, prepareHugoSite, type HugoSite } from './bench-hugo.ts';
import { flushFileSystem, measureOutput, timedBuild } from './bench-measure.ts';

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
  /** Social cards published and drawn (not taken from the card cache). */
  cards: BuildLog['cards'];
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
  // The npm that runs this benchmark (`npm run bench`), on the project's Node.
  const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
  const { wallMs, cpuMs, peak, log } = await timedBuild([...npm, 'run', 'build'], ROOT, env, folders.logFile);
  const parsed = parseBuildLog(log);
  return {
    wallMs,
    cpuMs,
    peakRssBytes: peak,
    ...measureOutput(folders.out),
    phases: buildPhases(parsed, wallMs),
    files: parsed.files,
    cards: parsed.cards,
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
    cardsDrawn: (run) => run.cards?.drawn,
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
  ['phase: the collection and body keys (bodies resolve as pages render)', 'phase.bodies', 'ms'],
  ['phase: Related and lists (newsroom)', 'phase.newsroom', 'ms'],
  ['phase: page rendering and writing', 'phase.rendering', 'ms'],
  ['social cards drawn (the rest from the card cache)', 'cardsDrawn', 'count'],
  ['phase: social cards (waiting for those not drawn while pages rendered; publishing)', 'phase.cards', 'ms'],
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

type Summaries = ReturnType<typeof summariseRuns>;

/**
 * The Markdown table: one row per figure, cold and warm (and, when given, unchanged) side by side, plus
 * milliseconds per article.
 */
export function formatTable(articles: number, cold: Summaries, warm: Summaries, unchanged?: Summaries): string {
  const perArticle = (s: Summary | undefined) => (s ? `${(s.median / articles).toFixed(2)} ms` : '—');
  const columns = unchanged ? [cold, warm, unchanged] : [cold, warm];
  const lines = [
    `| figure (median, min–max) | cold build | warm rebuild (one article edited) |${unchanged ? ' rebuild, nothing changed |' : ''}`,
    `| --- |${' ---: |'.repeat(columns.length)}`,
  ];
  for (const [label, figure, unit] of ROWS) {
    lines.push(`| ${label} | ${columns.map((column) => cell(column[figure], unit)).join(' | ')} |`);
    if (figure === 'wallMs') lines.push(`| ms per article | ${columns.map((column) => perArticle(column.wallMs)).join(' | ')} |`);
  }
  return lines.join('\n');
}

interface Options {
  articles: number;
  runs: number;
  cards: boolean;
  /** Hugo and its site, or why the comparison is skipped. */
  hugo: HugoSite | string;
  json: string | undefined;
  keep: boolean;
}

/** One Hugo build of the same corpus, in the same run. */
export type HugoMeasure = Awaited<ReturnType<typeof measureHugo>>;

interface Runs {
  cold: BuildMeasure[];
  warm: BuildMeasure[];
  unchanged: BuildMeasure[];
  hugo: HugoMeasure[];
}

/**
 * R cold builds, each followed by a warm rebuild of the same folders with one sentence of one article
 * edited, and by a Hugo build of the same corpus where Hugo is there: interleaved, so that the machine's
 * changing speed weighs on both alike.
 */
async function runBuilds(options: Options, work: string): Promise<Runs> {
  const content = path.join(work, 'content');
  console.log(`Generating ${options.articles} articles in ${content} …`);
  generateCorpus(options.articles, content);
  const hugoDir = path.join(work, 'hugo-site');
  if (typeof options.hugo !== 'string') prepareHugoSite(options.hugo, content, hugoDir);
  const edited = articleToEdit(content);
  const original = readFileSync(edited, 'utf8');
  const runs: Runs = { cold: [], warm: [], unchanged: [], hugo: [] };
  for (let run = 1; run <= options.runs; run++) {
    const folders = { content, out: path.join(work, `out-${run}`), cache: path.join(work, `cache-${run}`) };
    console.log(`run ${run}/${options.runs}: cold build …`);
    runs.cold.push(await measureBuild({ ...folders, logFile: path.join(work, `cold-${run}.log`) }, options.cards));
    console.log(`run ${run}/${options.runs}: warm rebuild after editing ${path.relative(content, edited)} …`);
    writeFileSync(edited, editOneSentence(original, String(run)));
    try {
      runs.warm.push(await measureBuild({ ...folders, logFile: path.join(work, `warm-${run}.log`) }, options.cards));
      console.log(`run ${run}/${options.runs}: rebuild with nothing changed …`);
      runs.unchanged.push(await measureBuild({ ...folders, logFile: path.join(work, `unchanged-${run}.log`) }, options.cards));
    } finally {
      writeFileSync(edited, original);
    }
    if (typeof options.hugo !== 'string') {
      console.log(`run ${run}/${options.runs}: Hugo build of the same corpus …`);
      runs.hugo.push(await measureHugo(hugoDir, path.join(work, `hugo-out-${run}`), path.join(work, `hugo-${run}.log`)));
    }
    // Each run's folders stay until the end (~0.9 GB a run at 10,000 articles). Deleted here, they slowed
    // the next run's cold build: on this machine kind (ext4 mounted with `discard`), deleting a large
    // output folder makes the next build's file creation markedly slower (docs/performance.md).
  }
  return runs;
}

/** Hugo's figures and Dateline's time as a multiple of Hugo's, run by run (each pair built back to back). */
export function formatHugoTable(runs: Runs): string {
  const hugo = summarise(runs.hugo.map((run) => run.wallMs));
  const ratio = (builds: BuildMeasure[]) => summarise(builds.map((build, i) => build.wallMs / runs.hugo[i]!.wallMs));
  const times = (s: Summary) => `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
  return [
    '| Hugo, same corpus, same runs (median, min–max) | |',
    '| --- | ---: |',
    `| wall time | ${cell(hugo, 'ms')} |`,
    `| peak RSS (process tree) | ${cell(summarise(runs.hugo.map((run) => run.peakRssBytes)), 'bytes')} |`,
    `| pages written (HTML) | ${cell(summarise(runs.hugo.map((run) => run.pages)), 'count')} |`,
    `| Dateline cold build ÷ Hugo | ${times(ratio(runs.cold))} |`,
    `| Dateline warm rebuild (one article edited) ÷ Hugo | ${times(ratio(runs.warm))} |`,
    `| Dateline rebuild with nothing changed ÷ Hugo | ${times(ratio(runs.unchanged))} |`,
  ].join('\n');
}

/** Prints the tables and writes every run to JSON. */
function report(options: Options, runs: Runs): void {
  const { cold, warm, unchanged, hugo } = runs;
  const summary = { cold: summariseRuns(cold), warm: summariseRuns(warm), unchanged: summariseRuns(unchanged) };
  const load = [...cold, ...warm, ...unchanged].map((run) => run.loadAverage[0]!);
  const cores = os.availableParallelism();
  console.log(
    `\nDateline build of ${options.articles} synthetic articles, ${options.runs} run(s), ` +
      (options.cards ? 'every feature on (the default build)' : 'social cards skipped (--no-cards): not the default build') +
      ` (Node ${process.version}, ${cores} cores, 1-minute load average at build start ${Math.min(...load)}–${Math.max(...load)})\n`,
  );
  console.log(formatTable(options.articles, summary.cold, summary.warm, summary.unchanged));
  if (typeof options.hugo === 'string') console.log(`\nNo Hugo comparison: ${options.hugo}.`);
  else console.log(`\n${options.hugo.version}\n\n${formatHugoTable(runs)}`);
  const name = `bench-${options.articles}${options.cards ? '' : '-no-cards'}.json`;
  const jsonFile = path.resolve(options.json ?? path.join(ROOT, 'bench-results', name));
  mkdirSync(path.dirname(jsonFile), { recursive: true });
  const { articles, cards } = options;
  const result = {
    articles,
    runs: options.runs,
    cards,
    node: process.version,
    cores,
    date: new Date().toISOString(),
    summary,
    cold,
    warm,
    unchanged,
    hugo,
  };
  writeFileSync(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nAll runs: ${path.relative(process.cwd(), jsonFile)}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    allowNegative: true,
    options: {
      articles: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '3' },
      cards: { type: 'boolean', default: true },
      hugo: { type: 'boolean', default: true },
      'hugo-site': { type: 'string', default: path.resolve(ROOT, '..', 'shared', 'bench', 'hugo-news-site') },
      json: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const options: Options = {
    articles: Number(values.articles),
    runs: Number(values.runs),
    cards: values.cards,
    hugo: values.hugo ? hugoSite(path.resolve(values['hugo-site'])) : 'turned off (--no-hugo)',
    json: values.json,
    keep: values.keep,
  };
  const work = benchFolder();
  try {
    report(options, await runBuilds(options, work));
  } finally {
    if (options.keep) console.log(`Corpus, output folders and build logs kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.main) await main();
