// @ts-check
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { headersFile } from './src/lib/security-headers.ts';
import { lastmodFromHtml } from './src/lib/sitemaps.ts';
import { isArticlePath } from './src/lib/urls.ts';
import { cacheDir } from './src/build/build-paths.ts';
import { cmsAdmin } from './src/integrations/cms-admin.ts';
import { readHead } from './src/integrations/page-head.ts';
import { pruneOutput } from './src/integrations/prune-output.ts';
import { publishedPictures } from './src/integrations/published-pictures.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { socialCards } from './src/integrations/social-cards.ts';
import { site } from './src/site.config.ts';

/**
 * Build settings. Everything editorial lives in src/site.config.ts; this file only wires Astro.
 * Environment overrides exist for deploys, tests and benchmarks:
 * SITE_URL and BASE_PATH (serve under another origin or sub-path, e.g. /news/ on GitHub Pages),
 * DATELINE_OUT_DIR (output folder), DATELINE_CACHE_DIR (the cache folder, .dateline-cache/ by default; parallel builds each get their own),
 * DATELINE_SEARCH_AFTER_BUILD=1 (leave the search index to `scripts/search-index.ts`, as `npm run build` does).
 */
const base = process.env.BASE_PATH || site.basePath;
const outDir = process.env.DATELINE_OUT_DIR || './dist';
const siteOrigin = process.env.SITE_URL || site.siteUrl;
const root = fileURLToPath(new URL('.', import.meta.url));

/** The `lastmod` an article's built page declares; other pages have none (and are not read). */
function lastmodOf(/** @type {string} */ url) {
  const sitePath = decodeURIComponent(new URL(url).pathname).slice(base.length);
  if (!isArticlePath(sitePath)) return undefined;
  const file = path.join(path.resolve(fileURLToPath(new URL('.', import.meta.url)), outDir), sitePath, 'index.html');
  // Only the page's head is read: the sitemap keeps every lastmod until it is written, never the pages.
  const head = readHead(file);
  return head === undefined ? undefined : lastmodFromHtml(head);
}

// `npm run build` indexes in a step of its own, after Astro has exited (see searchIndex).
const search = searchIndex({ afterBuild: process.env.DATELINE_SEARCH_AFTER_BUILD === '1' });

export default defineConfig({
  site: siteOrigin,
  base,
  trailingSlash: 'always',
  outDir,
  cacheDir: cacheDir(),
  // Stylesheets are always files, never inline <style>: pages work under a CSP without 'unsafe-inline'.
  // Pages are rendered 16 at a time: rendering is one thread either way, but while one page's files are
  // written (and copied to the incremental cache) others render (docs/performance.md).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 16 },
  // No client-side prefetching or dev toolbar scripts: pages ship zero JavaScript.
  prefetch: false,
  devToolbar: { enabled: false },
  // Pictures written as SVG are rasterised to PNG (src/lib/picture-format.ts): an SVG published as written
  // could run script on the site's origin. librsvg bounds what one file may cost (its element and nesting limits).
  // AVIF at effort 1: most of the size AVIF saves over WebP, at a fraction of the default effort's time
  // (docs/performance.md, "Figures behind the code").
  image: {
    dangerouslyProcessSVG: true,
    service: { entrypoint: 'astro/assets/services/sharp', config: { avif: { effort: 1 } } },
  },
  // A rebuild renders again only pages whose key (src/lib/page-keys.ts) or code changed; the others are
  // kept from the last build (a copy lives in the cache folder).
  experimental: { incrementalBuild: true },
  // …and the output folder is not emptied first: skipped pages stay in place, and pruneOutput() removes
  // what this build did not write.
  // `astro dev` does not watch the cache folder (a copy of every page, every body and card): Vite only skips
  // node_modules, where the caches used to be.
  vite: { build: { emptyOutDir: false }, server: { watch: { ignored: [`${cacheDir()}/**`] } } },
  integrations: [
    // First, so that nothing stale is left when the search index is built.
    pruneOutput(),
    // Before anything is indexed or published: a picture Astro could not convert stops the build.
    publishedPictures(),
    // The editor at /admin/, when the `cms` setting turns it on; after pruning, which removes an earlier build's.
    cmsAdmin({
      cms: site.cms,
      publisher: site.publisher,
      sections: site.sections,
      timeZone: site.timeZone,
      siteOrigin,
      contentDir: path.resolve(root, process.env.CONTENT_DIR || 'content'),
      root,
    }),
    search.start,
    // Social cards are drawn while pages render; this writes them to the output at the end.
    socialCards(),
    {
      // Security headers for hosts that read a `_headers` file (Netlify, Cloudflare Pages).
      name: 'dateline-headers',
      hooks: {
        // Netlify sets NETLIFY=true in its builds; its _headers parser does not know Cloudflare's `!` lines.
        'astro:build:done': ({ dir }) =>
          writeFileSync(
            new URL('_headers', dir),
            headersFile(base, site.embedHosts, site.services, { cms: site.cms, netlify: process.env.NETLIFY === 'true' }),
          ),
      },
    },
    sitemap({
      // The 404 page is served for missing paths; it is not a page of the site.
      filter: (page) => !/\/404\/?$/.test(new URL(page).pathname),
      serialize(item) {
        const lastmod = lastmodOf(item.url);
        return lastmod ? { ...item, lastmod } : item;
      },
    }),
    // Last: Pagefind indexes while the integrations above write their files.
    search.finish,
  ],
});
