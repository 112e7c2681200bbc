// The articles loader, the only module that reads article files: each build or `astro dev` reload, from the
// content folder to Astro's store, with one report of every problem.
import { hash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { devParsePool, parseFiles, parsePool, type ParsedFile } from './parse-pool.ts';
import { bodiesDir, hasBody, pruneBodies } from '../build/body-files.ts';
import { keepAssetImports } from '../build/astro-internals.ts';
import type { StoredArticleInput } from '../lib/article/stored.ts';
import { displayTime } from '../lib/dates.ts';
import { formatProblem, formatReport, sortProblems, type Problem } from '../lib/problems.ts';
import { articleSource, checkAcrossFiles, displayPath, listingProblems, parseOptionsFor, unreadableProblem } from './content-files.ts';
import { listMarkdownFiles, readArticleFile } from './content-folder.ts';
import { readProfiles } from './author-profiles.ts';
import { reloadWhenSettled } from './settled-reload.ts';
import { PROFILES_FOLDER } from '../lib/author/profile-schema.ts';
import {
  failedRecord,
  ParseResults,
  parseResultsKey,
  toRecord,
  type FailedFile,
  type FileRecord,
  type RecordedArticle,
} from './parse-results.ts';
import { pictureProblems } from './picture-checks.ts';
import { publicationStatus, type PublicationStatus } from '../lib/publishing.ts';
import { buildReport, reportLines } from '../lib/build-report.ts';
import { leaveOutProblems } from '../lib/leave-out.ts';
import { annotate, writeBuildReport } from './build-report-file.ts';
import { ContentError } from './content-error.ts';
import { setDevProblems } from '../build/dev-problems.ts';
import { startTimer } from '../build/build-timing.ts';
import type { SiteConfig } from '../lib/site-config.ts';

export interface ArticlesLoaderOptions {
  /** Content folder, absolute or relative to the project root. */
  contentDir: string;
  site: SiteConfig;
  /** The build's clock, for scheduled articles. */
  now: () => Date;
}

/**
 * The only module that reads article files. Lists `**\/*.md` in the content folder, parses each changed file
 * (unchanged ones keep their stored entry: same bytes, same digest), checks the collection as a whole, and
 * either stores every article or stops the build with one report of every problem.
 */
export function articlesLoader(options: ArticlesLoaderOptions): Loader {
  let watching = false;
  let dev: DevSession | undefined;
  return {
    name: 'dateline-articles',
    load: async (context) => {
      // In `astro dev`, reload when an article or an image beside it changes; unchanged files keep their
      // entries (digest). Registered before the first load, so fixing a file that broke startup recovers.
      if (context.watcher && !watching) {
        watching = true;
        dev = { pool: devParsePool(fileURLToPath(context.config.root), options.site.maxParseSeconds), stopped: new Map() };
        reloadWhenSettled(context, resolveContentDir(context, options), () => loadArticles(context, options, dev));
      }
      const stop = startTimer('content');
      await loadArticles(context, options, dev);
      stop();
    },
  };
}

function resolveContentDir(context: LoaderContext, options: ArticlesLoaderOptions): string {
  return path.resolve(fileURLToPath(context.config.root), options.contentDir);
}

/** What `astro dev` keeps between reloads, so that an edit is not held up by work done before. */
interface DevSession {
  /** Parsing threads, kept rather than started for each reload. */
  pool: ReturnType<typeof devParsePool>;
  /** Files stopped at the time limit, by digest: not parsed again (for as long again) until they change. */
  stopped: Map<string, ParsedFile>;
}

async function loadArticles(context: LoaderContext, options: ArticlesLoaderOptions, dev?: DevSession): Promise<void> {
  const preview = Boolean(context.watcher);
  const { meta, logger, generateDigest } = context;
  const root = fileURLToPath(context.config.root);
  const contentDir = resolveContentDir(context, options);
  const { maxArticleBytes, maxParseSeconds } = options.site;
  const parseOptions = parseOptionsFor(options.site);
  // A stored entry, like a parse record, is reused only for the same bytes parsed the same way (parse-results.ts).
  const key = parseResultsKey(root, contentDir, parseOptions, maxArticleBytes);
  const results = new ParseResults(root, contentDir, key);
  const now = options.now();
  const bodies = bodiesDir(root);

  const pool = dev?.pool ?? parsePool(root, maxParseSeconds, false);
  // Its first thread loads the parser while this one reads every file to find those that changed.
  pool.warm();
  const listing = listMarkdownFiles(contentDir, { skipFolder: PROFILES_FOLDER });
  const { files: relPaths, ignored } = listing;
  for (const name of ignored) logger.info(`ignored (name starts with . or _): ${displayPath(root, path.join(contentDir, name))}`);
  if (relPaths.length === 0) logger.warn(`No articles found: ${contentDir} holds no .md files.`);

  // First every file is read and reused when its digest and record still hold; the others are parsed
  // together (on every core when there are many). Outcomes are then taken in file order.
  const sorting: Sorting = { context, root, contentDir, maxBytes: maxArticleBytes, key, results, bodies, dev };
  const files = relPaths.map((relPath) => readOrReuse(relPath, sorting));
  const toParse = files.filter((entry): entry is ToParse => 'toParse' in entry && !entry.stopped);
  const jobs = { root, contentDir, options: parseOptions, bodiesDir: bodies, maxBytes: maxArticleBytes };
  const parsed = await parseFiles(pool, jobs, toParse, maxParseSeconds);
  if (dev) dev.stopped = stoppedFiles(files, toParse, parsed);
  const outcomes: Outcomes = { problems: [], changed: [], all: [], failed: [] };
  const parsedOf = new Map<ToParse, ParsedFile>(toParse.map((entry, i) => [entry, parsed[i]!]));
  for (const entry of files) await addOutcome(outcomes, entry, parsedOf, results);
  results.save(relPaths);

  const { problems, all, failed } = outcomes;
  const found = [
    ...checkAcrossFiles(all, failed, now, options.site.relatedCount, ignored),
    ...listingProblems(root, contentDir, listing),
    // The profiles' loader stores them; their problems are reported here, with every other problem of the folder.
    ...(await readProfiles(root, contentDir, options.site)).problems,
  ];
  // Left out (dev, or a build with leaveOutRejected), a file's link to a rejected one is plain text, not an error of its own.
  const leaveOut = preview || options.site.leaveOutRejected;
  problems.push(...(leaveOut ? leaveOutProblems(found) : found));
  const errors = problems.filter((p) => p.severity === 'error');
  const report = buildReport(
    all.map((article) => {
      const status = publicationStatus(article, now);
      return { file: article.file, status, when: reportTime(article, status, options.site) };
    }),
    problems,
    listing.notRead.map((entry) => displayPath(root, path.join(contentDir, entry.relPath))),
    leaveOut,
  );
  if (!preview) {
    writeBuildReport(context.config.outDir, report);
    if (process.env.GITHUB_ACTIONS === 'true') annotate(problems);
  }
  if (errors.length > 0 && !leaveOut) throw new ContentError(`${formatReport(problems)}\n${reportLines(report).join('\n')}`);
  logProblems(logger, problems);
  // A file with errors is left out and the rest published: in `astro dev` (every page shows why), and in a
  // build with leaveOutRejected.
  const rejected = new Set(errors.map((p) => p.file));
  if (preview) {
    setDevProblems(sortProblems(errors));
    // A change in the problems alone (a new broken file) must still reload open pages: the store changes.
    meta.set('dev-problems', generateDigest(JSON.stringify(errors)));
  }

  const { changed } = outcomes;
  await updateStore(context, changed, (relPath) => !rejected.has(displayPath(root, path.join(contentDir, relPath))), relPaths, bodies);

  logger.info(`${relPaths.length} files: ${changed.length} parsed, ${relPaths.length - changed.length} unchanged.`);
  logger.info(`Articles: ${reportLines(report).join(' · ')}`);
  if (!preview && report.rejected.length > 0)
    logger.error(
      `${report.rejected.length} ${report.rejected.length === 1 ? 'file was' : 'files were'} left out of the site (leaveOutRejected): the rest is published. Fix the errors above; build-report.json lists each.`,
    );
}

/** A file whose stored entry and parse record still hold (same bytes, same code, same files beside it): not parsed. */
type Reused = { reused: FileRecord; relPath: string; absPath: string };
/** A file to parse; the bytes are not kept: the thread that parses it reads it again (parse-pool.ts). */
type ToParse = { toParse: true; relPath: string; absPath: string; file: string; digest: string; sha1: string; stopped?: ParsedFile };
/** A file that could not be read. */
type Unreadable = { unreadable: FileRecord; relPath: string; absPath: string };

/** What deciding between reusing and parsing a file needs. */
interface Sorting {
  context: LoaderContext;
  root: string;
  contentDir: string;
  maxBytes: number;
  /** The digest of the code and options: with a file's bytes, its entry's digest. */
  key: string;
  results: ParseResults;
  bodies: string;
  dev: DevSession | undefined;
}

/** Reads one file and reuses its stored entry when its digest and parse record still hold; else it is to be parsed. */
function readOrReuse(relPath: string, sorting: Sorting): Reused | ToParse | Unreadable {
  const { context, root, contentDir, bodies, dev } = sorting;
  const absPath = path.join(contentDir, relPath);
  // Read synchronously: a rebuild reads every file to compare digests, and 10,000 awaited reads spent
  // seconds waiting on the thread pool.
  let bytes: Buffer;
  try {
    bytes = readArticleFile(contentDir, relPath, sorting.maxBytes);
  } catch (error) {
    const file = displayPath(root, absPath);
    return { unreadable: failedRecord(file, relPath, unreadableProblem(file, error)), relPath, absPath };
  }
  const { file, fileExists } = articleSource(root, contentDir, relPath, bytes);
  const sha1 = hash('sha1', bytes);
  const digest = context.generateDigest(`${sorting.key}\n${sha1}`);
  const existing = context.store.get(relPath);
  const record = existing?.digest === digest && hasBody(bodies, digest) ? sorting.results.reuse(relPath, sha1, fileExists!) : undefined;
  if (!existing || !record?.article) {
    const stopped = dev?.stopped.get(digest);
    return { toParse: true, relPath, absPath, file, digest, sha1, ...(stopped && { stopped }) };
  }
  // Keep the unchanged entry's hero image in the build, as Astro's own glob loader does.
  keepAssetImports(context.store, existing.assetImports, existing.filePath);
  return { reused: record, relPath, absPath };
}

/** The files stopped at the time limit this time, by digest, for `astro dev` not to parse them again until they change. */
function stoppedFiles(
  files: readonly (Reused | ToParse | Unreadable)[],
  toParse: readonly ToParse[],
  parsed: readonly ParsedFile[],
): Map<string, ParsedFile> {
  // Kept only for files still there, unchanged, so the map does not grow with every edit.
  const stopped = new Map<string, ParsedFile>();
  for (const entry of files) if ('toParse' in entry && entry.stopped) stopped.set(entry.digest, entry.stopped);
  for (const [i, entry] of toParse.entries()) if (parsed[i]!.stopped) stopped.set(entry.digest, parsed[i]!);
  return stopped;
}

/** What the files came to, in file order: their problems, the articles parsed this time, every article, the files that failed. */
interface Outcomes {
  problems: Problem[];
  changed: ChangedEntry[];
  all: RecordedArticle[];
  failed: FailedFile[];
}

/** One file's outcome, reused, parsed or unreadable, added to the others and to the parse records; its SVG pictures are drawn here (or their verdicts reused). */
async function addOutcome(
  out: Outcomes,
  entry: Reused | ToParse | Unreadable,
  parsed: ReadonlyMap<ToParse, ParsedFile>,
  results: ParseResults,
): Promise<void> {
  let record: FileRecord;
  if ('reused' in entry) record = entry.reused;
  else if ('unreadable' in entry) record = entry.unreadable;
  else {
    const result = entry.stopped ?? parsed.get(entry)!;
    // A result that may differ next time (stopped on a busy machine, or read mid-save) is not kept.
    record = toRecord(entry, result.stopped || result.unsettled ? '' : entry.sha1, new Map(result.lookups), result);
    if (result.article) out.changed.push({ id: entry.relPath, digest: entry.digest, absPath: entry.absPath, article: result.article });
  }
  results.set(entry.relPath, record);
  const file = record.article?.file ?? record.failed!.file;
  out.problems.push(...record.problems, ...(await pictureProblems(file, entry.absPath, record.pictures ?? [], results.pictureVerdicts)));
  if (record.article) out.all.push(record.article);
  else out.failed.push(record.failed!);
}

/** Each problem on its own line of the build's log, by severity. */
function logProblems(logger: LoaderContext['logger'], problems: readonly Problem[]): void {
  for (const problem of sortProblems(problems)) {
    if (problem.severity === 'error') logger.error(formatProblem(problem));
    else if (problem.severity === 'warning') logger.warn(formatProblem(problem));
    else logger.info(formatProblem(problem));
  }
}

/** A parsed article to store, with what is kept beside it for the next build. */
interface ChangedEntry {
  id: string;
  digest: string;
  absPath: string;
  article: StoredArticleInput;
}

/**
 * Stores the articles parsed this time (not those rejected), drops the entries of files that are gone or
 * rejected, and the body files no entry names any more.
 */
async function updateStore(
  context: LoaderContext,
  changed: readonly ChangedEntry[],
  published: (relPath: string) => boolean,
  relPaths: readonly string[],
  bodies: string,
): Promise<void> {
  const { store, parseData } = context;
  const root = fileURLToPath(context.config.root);
  for (const { id, digest, absPath, article } of changed) {
    if (!published(id)) continue;
    const parsed = await parseData({ id, data: article as unknown as Record<string, unknown>, filePath: absPath });
    // The body is not stored here but in its own file, named by the digest (body-files.ts).
    store.set({ id, data: parsed, filePath: path.relative(root, absPath).split(path.sep).join('/'), digest });
  }
  const present = new Set(relPaths.filter(published));
  for (const id of store.keys()) {
    if (present.has(id)) continue;
    store.delete(id);
  }
  pruneBodies(bodies, new Set(store.values().map((entry) => String(entry.digest))));
}

/** When a scheduled article goes live, or an expired one was taken down, as the site writes times. */
function reportTime(article: RecordedArticle, status: PublicationStatus, site: SiteConfig): string {
  const expires = status === 'expired' && article.expires !== undefined ? { iso: article.expires, hasTime: true } : undefined;
  return displayTime(expires ?? article.date, site).text;
}
