// @ts-check
import { defineConfig } from 'astro/config';
import { site } from './src/site.config.ts';

/**
 * Build settings. Everything editorial lives in src/site.config.ts; this file only wires Astro.
 * Environment overrides exist for tests and benchmarks, which build other content into other folders:
 * DATELINE_OUT_DIR (output folder), DATELINE_CACHE_DIR (Astro's cache, so parallel builds don't share it),
 * SITE_URL and BASE_PATH (serve under another origin or sub-path).
 */
export default defineConfig({
  site: process.env.SITE_URL || site.siteUrl,
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  outDir: process.env.DATELINE_OUT_DIR || './dist',
  cacheDir: process.env.DATELINE_CACHE_DIR || './node_modules/.astro',
  build: { format: 'directory' },
  // No client-side prefetching or dev toolbar scripts: pages ship zero JavaScript.
  prefetch: false,
  devToolbar: { enabled: false },
});
