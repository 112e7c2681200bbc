import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { HtmlValidate } from 'html-validate/node';
import { buildSite, ROOT, type BuildResult } from './support/build.ts';
import { serveStatic } from './support/serve.ts';
import { brokenInternalLinks, builtFiles } from './support/site-files.ts';

// Local references: links between articles written to their Markdown files, an article in its own folder
// with its picture beside it, a Jekyll-style dated file name (tests/fixtures/local-refs).
const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'local-refs');
const port = Number(process.env.E2E_PORT ?? 4391) + 21;
const origin = `http://127.0.0.1:${port}`;
let build: BuildResult;
let server: Server;

/** A copy of the fixture that a test may break. */
function copyOfFixture(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dateline-local-refs-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

const bodyOf = (outDir: string, page: string) => {
  const html = readFileSync(path.join(outDir, page, 'index.html'), 'utf8');
  return html.slice(html.indexOf('<div class="story-body">'), html.indexOf('<nav class="story-tags"'));
};

test.describe('a site with local references', () => {
  test.beforeAll(async () => {
    build = buildSite({ contentDir: FIXTURE });
    expect(build.status, build.output).toBe(0);
    server = await serveStatic(build.outDir, port);
  });

  test.afterAll(() => {
    server?.close();
  });

  test('links to other articles go to their pages, fragments included', async ({ page }) => {
    await page.goto(`${origin}/world/briefing/`);
    const links = page.locator('.story-body a');
    await expect(links).toHaveText(["The summit's reactions", 'The delayed vote', 'An earlier dated file']);
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '/world/summit-ends/#reactions',
      '/politics/budget-vote-delayed/',
      '/politics/committee-hearing/',
    ]);

    await links.first().click();
    await expect(page).toHaveURL(`${origin}/world/summit-ends/#reactions`);
    await expect(page.locator('h1')).toHaveText('Leaders end summit with a joint statement');
    await expect(page.locator('#reactions')).toBeInViewport();

    await page.goBack();
    await page.getByRole('link', { name: 'The delayed vote' }).click();
    await expect(page).toHaveURL(`${origin}/politics/budget-vote-delayed/`);
    await expect(page.locator('h1')).toHaveText('Parliament delays the budget vote again');

    await page.goBack();
    await page.getByRole('link', { name: 'An earlier dated file' }).click();
    await expect(page.locator('h1')).toHaveText('Committee hears the finance minister');
  });

  test('a link to a draft is its text until the draft is published, and the build says so', async ({ page }) => {
    expect(build.output).toMatch(
      /briefing\.md:11: link \.\/draft-note\.md \("A note still being written"\): .*world\/draft-note\.md is a draft; the link is shown as plain text until it is published/,
    );
    await page.goto(`${origin}/world/briefing/`);
    const item = page.locator('.story-body li').nth(2);
    await expect(item).toHaveText('A note still being written, a draft: shown as text until it is published.');
    await expect(item.locator('a')).toHaveCount(0);
  });

  test('a picture beside an article in its own folder is published optimised, responsive and lazy', async ({ page }) => {
    await page.goto(`${origin}/politics/budget-vote-delayed/`);
    const picture = page.locator('.story-body img').first();
    await expect(picture).toHaveAttribute('alt', 'Protesters outside parliament at dusk');
    await expect(picture).toHaveAttribute('src', /^\/_astro\/crowd\.[\w-]+\.(webp|avif)$/);
    await expect(picture).toHaveAttribute('srcset', /480w, .*800w, .*1200w$/);
    await expect(picture).toHaveAttribute('sizes', '(min-width: 40rem) 38rem, 100vw');
    await expect(picture).toHaveAttribute('width', '1200');
    await expect(picture).toHaveAttribute('height', '675');
    await expect(picture).toHaveAttribute('loading', 'lazy');
    await expect(picture).toHaveAttribute('decoding', 'async');
    await picture.scrollIntoViewIfNeeded();
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    const response = await page.request.get(`${origin}${await picture.getAttribute('src')}`);
    expect(response.headers()['content-type']).toBe('image/webp');
    expect((await response.body()).subarray(8, 12).toString('latin1')).toBe('WEBP');

    // Written in HTML with its own width: that width is kept, the height follows the picture, once each.
    const smaller = page.locator('.story-body img').nth(1);
    await expect(smaller).toHaveAttribute('width', '320');
    await expect(smaller).toHaveAttribute('height', '180');
    await expect(smaller).toHaveAttribute('srcset', /320w, .*640w$/);
    await smaller.scrollIntoViewIfNeeded();
    await expect.poll(() => smaller.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    const tag = /<img[^>]*alt="The same crowd, smaller"[^>]*>/.exec(bodyOf(build.outDir, 'politics/budget-vote-delayed'))![0];
    expect(tag.match(/ width=/g)).toHaveLength(1);
    expect(tag.match(/ height=/g)).toHaveLength(1);

    // Only optimised files are published: never the original (with its camera metadata).
    expect(builtFiles(build.outDir, '.jpg')).toEqual([]);
  });

  test('feeds carry absolute URLs for links between articles and body pictures', () => {
    const rss = readFileSync(path.join(build.outDir, 'rss.xml'), 'utf8');
    expect(rss).toContain('href=&quot;https://dateline.example.org/world/summit-ends/#reactions&quot;');
    expect(rss).toMatch(/src=&quot;https:\/\/dateline\.example\.org\/_astro\/crowd\.[\w-]+\.webp&quot;/);
    const feed = JSON.parse(readFileSync(path.join(build.outDir, 'feed.json'), 'utf8')) as {
      items: { url: string; content_html: string }[];
    };
    const briefing = feed.items.find((item) => item.url.endsWith('/world/briefing/'))!;
    expect(briefing.content_html).toContain('<a href="https://dateline.example.org/politics/budget-vote-delayed/">');
    expect(briefing.content_html).not.toContain('#dateline:');
  });

  test('every page is valid HTML with no broken internal link', async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(ROOT, '.htmlvalidate.json'), 'utf8')));
    const problems: string[] = [];
    for (const file of builtFiles(build.outDir, '.html')) {
      const report = await validator.validateFile(path.join(build.outDir, file));
      for (const result of report.results) for (const m of result.messages) problems.push(`${file}:${m.line}: ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
    expect(brokenInternalLinks(build.outDir, 'https://dateline.example.org', '/')).toEqual([]);
  });
});

test('under a base path, links and pictures carry it', () => {
  const news = buildSite({ contentDir: FIXTURE, env: { SITE_URL: 'https://example.github.io', BASE_PATH: '/news/' } });
  expect(news.status, news.output).toBe(0);
  expect(bodyOf(news.outDir, 'world/briefing')).toContain('<a href="/news/world/summit-ends/#reactions">');
  expect(bodyOf(news.outDir, 'politics/budget-vote-delayed')).toMatch(/<img src="\/news\/_astro\/crowd\.[\w-]+\.webp"/);
  expect(brokenInternalLinks(news.outDir, 'https://example.github.io', '/news/')).toEqual([]);
});

test('a missing picture and a link to a missing article stop the build, naming the file and the reference', () => {
  const contentDir = copyOfFixture();
  try {
    rmSync(path.join(contentDir, 'politics', 'budget-vote-delayed', 'crowd.jpg'));
    writeFileSync(
      path.join(contentDir, 'world', 'typo.md'),
      '---\ntitle: A typo\ndate: 2024-11-01\n---\n\nSee [the summit](./summit-end.md#reactions).\n',
    );
    const broken = buildSite({ contentDir });
    expect(broken.status).not.toBe(0);
    expect(broken.output).toMatch(
      /budget-vote-delayed\/index\.md:11: image \.\/crowd\.jpg \("Protesters outside parliament at dusk"\): the file does not exist next to the article/,
    );
    expect(broken.output).toMatch(
      /world\/typo\.md:6: link \.\/summit-end\.md#reactions \("the summit"\): no article at \S*world\/summit-end\.md \(check the file name\)/,
    );
    // The article linking to the broken one is told why its link cannot work.
    expect(broken.output).toMatch(
      /world\/briefing\.md:10: link \S+ \("The delayed vote"\): \S*budget-vote-delayed\/index\.md has errors of its own/,
    );
  } finally {
    rmSync(contentDir, { recursive: true, force: true });
  }
});

test('an unchanged article follows its link target to a new slug and section, and still checks its picture', () => {
  const contentDir = copyOfFixture();
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'dateline-cache-'));
  const outDir = mkdtempSync(path.join(tmpdir(), 'dateline-out-'));
  try {
    const first = buildSite({ contentDir, cacheDir, outDir });
    expect(first.status, first.output).toBe(0);
    expect(bodyOf(outDir, 'world/briefing')).toContain('<a href="/world/summit-ends/#reactions">');

    // Only the target changes: it moves to Politics under another slug. The linking files are reused as stored.
    const summit = path.join(contentDir, 'world', 'summit-ends.md');
    writeFileSync(summit, readFileSync(summit, 'utf8').replace('tags:', 'section: Politics\nslug: summit-closes\ntags:'));
    const second = buildSite({ contentDir, cacheDir, outDir });
    expect(second.status, second.output).toBe(0);
    expect(second.output).toMatch(/5 files: 1 parsed, 4 unchanged/);
    expect(bodyOf(outDir, 'world/briefing')).toContain('<a href="/politics/summit-closes/#reactions">');
    expect(bodyOf(outDir, 'politics/budget-vote-delayed')).toContain('<a href="/politics/summit-closes/#reactions">');

    // A reused entry still checks that its picture exists.
    rmSync(path.join(contentDir, 'politics', 'budget-vote-delayed', 'crowd.jpg'));
    const third = buildSite({ contentDir, cacheDir, outDir });
    expect(third.status).not.toBe(0);
    expect(third.output).toMatch(
      /budget-vote-delayed\/index\.md:11: image \.\/crowd\.jpg \(".*"\): the file does not exist next to the article/,
    );
  } finally {
    for (const dir of [contentDir, cacheDir, outDir]) rmSync(dir, { recursive: true, force: true });
  }
});
