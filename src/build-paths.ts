import path from 'node:path';

/**
 * Astro's cache folder, shared with `astro.config.mjs`: `DATELINE_CACHE_DIR` (tests and benchmarks give
 * each build its own) or `node_modules/.astro`. Social cards are cached below it by content hash.
 */
export function cacheDir(root = process.cwd()): string {
  return path.resolve(root, process.env.DATELINE_CACHE_DIR || 'node_modules/.astro');
}
