// `npm run validate [-- --details]`: checks every article of the content folder (or CONTENT_DIR) without
// building, and prints every error and warning at once (`path:line: field: message (hint)`; editorial
// warnings of one kind as one line when there are many, unless --details), then a summary.
// Exit code 1 when any file has an error. Same parser and checks as the build, plus the editorial
// warnings (tag spellings, one-off tags, long headlines and standfirsts: src/lib/editorial-checks.ts).
//
// Parsing is nearly all the time (about 10 ms an article: Markdown, frontmatter, the HTML pipeline), so
// - a file is parsed again only when something it depends on changed since the last run: its bytes, the
//   files next to it that it names, or the code (results are kept in the cache folder, as the build keeps
//   parsed articles); the checks across files always run on the whole folder;
// - files are parsed on worker threads (this file is also the worker script), on every core when there are
//   many, each under the site's time limit (src/build/work-sharing.ts).
// Results are put back in file order, so the report is the same whatever was cached and however many threads.
import { createHash, hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';
import { cacheDir } from '../src/build/build-paths.ts';
import { writeFileAtomically } from '../src/build/atomic-write.ts';
import { codeDigest } from '../src/build/code-digest.ts';
import { buildTime } from '../src/build/clock.ts';
import type { ArticleLink } from '../src/lib/article/local-references.ts';
import type { ParsedArticle } from '../src/lib/article/parse.ts';
import { checkEditorial } from '../src/lib/editorial-checks.ts';
import { githubAnnotation } from '../src/lib/annotations.ts';
import { formatReport, sortProblems, type Problem } from '../src/lib/problems.ts';
import { slugFromFileName } from '../src/lib/slug.ts';
import { serveItems, WorkPool } from '../src/build/work-sharing.ts';
import {
  articleSource,
  checkAcrossFiles,
  displayPath,
  listingProblems,
  parseOptionsFor,
  stoppedProblem,
  unreadableProblem,
} from '../src/loaders/content-files.ts';
import { listMarkdownFiles, readArticleFile } from '../src/loaders/content-folder.ts';
import { PARSE_HEAP_LIMIT_MB } from '../src/loaders/parse-pool.ts';
import { svgProblems, svgUses, type SvgUse } from '../src/loaders/svg-pictures.ts';
import { checkSiteConfig } from '../src/lib/site-config.ts';
import { site } from '../src/site.config.ts';

/** Per thread started: starting one loads the pipeline (~0.4 s), worth it for about this many files. */
const FILES_PER_THREAD = 100;

const parseOptions = parseOptionsFor(site);

/**
 * The build stops a file whose parse takes longer than `maxParseSeconds`, which the quick reading (no
 * Markdown parser) would never see. The shapes the parser is slowest on (docs/performance.md, "Parse
 * time") need far more bytes than this to reach the limit, even on a machine several times slower: larger
 * files are read the build's way, under the same limit, so validate stops what the build would. Newsroom
 * articles are well below it.
 */
const QUICK_READING_MAX_BYTES = site.maxParseSeconds * 4 * 1024;

/**
 * What the checks across files and the editorial checks read of an article; the rest (its HTML above all)
 * is neither copied back from the threads nor cached.
 */
type ValidatedArticle = Pick<
  ParsedArticle,
  'slug' | 'file' | 'related' | 'articleLinks' | 'draft' | 'date' | 'title' | 'description' | 'tags' | 'section' | 'authors'
> & {
  relPath: string;
};

/** One file's outcome: its problems, and the article when it parsed without errors. */
interface FileResult {
  problems: Problem[];
  article?: ValidatedArticle;
  /** Its SVG pictures, drawn on every run (their bytes are not part of what the cached result depends on). */
  svg?: SvgUse[];
  /** The file's display path, the slug its name gives and its path in the folder, for pins and links to it when it failed; its own links, still checked. */
  failed?: { slug: string; file: string; relPath: string; articleLinks?: ArticleLink[] };
}

/** A file's outcome with what it depends on besides the code, so a later run can tell whether it still holds. */
interface CheckedFile {
  /** SHA-1 of the bytes that were parsed. */
  digest: string;
  /** Every "is there a file at this path next to the article?" the parser asked (hero and body images), with the answer. */
  lookups: [string, boolean][];
  result: FileResult;
}

/** What each worker is given: the files to check and where they are. */
interface WorkerInput {
  root: string;
  contentDir: string;
  files: string[];
}

// Loaded when first needed, not at the top: when every file is unchanged, the pipeline (~0.3 s to load) is not needed.
let quickCheck: typeof import('../src/lib/article/body-scan.ts').checkArticle | undefined;
// The full pipeline only for bodies with raw HTML, which the quick reading leaves to it; loaded once, if needed.
let render: typeof import('../src/lib/article/parse.ts').parseArticle | undefined;

/** Checks file number `i` of the input (on a thread of the pool, under its time limit). */
async function checkFile(input: WorkerInput, i: number): Promise<CheckedFile> {
  quickCheck ??= (await import('../src/lib/article/body-scan.ts')).checkArticle;
  const relPath = input.files[i]!;
  let bytes: Buffer;
  try {
    bytes = readArticleFile(input.contentDir, relPath, site.maxArticleBytes);
  } catch (error) {
    const file = displayPath(input.root, path.join(input.contentDir, relPath));
    return { digest: '', lookups: [], result: toResult(relPath, file, undefined, [unreadableProblem(file, error)]) };
  }
  const source = articleSource(input.root, input.contentDir, relPath, bytes);
  const lookups = new Map<string, boolean>();
  const exists = source.fileExists!;
  const fileExists = (src: string) => {
    const answer = exists(src);
    lookups.set(src, answer);
    return answer;
  };
  const quick = bytes.length <= QUICK_READING_MAX_BYTES ? quickCheck({ ...source, fileExists }, parseOptions) : undefined;
  render ??= quick ? undefined : (await import('../src/lib/article/parse.ts')).parseArticle;
  const { article, problems, imageLine, imageUses, articleLinks, heroImage } = quick ?? render!({ ...source, fileExists }, parseOptions);
  const result = toResult(relPath, source.file, article, problems, articleLinks);
  // A file with errors still has its pictures checked, so one run reports every problem.
  const svg = svgUses(article ? article.image?.src : heroImage, imageLine, imageUses);
  return { digest: hash('sha1', bytes), lookups: [...lookups], result: svg.length > 0 ? { ...result, svg } : result };
}

function toResult(
  relPath: string,
  file: string,
  article: ParsedArticle | undefined,
  problems: Problem[],
  linksOfFailed?: ArticleLink[],
): FileResult {
  if (!article)
    return { problems, failed: { slug: slugFromFileName(relPath), file, relPath, ...(linksOfFailed && { articleLinks: linksOfFailed }) } };
  const { slug, related, articleLinks, draft, date, title, description, tags, section, authors } = article;
  return {
    problems,
    article: {
      slug,
      file,
      relPath,
      related,
      articleLinks,
      draft,
      date,
      title,
      tags,
      section,
      authors,
      ...(description !== undefined && { description }),
    },
  };
}

/** Checks the files on as many threads as pay off, each under the time limit; results in the order of `files`. */
async function checkFiles(root: string, contentDir: string, files: string[]): Promise<CheckedFile[]> {
  const pool = new WorkPool<WorkerInput, CheckedFile>({
    script: new URL(import.meta.url),
    itemsPerThread: FILES_PER_THREAD,
    limitMs: site.maxParseSeconds * 1000,
    heapLimitMb: PARSE_HEAP_LIMIT_MB,
  });
  const outcomes = await pool.run({ root, contentDir, files }, files.length);
  return outcomes.map((outcome, i) => {
    if ('result' in outcome) return outcome.result;
    const relPath = files[i]!;
    const file = displayPath(root, path.join(contentDir, relPath));
    // Not kept for the next run (no digest matches ''): a file stopped on a busy machine may pass on a quiet one.
    return { digest: '', lookups: [], result: toResult(relPath, file, undefined, [stoppedProblem(file, outcome, site.maxParseSeconds)]) };
  });
}

/** The results of the last run on a folder, valid while `code` is the same. */
interface CacheContents {
  code: string;
  files: Record<string, CheckedFile>;
  /** Whether each SVG picture draws, by content digest (svg-pictures.ts). */
  svg?: Record<string, string>;
}

/**
 * What every result depends on besides its file: the parsing and checking code (this script and every
 * module it reaches), the installed packages, Node (its Unicode data), the parse options and the folders that
 * file paths are shown relative to. Any change starts afresh, so the cache never reports what the current
 * code would not.
 */
function resultsDigest(root: string, contentDir: string): string {
  return createHash('sha1')
    .update(codeDigest(root, ['scripts/validate.ts']))
    .update(JSON.stringify([parseOptions, site.maxArticleBytes, root, contentDir]))
    .digest('hex');
}

/** The earlier results that still hold, by file: same bytes, and the same answers about the files they named. */
function reusable(root: string, contentDir: string, files: string[], cached: Record<string, CheckedFile>): (CheckedFile | undefined)[] {
  return files.map((relPath) => {
    const entry = Object.hasOwn(cached, relPath) ? cached[relPath] : undefined;
    if (!entry) return undefined;
    let bytes: Buffer;
    try {
      bytes = readArticleFile(contentDir, relPath, site.maxArticleBytes);
    } catch {
      return undefined; // parsed again, which reports why it cannot be read
    }
    if (hash('sha1', bytes) !== entry.digest) return undefined;
    const { fileExists } = articleSource(root, contentDir, relPath, bytes);
    return entry.lookups.every(([src, answer]) => fileExists!(src) === answer) ? entry : undefined;
  });
}

function readCache(file: string, code: string): Omit<CacheContents, 'code'> {
  try {
    const contents = JSON.parse(readFileSync(file, 'utf8')) as CacheContents;
    return contents.code === code ? contents : { files: {} };
  } catch {
    return { files: {} }; // none yet, or unreadable: parse everything
  }
}

function writeCache(file: string, contents: CacheContents): void {
  try {
    // Written aside and renamed, so a run reading it at the same time never sees half a file.
    writeFileAtomically(file, Buffer.from(JSON.stringify(contents)));
  } catch {
    // A cache that cannot be written only makes the next run slower.
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  // The build refuses a wrong setting before reading any article; so does validate, with the same words.
  const configProblems = checkSiteConfig(site);
  if (configProblems.length > 0) {
    console.log(`src/site.config.ts has problems:\n  ${configProblems.join('\n  ')}\nFix the settings above, then run again.`);
    process.exitCode = 1;
    return;
  }
  const root = path.resolve(import.meta.dirname, '..');
  const contentDir = path.resolve(root, process.env.CONTENT_DIR || 'content');
  const listing = listMarkdownFiles(contentDir);
  const { files, ignored } = listing;

  const cacheFile = path.join(cacheDir(root), 'dateline-validate', `${hash('sha1', contentDir).slice(0, 16)}.json`);
  const code = resultsDigest(root, contentDir);
  const { files: cached, svg: svgDrawn = {} } = readCache(cacheFile, code);
  const checked = reusable(root, contentDir, files, cached);
  const stale = files.flatMap((_, i) => (checked[i] ? [] : [i]));
  const parsed = await checkFiles(
    root,
    contentDir,
    stale.map((i) => files[i]!),
  );
  for (const [i, fileIndex] of stale.entries()) checked[fileIndex] = parsed[i];
  const verdicts = new Map(Object.entries(svgDrawn));
  const svgFound: Problem[] = [];
  for (const [i, relPath] of files.entries()) {
    const { article, failed, svg } = checked[i]!.result;
    const file = article?.file ?? failed?.file;
    if (svg && file) svgFound.push(...(await svgProblems(file, path.join(contentDir, relPath), svg, verdicts)));
  }
  if (stale.length > 0 || Object.keys(cached).length !== files.length || verdicts.size !== Object.keys(svgDrawn).length) {
    const svg = Object.fromEntries(verdicts);
    writeCache(cacheFile, { code, files: Object.fromEntries(files.map((relPath, i) => [relPath, checked[i]!])), svg });
  }

  const results = checked.map((file) => file!.result);
  const problems = [...results.flatMap((r) => r.problems), ...svgFound];
  const articles = results.flatMap((r) => (r.article ? [r.article] : []));
  const failed = results.flatMap((r) => (r.failed ? [r.failed] : []));
  problems.push(...checkAcrossFiles(articles, failed, buildTime(), site.relatedCount, ignored));
  problems.push(...listingProblems(root, contentDir, listing));
  problems.push(...checkEditorial(articles));

  for (const name of ignored) console.log(`ignored (name starts with . or _): ${name}`);
  // Editorial warnings of one kind are one line when there are more than a few, unless asked for each.
  const details = process.argv.includes('--details');
  const grouping = details ? {} : { groupOver: 3, details: '  (npm run validate -- --details lists each warning with its file)' };
  // In GitHub Actions, each problem also goes on its file and line of the pull request (before the report, which ends the output).
  if (process.env.GITHUB_ACTIONS === 'true') for (const problem of sortProblems(problems)) console.log(githubAnnotation(problem));
  if (problems.length > 0) console.log(formatReport(problems, grouping));
  const errors = problems.some((p) => p.severity === 'error');
  const unchanged = files.length - stale.length;
  const notRead = listing.notRead.length;
  console.log(
    `${files.length} files checked in ${Math.round(performance.now() - started)} ms${unchanged > 0 ? ` (${unchanged} unchanged since the last run)` : ''}${notRead > 0 ? `, ${notRead} not read (see the warnings)` : ''}: ${errors ? 'fix the errors above' : 'ready to publish'}.`,
  );
  // Not process.exit(): it can cut off a long report still being written to a pipe (`npm run validate | less`).
  process.exitCode = errors ? 1 : 0;
}

if (isMainThread) await main();
else serveItems(checkFile);
