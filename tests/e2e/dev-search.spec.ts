import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from './support/build.ts';

// `npm run dev` serves the search index of the last build (here, the fixture build of the web server).
const port = Number(process.env.E2E_PORT ?? 4391) + 6;
let dev: ChildProcess | undefined;

test.beforeAll(async () => {
  dev = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: ROOT,
      stdio: 'ignore',
      env: {
        ...process.env,
        CONTENT_DIR: 'tests/fixtures/site',
        DATELINE_OUT_DIR: path.join(ROOT, 'tests', '.out', 'site'),
        DATELINE_CACHE_DIR: path.join(ROOT, 'tests', '.out', 'dev-cache'),
        DATELINE_NOW: '2025-01-01T12:00:00Z',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
    },
  );
  for (let attempt = 0; attempt < 120; attempt++) {
    const ok = await fetch(`http://127.0.0.1:${port}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('astro dev did not start');
});

test.afterAll(() => {
  dev?.kill();
});

test('search works in the dev server with the index of the last build', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${port}/search/?q=Pyongyang&sort=relevance`);
  await expect(page.locator('.search-results li h2 a').first()).toHaveText('Kim and Putin sign defence pact in Pyongyang', {
    timeout: 30_000,
  });
});
