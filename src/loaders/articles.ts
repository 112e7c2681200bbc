import { hash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { missingImageProblem, type ArticleLink, type ImageUse } from '../lib/article/local-references.ts';
import { devParsePool, parseFiles, parsePool, type ParsedFile } from './parse-pool.ts';
import { bodiesDir, hasBody, pruneBodies } from '../build/body-files.ts';
import { keepAssetImports } from '../build/astro-internals.ts';
import { codeDigest } from '../build/code-digest.ts';
import type { StoredArticleInput } from '../lib/article/stored.ts';
import { displayTime } from '../lib/dates.ts';
import { formatProblem, formatReport, sortProblems, type Problem } from '../lib/problems.ts';
import { slugFromFileName } from '../lib/slug.ts';
import { articleSource, checkAcrossFiles, displayPath, listingProblems, parseOptionsFor, unreadableProblem } from './content-files.ts';
import { listMarkdownFiles, readArticleFile } from './content-folder.ts';
import { svgProblems, svgUses, type SvgUse } from './svg-pictures.ts';
import { publicationStatus } from '../lib/publishing.ts';
import { buildReport, reportLines } from '../lib/build-report.ts';
import { leaveOutProblems } from '../lib/leave-out.ts';
import { annotate, writeBuildReport } from './build-report-file.ts';
import { setDevProblems } from '../build/dev-problems.ts';
import { startTimer } from '../build/build-timing.ts';
import type { SiteConfig } from '../lib/site-config.ts';

/** The modules whose code decides what is stored for an article: this loader and the parsing threads'. */
const PARSING_CODE = ['src/loaders/articles.ts', 'src/loaders/parse-worker.ts'];

export interface ArticlesLoaderOptions {
  /** Content folder, absolute or relative to the project root. */
  contentDir: string;
  site: SiteConfig;
  /** The build's clock, for scheduled articles. */
  now: () => Date;
}

/**
 * Thrown when articles have errors: the message is the full report, every file at once. An Astro user
 * error, so the build prints the report and the hint rather than a stack trace.
 */
export class ContentError extends AstroError {
  constructor(report: string) {
    super(
      `Some articles cannot be published:\n${report}`,
      'Fix the files listed above (each line says what is expected), then build again.',
    );
    // Astro prints a thrown error's stack and the line of our code that threw it: for mistakes in articles
    // that is noise, so there is none to print.
    this.stack = '';
  }

  /**
   * Astro swaps an error's hint for one about browser APIs when `toString()` mentions `window` or
   * `document`, which a report quoting file names and values may well do ("windows-update.md").
   */
  override toString(): string {
    return `${this.name}: some articles cannot be published`;
  }
}

/** How long the content folder must be quiet before `astro dev` reloads it (longer than the watcher's 50 ms). */
const SETTLE_MS = 120;

/**
 * The only module that reads article files. Lists `**\/*.md` in the content folder, parses each changed file
 * (unchanged ones keep their stored entry: same bytes, same digest), checks the collection as a whole, and
 * either stores every article or stops the build with one report of every problem.
 */
export function articlesLoader(options: ArticlesLoaderOptions): Loader {
  let watching = false;
  let dev: DevSession | undefined;
  // Reloads run one after another, so a slow earlier run can never finish last and undo a newer one.
  let queue: Promise<void> = Promise.resolve();
  return {
    name: 'dateline-articles',
    load: async (context) => {
      // In `astro dev`, reload when an article or an image beside it changes; unchanged files keep their
      // entries (digest). Registered before the first load, so fixing a file that broke startup recovers.
      if (context.watcher && !watching) {
        watching = true;
        dev = { pool: devParsePool(fileURLToPath(context.config.root), options.site.maxParseSeconds), stopped: new Map() };
        const contentDir = resolveContentDir(context, options);
        context.watcher.add(contentDir);
        let settling: NodeJS.Timeout | undefined;
        context.watcher.on('all', (_event, changed) => {
          if (!changed.startsWith(contentDir)) return;
          // Reload once the folder has been quiet for a moment: the watcher passes on at most one change per
          // file in 50 ms, and a save is often two writes (empty the file, write it), so reloading on the
          // first event could read an empty file and never hear of the second write.
          clearTimeout(settling);
          settling = setTimeout(() => {
            queue = queue.then(() => loadArticles(context, options, dev)).catch((error: Error) => context.logger.error(error.message));
          }, SETTLE_MS).unref();
        });
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

/** What is kept beside a stored entry, so a build that reuses it still checks and reports what parsing did. */
interface SourceNotes {
  /** The hero image as written (`./photo.jpg`), to check it still exists. */
  image?: string | undefined;
  /** The line of the `image` field, for problems with the hero picture. */
  imageLine?: number | undefined;
  /** The pictures used in the body, as written, to check they still exist. */
  imageUses?: ImageUse[] | undefined;
  /** Warnings and notices the file had when parsed, printed again on every build. */
  warnings: Problem[];
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
  const parseOptions = parseOptionsFor(options.site);
  // A stored entry is reused only for the same bytes parsed the same way: the same code (this loader, the
  // parser and all they import), installed packages, options and content folder. The folder counts as it
  // sits in the project, so a cache restored into a clone at another path still matches.
  const contentFolder = path.relative(root, contentDir).split(path.sep).join('/');
  const code = codeDigest(root, PARSING_CODE);
  const optionsDigest = generateDigest(`${code}\n${JSON.stringify(parseOptions)}\n${contentFolder}`);
  const now = options.now();
  const bodies = bodiesDir(root);

  const pool = dev?.pool ?? parsePool(root, options.site.maxParseSeconds, false);
  // Its first thread loads the parser while this one reads every file to find those that changed.
  pool.warm();
  const listing = listMarkdownFiles(contentDir);
  const { files: relPaths, ignored } = listing;
  for (const name of ignored) logger.info(`ignored (name starts with . or _): ${displayPath(root, path.join(contentDir, name))}`);
  if (relPaths.length === 0) logger.warn(`No articles found: ${contentDir} holds no .md files.`);

  const problems: Problem[] = [];
  const changed: ChangedEntry[] = [];
  const all: Outcomes['all'] = [];
  const failed: Outcomes['failed'] = [];

  // First every file is read and its stored entry reused when the digest still matches; the others are
  // parsed together (on every core when there are many). Outcomes are then taken in file order.
  const sorting: Sorting = { context, root, contentDir, maxBytes: options.site.maxArticleBytes, optionsDigest, bodies, dev };
  const files: (Reused | ToParse)[] = [];
  for (const relPath of relPaths) {
    const entry = readOrReuse(relPath, sorting);
    if ('unreadable' in entry) {
      problems.push(entry.unreadable);
      failed.push({ slug: slugFromFileName(relPath), file: entry.unreadable.file, relPath });
    } else files.push(entry);
  }

  const toParse = files.filter((entry): entry is ToParse => !entry.reused && !entry.stopped);
  const { maxArticleBytes, maxParseSeconds } = options.site;
  const jobs = { root, contentDir, options: parseOptions, bodiesDir: bodies, maxBytes: maxArticleBytes };
  const results = await parseFiles(pool, jobs, toParse, maxParseSeconds);
  const parsed = new Map<ToParse, ParsedFile>(toParse.map((entry, i) => [entry, results[i]!]));
  if (dev) {
    // Kept only for files still there, unchanged, so the map does not grow with every edit.
    dev.stopped = new Map();
    for (const entry of files) if (!entry.reused && entry.stopped) dev.stopped.set(entry.digest, entry.stopped);
    for (const [i, entry] of toParse.entries()) if (results[i]!.stopped) dev.stopped.set(entry.digest, results[i]!);
  }
  const outcomes: Outcomes = { problems, changed, all, failed };
  for (const entry of files)
    await addOutcome(outcomes, entry, entry.reused ? undefined : (entry.stopped ?? parsed.get(entry)), contentDir, meta);

  const found = [...checkAcrossFiles(all, failed, now, options.site.relatedCount, ignored), ...listingProblems(root, contentDir, listing)];
  // Left out (dev, or a build with leaveOutRejected), a file's link to a rejected one is plain text, not an error of its own.
  const leaveOut = preview || options.site.leaveOutRejected;
  problems.push(...(leaveOut ? leaveOutProblems(found) : found));
  const errors = problems.filter((p) => p.severity === 'error');
  const report = buildReport(
    all.map((article) => ({ file: article.file, status: publicationStatus(article, now), when: publishTime(article, options.site) })),
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

  await updateStore(context, changed, (relPath) => !rejected.has(displayPath(root, path.join(contentDir, relPath))), relPaths, bodies);

  logger.info(`${relPaths.length} files: ${changed.length} parsed, ${relPaths.length - changed.length} unchanged.`);
  logger.info(`Articles: ${reportLines(report).join(' · ')}`);
  if (!preview && report.rejected.length > 0)
    logger.error(
      `${report.rejected.length} ${report.rejected.length === 1 ? 'file was' : 'files were'} left out of the site (leaveOutRejected): the rest is published. Fix the errors above; build-report.json lists each.`,
    );
}

/** A file whose stored entry still holds (same bytes, same code): its pictures are checked again, it is not parsed. */
type Reused = { reused: true; problems: Problem[]; article: StoredArticleInput & { relPath: string }; svg: SvgUse[] };
/** A file to parse; the bytes are not kept: the thread that parses it reads it again (parse-pool.ts). */
type ToParse = { reused: false; relPath: string; absPath: string; file: string; digest: string; sha1: string; stopped?: ParsedFile };

/** What deciding between reusing and parsing a file needs. */
interface Sorting {
  context: LoaderContext;
  root: string;
  contentDir: string;
  maxBytes: number;
  /** The digest of the code and options: with a file's bytes, its entry's digest. */
  optionsDigest: string;
  bodies: string;
  dev: DevSession | undefined;
}

/** Reads one file and reuses its stored entry when its digest still matches; else it is to be parsed. */
function readOrReuse(relPath: string, sorting: Sorting): Reused | ToParse | { unreadable: Problem } {
  const { context, root, contentDir, bodies, dev } = sorting;
  const { store, meta, generateDigest } = context;
  const absPath = path.join(contentDir, relPath);
  // Read synchronously: a rebuild reads every file to compare digests, and 10,000 awaited reads spent
  // seconds waiting on the thread pool.
  let bytes: Buffer;
  try {
    bytes = readArticleFile(contentDir, relPath, sorting.maxBytes);
  } catch (error) {
    return { unreadable: unreadableProblem(displayPath(root, absPath), error) };
  }
  const source = articleSource(root, contentDir, relPath, bytes);
  const { file } = source;
  const sha1 = hash('sha1', bytes);
  const digest = generateDigest(`${sorting.optionsDigest}\n${sha1}`);
  const existing = store.get(relPath);
  const notes = existing?.digest === digest ? readNotes(meta.get(`notes:${relPath}`)) : undefined;
  if (!existing || !notes || !hasBody(bodies, digest)) {
    const stopped = dev?.stopped.get(digest);
    return { reused: false, relPath, absPath, file, digest, sha1, ...(stopped && { stopped }) };
  }
  const problems = [...notes.warnings];
  if (notes.image !== undefined && !source.fileExists!(notes.image)) {
    problems.push({
      severity: 'error',
      file,
      field: 'image',
      message: `"${notes.image}" does not exist next to the article`,
      hint: 'check the file name, or copy the image beside the Markdown file',
    });
  }
  for (const use of notes.imageUses ?? []) if (!source.fileExists!(use.path)) problems.push(missingImageProblem(file, use));
  // Keep the unchanged entry's hero image in the build, as Astro's own glob loader does.
  keepAssetImports(store, existing.assetImports, existing.filePath);
  return {
    reused: true,
    problems,
    article: { ...(existing.data as unknown as StoredArticleInput), relPath },
    svg: svgUses(notes.image, notes.imageLine, notes.imageUses),
  };
}

/** What the files came to, in file order: their problems, the articles parsed this time, every article, the files that failed. */
interface Outcomes {
  problems: Problem[];
  changed: ChangedEntry[];
  all: (StoredArticleInput & { relPath: string })[];
  failed: { slug: string; file: string; relPath: string; articleLinks?: ArticleLink[] | undefined }[];
}

/** One file's outcome, reused or parsed, added to the others; its SVG pictures are drawn here (or their verdicts reused). */
async function addOutcome(
  out: Outcomes,
  entry: Reused | ToParse,
  result: ParsedFile | undefined,
  contentDir: string,
  meta: LoaderContext['meta'],
): Promise<void> {
  if (entry.reused) {
    const { file, relPath } = entry.article;
    out.problems.push(...entry.problems, ...(await svgProblems(file, path.join(contentDir, relPath), entry.svg, meta)));
    out.all.push(entry.article);
    return;
  }
  const { relPath, absPath, file, digest } = entry;
  out.problems.push(...result!.problems);
  const { article, imageLine, imageUses } = result!;
  if (article) {
    out.problems.push(...(await svgProblems(file, absPath, svgUses(article.image?.src, imageLine, imageUses), meta)));
    const warnings = result!.problems.filter((p) => p.severity !== 'error');
    const notes = { image: article.image?.src, imageLine, imageUses, warnings };
    out.changed.push({ id: relPath, digest, absPath, article, notes });
    out.all.push({ ...article, relPath });
  } else {
    out.problems.push(...(await svgProblems(file, absPath, svgUses(result!.heroImage, imageLine, imageUses), meta)));
    out.failed.push({ slug: slugFromFileName(relPath), file, relPath, articleLinks: result!.articleLinks });
  }
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
  notes: SourceNotes;
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
  const { store, meta, parseData } = context;
  const root = fileURLToPath(context.config.root);
  for (const { id, digest, absPath, article, notes } of changed) {
    if (!published(id)) continue;
    const parsed = await parseData({ id, data: article as unknown as Record<string, unknown>, filePath: absPath });
    // The body is not stored here but in its own file, named by the digest (body-files.ts).
    store.set({ id, data: parsed, filePath: path.relative(root, absPath).split(path.sep).join('/'), digest });
    meta.set(`notes:${id}`, JSON.stringify(notes));
  }
  const present = new Set(relPaths.filter(published));
  for (const id of store.keys()) {
    if (present.has(id)) continue;
    store.delete(id);
    meta.delete(`notes:${id}`);
  }
  pruneBodies(bodies, new Set(store.values().map((entry) => String(entry.digest))));
}

function readNotes(json: string | undefined): SourceNotes | undefined {
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json) as SourceNotes;
  } catch {
    return undefined;
  }
}

/** When a scheduled article goes live, as the site writes times. */
function publishTime(article: StoredArticleInput, site: SiteConfig): string {
  return displayTime(article.date, site).text;
}
