import { statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { filesBelow, removeEmptyFolders } from './output-folder.ts';
import { SEARCH_INDEX_FOLDER } from './search-index.ts';
import { CARDS_FOLDER } from '../lib/urls.ts';

/**
 * Rebuilds write into the last build's output folder instead of emptying it (`vite.build.emptyOutDir:
 * false`): pages the incremental build skips stay where they are rather than being deleted and copied back
 * from the cache, which cost a large archive seconds (docs/performance.md). Files the last build wrote and this one did not
 * (the page of a deleted article or tag, an old stylesheet) are then removed here, before the search index
 * is built, so nothing stale is served or indexed.
 *
 * A file stays when this build wrote or kept it: every page and endpoint (`assets`, Astro's list of each
 * route's files, skipped ones included), every file copied from `public/`, and assets Vite wrote this
 * build (`_astro/`, newer than the build's start). Files the integrations after this one write (sitemaps,
 * `_headers`) are written afresh; the search index step makes `pagefind/` match its new index itself
 * (search-index.ts), rewriting only the files that changed, and the social cards step does the same for
 * `cards/` (social-cards.ts).
 */
export function pruneOutput(): AstroIntegration {
  let outDir = '';
  let publicDir = '';
  let started = 0;
  return {
    name: 'dateline-prune-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:start': () => {
        // Whole seconds: some file systems keep modification times to the second.
        started = Math.floor(Date.now() / 1000) * 1000;
      },
      'astro:build:done': ({ assets, logger }) => {
        const written = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) written.add(path.relative(outDir, fileURLToPath(url)));
        const fromPublic = new Set(filesBelow(publicDir));
        const removed = filesBelow(outDir).filter((file) => {
          const top = file.split(path.sep)[0]!;
          // `.git` is not the build's; the search index and the social cards are kept in step by their own steps.
          if (top === '.git' || top === SEARCH_INDEX_FOLDER || top === CARDS_FOLDER) return false;
          if (written.has(file) || fromPublic.has(file)) return false;
          if (file.startsWith(`_astro${path.sep}`) && statSync(path.join(outDir, file)).mtimeMs >= started) return false;
          unlinkSync(path.join(outDir, file));
          return true;
        });
        for (const file of removed) removeEmptyFolders(outDir, path.dirname(file));
        if (removed.length > 0) logger.info(`removed ${removed.length} files of the last build that this one did not write`);
      },
    },
  };
}
