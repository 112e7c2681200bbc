import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { startTimer } from '../build/build-timing.ts';
import { writeFileAtomically } from '../build/atomic-write.ts';
import { cacheDir } from '../build/build-paths.ts';
import { modulesDigest } from '../build/code-digest.ts';
import { filesBelow, syncFolder, type FolderFile } from './output-folder.ts';
import { RESERVED_SECTION_SLUGS } from '../lib/urls.ts';
import { toSlug } from '../lib/slug.ts';
import { placeFile } from '../build/place-file.ts';
import { shardPages, type SearchShard } from './search-shards.ts';

/** The search index's folder in the output (Pagefind's bundle, which the search page loads). */
export const SEARCH_INDEX_FOLDER = 'pagefind';

/** The folders of the built site that are sections, sorted. */
function sectionFolders(site: string): string[] {
  // Section folders are slugs (letters, digits, hyphens): other folders (from `public/`, `.git`) are left out.
  return readdirSync(site, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && toSlug(entry.name) === entry.name && !RESERVED_SECTION_SLUGS.has(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The pages at article depth (`<section>/<slug>/index.html`, `articlePath` in lib/urls.ts), sorted: what the
 * search index is made from. Only section folders are read, so the list pages at that depth (`tags/<tag>/`,
 * `authors/<author>/`: a tenth of the pages at 10,000 articles) are not; with no section folder yet, every
 * folder is (search-shards.ts leaves out the pages that hold nothing to index).
 */
export function articlePageFiles(site: string): string[] {
  const top = sectionFolders(site);
  const folders =
    top.length > 0
      ? top
      : readdirSync(site, { withFileTypes: true })
          .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
          .map((entry) => entry.name);
  return folders
    .flatMap((folder) =>
      readdirSync(path.join(site, folder), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => `${folder}/${entry.name}/index.html`),
    )
    .filter((file) => existsSync(path.join(site, file)))
    .sort();
}

/** Pagefind's version (its package exports no package.json: read beside its entry point). */
const PAGEFIND_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }
).version;

/**
 * Builds the Pagefind search index of the built site (only elements marked `data-pagefind-body`, i.e.
 * article pages) into `pagefind/`, and fails the build when indexing fails rather than shipping a search
 * page without an index. In `astro dev` it serves the last built index under the base path, so search can
 * be tried without a production server.
 *
 * Two integrations: `start` begins indexing when the build is done, `finish` (listed after the sitemap and
 * the other integrations that write files) waits for it, so Pagefind (its own process) works while they run.
 *
 * With `afterBuild` (`npm run build` sets it), the build leaves the index to its next step,
 * `scripts/search-index.ts`, run once Astro has exited: Pagefind then does not run beside the memory the
 * build holds at its end (each is large: docs/performance.md), so the build's peak is the larger of the
 * two rather than their sum. A bare `astro build` still builds the index itself.
 */
export function searchIndex(options: { afterBuild: boolean }): { start: AstroIntegration; finish: AstroIntegration } {
  let outDir = '';
  let base = '/';
  let indexing: Promise<string> | undefined;
  const start: AstroIntegration = {
    name: 'dateline-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const prefix = `${base}${SEARCH_INDEX_FOLDER}/`;
          if (!request.url?.startsWith(prefix)) return next();
          const file = path.join(outDir, SEARCH_INDEX_FOLDER, decodeURIComponent(request.url.slice(prefix.length).split('?')[0]!));
          if (!file.startsWith(path.join(outDir, SEARCH_INDEX_FOLDER)) || !existsSync(file)) return next();
          // Module scripts need a JavaScript MIME type; the index chunks are fetched as bytes.
          const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
          response.setHeader('Content-Type', types[path.extname(file)] ?? 'application/octet-stream');
          createReadStream(file).pipe(response);
        });
      },
      'astro:build:done': ({ dir }) => {
        if (options.afterBuild) return;
        indexing = buildIndex(fileURLToPath(dir));
        // Awaited by `finish`; until then a failure must not count as unhandled.
        indexing.catch(() => undefined);
      },
    },
  };
  const finish: AstroIntegration = {
    name: 'dateline-search-index-written',
    hooks: {
      'astro:build:done': async ({ logger }) => {
        if (options.afterBuild) return logger.info('search index: left to the step after the build (scripts/search-index.ts)');
        if (!indexing) throw new Error('the search index was never started: list searchIndex().start before .finish');
        logger.info(await indexing);
      },
    },
  };
  return { start, finish };
}

/**
 * Indexes the article pages of a built site into its `pagefind/` folder, one index per year
 * (`pagefind/<year>/`, listed newest first in `pagefind/shards.json`; search-shards.ts says why); says what it
 * did. A year whose article pages are byte for byte those of its last index (most years on most rebuilds) takes
 * that index from the cache folder: Pagefind has no incremental mode, and indexing takes seconds per thousand
 * pages.
 */
