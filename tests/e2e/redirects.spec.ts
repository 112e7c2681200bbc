import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildSite, ROOT, type BuildResult } from './support/build.ts';
import { serveStatic } from './support/serve.ts';
import { brokenInternalLinks } from './support/site-files.ts';

// A story's old addresses, as a newsroom moving from Jekyll, Hugo or WordPress brings them: tests/fixtures/redirects
// holds one story with three (a Jekyll-style .html path, a path with an accented letter, a former slug) and one
// whose body links to an old address.
const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'redirects');
const port = Number(process.env.E2E_PORT ?? 4391) + 22;
const origin = `http://127.0.0.1:${port}`;

const rules = (outDir: string) =>
  readFileSync(path.join(outDir, '_redirects'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'));

const EXPECTED_RULES = [
  '/2019/10/25/summit-ends.html /world/summit-ends/ 301',
  '/caf%C3%A9/sommet/ /world/summit-ends/ 301',
  '/world/summit-day-two/ /world/summit-ends/ 301',
];

test.describe('old addresses, with a page at each (the default)', () => {
  let build: BuildResult;
  let server: Server | undefined;
  test.beforeAll(async () => {
    build = buildSite({ contentDir: FIXTURE });
    expect(build.status, build.output).toBe(0);
    server = await serveStatic(build.outDir, port);
  });
  test.afterAll(() => server?.close());

  test('each old address is a 301 in _redirects and a page that takes the reader to the story', async ({ page }) => {
    expect(rules(build.outDir)).toEqual(EXPECTED_RULES);
    for (const old of ['/2019/10/25/summit-ends.html', '/café/sommet/', '/world/summit-day-two/']) {
      await page.goto(`${origin}${old}`);
      await expect(page).toHaveURL(`${origin}/world/summit-ends/`);
      await expect(page.locator('h1')).toHaveText('Leaders end summit with a joint statement');
    }
  });

  test('a link to an old address in a story leads to the story, and the link checker follows it there', async ({ page }) => {
    expect(brokenInternalLinks(build.outDir, origin, '/')).toEqual([]);
    await page.goto(`${origin}/world/briefing/`);
    await page.getByRole('link', { name: "the summit's end" }).click();
    await expect(page).toHaveURL(`${origin}/world/summit-ends/`);
  });
});

test('with redirectPages off (Netlify), old addresses are in _redirects only, so the host answers each with a 301', () => {
  const build = buildSite({ contentDir: FIXTURE, env: { REDIRECT_PAGES: 'false' } });
  expect(build.status, build.output).toBe(0);
  expect(rules(build.outDir)).toEqual(EXPECTED_RULES);
  expect(existsSync(path.join(build.outDir, '2019', '10', '25', 'summit-ends.html'))).toBe(false);
  expect(existsSync(path.join(build.outDir, 'world', 'summit-day-two'))).toBe(false);
  expect(existsSync(path.join(build.outDir, 'world', 'summit-ends', 'index.html'))).toBe(true);
});
