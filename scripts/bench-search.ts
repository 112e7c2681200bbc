// `npm run bench:search [-- --articles 1000]`: builds a synthetic newsroom and measures what the first
// search costs a reader: the bytes of JavaScript and of index files the browser downloads for one query.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { serveStatic } from '../tests/e2e/support/serve.ts';
import { findBrowser } from './browser.mjs';
import { generateCorpus } from './generate-corpus.ts';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '1000' }, query: { type: 'string', default: 'election' } },
});
const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'dateline-bench-search-'));
const content = path.join(work, 'content');
const outDir = path.join(work, 'dist');
generateCorpus(Number(values.articles), content);
const build = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    CONTENT_DIR: content,
    DATELINE_OUT_DIR: outDir,
    DATELINE_CACHE_DIR: path.join(work, 'cache'),
    DATELINE_SKIP_CARDS: '1',
  },
});
if (build.status !== 0) process.exit(1);

const server = await serveStatic(outDir, 4470);
const executablePath = findBrowser();
const browser = await chromium.launch({ ...(executablePath && { executablePath }), args: ['--no-sandbox'] });
const bytes = { script: 0, index: 0, other: 0, requests: 0 };
const times: number[] = [];
let results: string | null = '';
// Fresh page loads (a new context each: nothing cached) with the query in the URL: everything the first
// search costs, page included; bytes are those of the first load, time is until the results are shown.
for (let run = 0; run < 5; run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (run === 0) {
    page.on('response', async (response) => {
      const url = new URL(response.url());
      const size = (await response.body().catch(() => Buffer.alloc(0))).length;
      bytes.requests += 1;
      if (url.pathname.endsWith('.js')) bytes.script += size;
      else if (url.pathname.includes('/pagefind/')) bytes.index += size;
      else bytes.other += size;
    });
  }
  await page.goto(`http://127.0.0.1:4470/search/?q=${encodeURIComponent(values.query)}`);
  await page.locator('form.search-form[data-ready]').waitFor({ state: 'attached' });
  await page.locator('.search-results li').first().waitFor();
  times.push(await page.evaluate(() => performance.now()));
  results = await page.locator('.search-status').textContent();
  await context.close();
}
await browser.close();
server.close();
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`${values.articles} articles, query "${values.query}": ${results}`);
console.log(
  `first query (uncompressed bytes): JavaScript ${kib(bytes.script)}, Pagefind index and WebAssembly ${kib(bytes.index)}, HTML/CSS ${kib(bytes.other)}; ${bytes.requests} requests`,
);
times.sort((a, b) => a - b);
console.log(
  `page load to results shown, 5 fresh loads: median ${times[2]!.toFixed(0)} ms (${times[0]!.toFixed(0)}–${times[4]!.toFixed(0)})`,
);
