import path from 'node:path';

/** The build's cache folder at the project root: outside node_modules, so a fresh `npm ci` keeps it. */
export const CACHE_FOLDER = '.dateline-cache';

/**
 * Every cache of the build in one folder, shared with `astro.config.mjs`: Astro's content store and
 * incremental-build pages, article bodies, social cards, parse records (the build's and validate's).
 * Deploys restore and save it (.github/workflows/deploy.yml) so a push builds warm; deleting it gives a
 * build from scratch.
 * `DATELINE_CACHE_DIR` overrides it (tests and benchmarks give each build its own).
 */
export function cacheDir(root = process.cwd()): string {
  return path.resolve(root, process.env.DATELINE_CACHE_DIR || CACHE_FOLDER);
}

/** The content folder: `content/` at the project root, or `CONTENT_DIR` (tests and benchmarks point it elsewhere). */
export function contentFolder(root = process.cwd()): string {
  return path.resolve(root, process.env.CONTENT_DIR || 'content');
}
