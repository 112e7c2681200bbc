import { hash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { startTimer } from '../build-timing.ts';
import { writeFileAtomically } from '../build/atomic-write.ts';
import { cacheDir } from '../build-paths.ts';
import { filesBelow, syncFolder, type FolderFile } from './output-folder.ts';
import { RESERVED_SECTION_SLUGS } from '../lib/urls.ts';
import { toSlug } from '../lib/slug.ts';

/** The search index's folder in the output (Pagefind's bundle, which the search page loads). */
export const SEARCH_INDEX_FOLDER = 'pagefind';

/**
 * Where article pages are, relative to the output folder: `<section>/<slug>/index.html` (`articlePath` in
 * lib/urls.ts), as a Pagefind glob naming the section folders, so that the list pages at that depth
 * (`tags/<tag>/`, `authors/<author>/`: a tenth of the pages read at 10,000 articles) are not read.
 */
export function articlePages(site: string): string {
  const sections = sectionFolders(site);
  // No section folder, no article (and Pagefind refuses an empty `{}`): the depth alone then.
  return sections.length > 0 ? `{${sections.join(',')}}/*/index.html` : '*/*/index.html';
}

/** The folders of the built site that are sections, sorted. */
function sectionFolders(site: string): string[] {
  // Section folders are slugs (letters, digits, hyphens): other folders (from `public/`, `.git`) are left
  // out, and nothing that a glob would read as syntax (`{`, `,`, `*`) reaches it.
  return readdirSync(site, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && toSlug(entry.name) === entry.name && !RESERVED_SECTION_SLUGS.has(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** The files `articlePages` names, sorted: what Pagefind reads. */
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

/** A digest of every page Pagefind would read (names and bytes) and of Pagefind's version. */
export function pagesDigest(site: string, files: readonly string[]): string {
  const digest = hash('sha1', `pagefind ${PAGEFIND_VERSION}`);
  return files.reduce((sum, file) => hash('sha1', `${sum}\n${file}\n${hash('sha1', readFileSync(path.join(site, file)))}`), digest);
}

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
 * build holds at its end (about 1.4 GB each at 10,000 articles), so the build's peak is the larger of the
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
 * Indexes the article pages of a built site into its `pagefind/` folder; says how many pages it read.
 * When the article pages are byte for byte those of the last index made (most scheduled rebuilds, a
 * rebuild after a change to a list page only), that index is taken from the cache folder instead:
 * Pagefind has no incremental mode, and indexing again takes seconds per thousand articles.
 */
export async function buildIndex(
  site: string,
  timing: 'search-index' | 'search-index-after-build' = 'search-index',
  cache = path.join(cacheDir(), 'dateline-search-index'),
): Promise<string> {
  const stop = startTimer(timing);
  const digest = pagesDigest(site, articlePageFiles(site));
  const out = path.join(site, SEARCH_INDEX_FOLDER);
  const kept = readKeptIndex(cache, digest);
  if (kept) {
    const { written } = syncFolder(out, kept.files);
    stop();
    return `search index unchanged: the ${kept.pageCount} article pages are those of the last index (${written} of its ${kept.files.length} files written)`;
  }
  let result: { pageCount: number; files: FolderFile[] };
  try {
    result = await indexPages(site);
  } finally {
    // Pagefind's process (about 1.4 GB at 10,000 articles) would otherwise live on after this one exits,
    // beside whatever runs next (`astro preview` in `npm start`, the browser tests in `npm test`).
    await close();
  }
  const { written } = syncFolder(out, result.files);
  keepIndex(cache, digest, result);
  stop();
  return `search index built from ${result.pageCount} pages (${written} of its ${result.files.length} files written)`;
}

async function indexPages(site: string): Promise<{ pageCount: number; files: FolderFile[] }> {
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Only article pages are indexed (the ones marked `data-pagefind-body`): reading only them skips the
  // list pages (half the site at 10,000 articles), which Pagefind would parse to find nothing.
  const added = await index.addDirectory({ path: site, glob: articlePages(site) });
  if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
  // Pagefind hands the files over rather than writing them (`writeFiles` rewrites all of them, ~10,000 at
  // 10,000 articles, and took 4-5 s longer): only those that changed are written.
  const indexFiles = await index.getFiles();
  if (indexFiles.errors.length > 0) throw new Error(`Pagefind could not write its index: ${indexFiles.errors.join('; ')}`);
  return { pageCount: added.page_count, files: indexFiles.files };
}

/** The cache's copy of the last index made: its files, and what it was made from (written last). */
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