export async function buildIndex(
  site: string,
  timing: 'search-index' | 'search-index-after-build' = 'search-index',
  cache = path.join(cacheDir(), 'dateline-search-index'),
): Promise<string> {
  const stop = startTimer(timing);
  const shards = shardPages(site, articlePageFiles(site), `pagefind ${PAGEFIND_VERSION}, index code ${INDEX_CODE}`);
  const files: FolderFile[] = [{ path: SHARD_LIST, content: Buffer.from(`${JSON.stringify(shards.map((shard) => shard.name))}\n`) }];
  const indexed: SearchShard[] = [];
  // A folder of this build's own: two builds sharing a cache folder never link pages into each other's.
  mkdirSync(cache, { recursive: true });
  const scratch = mkdtempSync(path.join(cache, 'pages-'));
  try {
    for (const shard of shards) {
      let index = readKeptIndex(path.join(cache, shard.name), shard.digest);
      if (!index) {
        index = await indexShard(site, shard, scratch);
        keepIndex(path.join(cache, shard.name), shard.digest, index);
        indexed.push(shard);
      }
      files.push(...index.files.map((file) => ({ path: `${shard.name}/${file.path}`, content: file.content })));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  forgetOtherShards(cache, shards);
  const { written } = syncFolder(path.join(site, SEARCH_INDEX_FOLDER), files);
  stop();
  const pages = (list: SearchShard[]) => list.reduce((sum, shard) => sum + shard.files.length, 0);
  const writes = `${written} of its ${files.length} files written`;
  if (indexed.length === 0) {
    return `search index unchanged: the ${pages(shards)} article pages are those of the last index (${writes})`;
  }
  const kept = shards.length - indexed.length;
  return `search index built from ${pages(indexed)} pages (${indexed.map((shard) => shard.name).join(', ')}${kept > 0 ? `; ${kept} other year${kept === 1 ? '' : 's'} unchanged` : ''}; ${writes})`;
}

/** What a year's index is made with here (Pagefind's options, the files kept), as the code's digest: a change makes cached years again. */
const INDEX_CODE = modulesDigest(process.cwd(), ['src/integrations/search-index.ts']).slice(0, 16);

/** The list of shards, newest first, that the search page reads before loading them. */
const SHARD_LIST = 'shards.json';

/** Pagefind's files that the search page never loads (its ready-made interfaces): not shipped, once per year. */
const UNUSED_FILE = /^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$/;

/**
 * Indexes one year's pages in a Pagefind process of its own, closed afterwards so that its memory is given
 * back before the next year. Pagefind reads a folder: the year's pages are linked into `scratch` (no bytes
 * copied where the file system allows) at their paths in the site, so their URLs are the same.
 */
async function indexShard(site: string, shard: SearchShard, scratch: string): Promise<{ pageCount: number; files: FolderFile[] }> {
  rmSync(scratch, { recursive: true, force: true });
  for (const file of shard.files) {
    mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
    placeFile(path.join(site, file), path.join(scratch, file));
  }
  try {
    const { index, errors } = await createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: scratch });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the articles of ${shard.name}: ${added.errors.join('; ')}`);
    // Pagefind hands the files over rather than writing them (`writeFiles` rewrites all of them): only those
    // that changed are written.
    const indexFiles = await index.getFiles();
    if (indexFiles.errors.length > 0) throw new Error(`Pagefind could not write its index: ${indexFiles.errors.join('; ')}`);
    return { pageCount: added.page_count, files: indexFiles.files.filter((file) => !UNUSED_FILE.test(file.path)) };
  } finally {
    // Pagefind's process would otherwise live on with the year's index in memory, beside the next year's
    // and after this process exits, beside whatever runs next (`astro preview`, the browser tests).
    await close();
  }
}

/** The cache's copy of a year's last index: its files, and what it was made from (written last). */
function keepIndex(cache: string, digest: string, index: { pageCount: number; files: FolderFile[] }): void {
  // Forgotten first, so a build stopped while the files change never leaves them under the old digest.
  rmSync(path.join(cache, 'made-from.json'), { force: true });
  syncFolder(path.join(cache, 'files'), index.files);
  writeFileAtomically(path.join(cache, 'made-from.json'), Buffer.from(JSON.stringify({ digest, pageCount: index.pageCount })));
}

function readKeptIndex(cache: string, digest: string): { pageCount: number; files: FolderFile[] } | undefined {
  let madeFrom: { digest?: unknown; pageCount?: unknown };
  try {
    madeFrom = JSON.parse(readFileSync(path.join(cache, 'made-from.json'), 'utf8')) as typeof madeFrom;
  } catch {
    return undefined;
  }
  if (madeFrom.digest !== digest || typeof madeFrom.pageCount !== 'number') return undefined;
  const dir = path.join(cache, 'files');
  const files = filesBelow(dir).map((file) => ({ path: file.split(path.sep).join('/'), content: readFileSync(path.join(dir, file)) }));
  return files.length > 0 ? { pageCount: madeFrom.pageCount, files } : undefined;
}

/** Removes the cached index of every year the site no longer has (and what older versions kept there). */
function forgetOtherShards(cache: string, shards: readonly SearchShard[]): void {
  const names = new Set(shards.map((shard) => shard.name));
  let entries: string[];
  try {
    entries = readdirSync(cache);
  } catch {
    return;
  }
  // Year folders are digits. A scratch folder (`pages-*`) may belong to a build still running; one a day old
  // was left by a build that was stopped.
  const stale = (entry: string) => Date.now() - (statSync(path.join(cache, entry), { throwIfNoEntry: false })?.mtimeMs ?? 0) > 86_400_000;
  for (const entry of entries) {
    if (/^\d+$/.test(entry) ? !names.has(entry) : entry.startsWith('pages-') && stale(entry))
      rmSync(path.join(cache, entry), { recursive: true, force: true });
  }
}
