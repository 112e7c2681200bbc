import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parseArticle } from '../../src/lib/article/parse.ts';
import { publicationStatus } from '../../src/lib/publishing.ts';
import { site } from '../../src/site.config.ts';
import { ROOT } from './support/build.ts';
import { serveStatic } from './support/serve.ts';

// `npm test` builds the bundled sample newsroom into dist/ before the browser tests run.
const DIST = path.join(ROOT, 'dist');
const CONTENT = path.join(ROOT, 'content');

/** The sample's article files: every Markdown file of content/ but the author profiles (content/authors/). */
const articleFiles = () =>
  readdirSync(CONTENT, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md') && !f.startsWith(`authors${path.sep}`));

test('the sample build has one page per published article in content/', () => {
  const files = articleFiles();
  const now = new Date();
  let published = 0;
  for (const relPath of files) {
    const { article, problems } = parseArticle(
      { file: relPath, relPath: relPath.split(path.sep).join('/'), bytes: readFileSync(path.join(CONTENT, relPath)) },
      { timeZone: site.timeZone, sections: site.sections },
    );
    expect(
      problems.filter((p) => p.severity === 'error'),
      relPath,
    ).toEqual([]);
    const page = path.join(DIST, article!.sectionSlug, article!.slug, 'index.html');
    const shouldExist = publicationStatus(article!, now) === 'published';
    expect(existsSync(page), `${relPath} → ${page}`).toBe(shouldExist);
    if (shouldExist) published++;
  }
  expect(published).toBeGreaterThanOrEqual(24);
});

test('the sample front page shows no story twice, and loads the lead picture first', async ({ page }) => {
  await page.goto(`file://${path.join(DIST, 'index.html')}`);
  const lead = page.locator('.card-lead');
  await expect(lead.locator('.card-title a')).toHaveText('Ukraine says it has captured two North Korean soldiers in Kursk');
  await expect(lead.locator('img')).toHaveAttribute('loading', 'eager');
  await expect(lead.locator('img')).toHaveAttribute('fetchpriority', 'high');
  const stories = await page
    .locator('main .card-title a, main .front-latest a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(stories.length).toBeGreaterThan(15);
  expect(new Set(stories).size, 'no story twice').toBe(stories.length);
});

test('the sample reference story is published with the outlet time format and a Related list', async ({ page }) => {
  await page.goto(`file://${path.join(DIST, 'world', 'north-korea-troops-russia', 'index.html')}`);
  await expect(page.locator('.times time').first()).toHaveText('25/10/2024 19h13');
  await expect(page.locator('section.related ol > li')).toHaveCount(site.relatedCount);
  await expect(page.locator('.story-body')).toContainText('12,000');
  await expect(page.locator('.story-body')).toContainText('Kursk');
});

test("the sample story's old addresses lead to it: in _redirects for hosts that read it, and by a page at each for the others", async ({
  page,
}) => {
  const rules = readFileSync(path.join(DIST, '_redirects'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'));
  expect(rules).toEqual([
    '/2024/11/06/trump-wins-election.html /politics/trump-wins-us-presidency/ 301',
    '/politics/us-election-result/ /politics/trump-wins-us-presidency/ 301',
  ]);
  const port = Number(process.env.E2E_PORT ?? 4391) + 5;
  const server = await serveStatic(DIST, port);
  try {
    for (const old of ['/2024/11/06/trump-wins-election.html', '/politics/us-election-result/']) {
      await page.goto(`http://127.0.0.1:${port}${old}`);
      await expect(page).toHaveURL(`http://127.0.0.1:${port}/politics/trump-wins-us-presidency/`);
      await expect(page.locator('h1')).toHaveText('Trump wins US presidency in political comeback, defeating Harris');
    }
  } finally {
    server.close();
  }
  // Old addresses are not pages of the site: in no sitemap, and not indexed for search.
  const sitemap = readFileSync(path.join(DIST, 'sitemap-0.xml'), 'utf8');
  expect(sitemap).not.toContain('trump-wins-election');
  expect(sitemap).not.toContain('us-election-result');
  expect(readFileSync(path.join(DIST, 'politics', 'us-election-result', 'index.html'), 'utf8')).not.toContain('data-pagefind-body');
});

test('the sample author profiles: portrait, role, bio and links on the author page, Person data, a feed, and bylines leading there', async ({
  page,
}) => {
  const port = Number(process.env.E2E_PORT ?? 4391) + 5;
  const server = await serveStatic(DIST, port);
  try {
    // A story's byline leads to the author's page.
    await page.goto(`http://127.0.0.1:${port}/business/european-gas-prices-cold-snap/`);
    await page.locator('.byline').getByRole('link', { name: 'Elena Petrova' }).click();
    await expect(page).toHaveURL(`http://127.0.0.1:${port}/authors/elena-petrova/`);
    await expect(page.locator('h1')).toHaveText('Elena Petrova');
    await expect(page.locator('.author-role')).toHaveText('Energy and Eastern Europe correspondent');
    await expect(page.locator('.author-bio')).toContainText('covers energy markets');
    const portrait = page.getByRole('img', { name: 'Illustrated portrait of Elena Petrova' });
    await expect(portrait).toBeVisible();
    expect(await portrait.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(page.getByRole('list', { name: 'Elena Petrova elsewhere' }).getByRole('link')).toHaveText([
      'mastodon.social',
      'linkedin.com',
      'elena.petrova@example.org',
    ]);
    await expect(page.locator('.author-links a').first()).toHaveAttribute('rel', 'me');
    // Her stories are listed under the profile.
    await expect(page.locator('main .card-title a')).toContainText(['European gas prices hit one-year high as cold snap drains storage']);

    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as {
      '@type': string;
      mainEntity: Record<string, unknown>;
    };
    expect(data['@type']).toBe('ProfilePage');
    expect(data.mainEntity).toMatchObject({
      '@type': 'Person',
      name: 'Elena Petrova',
      jobTitle: 'Energy and Eastern Europe correspondent',
      sameAs: ['https://mastodon.social/@elenapetrova', 'https://www.linkedin.com/in/elena-petrova-example'],
    });
    expect(String(data.mainEntity['image'])).toMatch(/\/_astro\/elena-petrova\.[\w-]+\.jpeg$/);

    // Her feed: announced by the page, and carrying her stories only.
    const feedHref = await page.locator('link[rel="alternate"][title="Elena Petrova | Dateline"]').getAttribute('href');
    expect(feedHref).toBe('/authors/elena-petrova/rss.xml');
    const feed = await (await page.request.get(`http://127.0.0.1:${port}${feedHref}`)).text();
    expect(feed).toContain('<title>Elena Petrova | Dateline</title>');
    // Its channel leads to her page, and names the feed's own address.
    const profileUrl = new URL('/authors/elena-petrova/', site.siteUrl).href;
    expect(feed).toContain(`<link>${profileUrl}</link>`);
    expect(feed).toContain(`<atom:link href="${profileUrl}rss.xml" rel="self" type="application/rss+xml"/>`);
    expect(feed).toContain('/business/european-gas-prices-cold-snap/');
    expect(feed).not.toContain('/science/europa-clipper-launch/');

    // A profile without a portrait still names its author.
    await page.goto(`http://127.0.0.1:${port}/authors/aiko-tanaka/`);
    await expect(page.locator('.author-role')).toHaveText('Asia-Pacific and science editor');
    await expect(page.locator('.author-profile img')).toHaveCount(0);
  } finally {
    server.close();
  }
});

test('the sample build, with the shipped settings, has no editor: /admin/ is a 404 and _headers has no rule for it', async ({
  request,
}) => {
  expect(site.cms).toBe(false);
  expect(existsSync(path.join(DIST, 'admin'))).toBe(false);
  expect(readFileSync(path.join(DIST, '_headers'), 'utf8')).not.toContain('admin');
  const port = Number(process.env.E2E_PORT ?? 4391) + 4;
  const server = await serveStatic(DIST, port);
  try {
    expect((await request.get(`http://127.0.0.1:${port}/admin/`)).status()).toBe(404);
  } finally {
    server.close();
  }
});

test('searching the sample newsroom for the reference story’s key names finds it first', async ({ page }) => {
  const port = Number(process.env.E2E_PORT ?? 4391) + 4;
  const server = await serveStatic(DIST, port);
  try {
    await page.goto(`http://127.0.0.1:${port}/search/?q=${encodeURIComponent('Kim Jong Un Kursk')}&sort=relevance`);
    await expect(page.locator('.search-results li h2 a').first()).toHaveText(
      "North Korea readies troops for Russia's war as Moscow ratifies defence pact",
    );
  } finally {
    server.close();
  }
});

test('search excerpts keep the spaces between words, paragraphs and headings', async ({ page }) => {
  const port = Number(process.env.E2E_PORT ?? 4391) + 4;
  const server = await serveStatic(DIST, port);
  try {
    await page.goto(`http://127.0.0.1:${port}/search/?q=${encodeURIComponent('Zelensky Kursk')}&sort=relevance`);
    const excerpts = page.locator('.search-results .excerpt');
    await expect(excerpts.first()).toBeVisible();
    const texts = await excerpts.allInnerTexts();
    expect(texts.join(' ')).toContain('Kursk region');
    // No word runs into the next: "Kurskregion", "Kursk.President".
    for (const text of texts) expect(text).not.toMatch(/[a-z][.,;:!?][A-Z]|Kurskregion/);
  } finally {
    server.close();
  }
});

test('search merges the years of the sample newsroom: newest first across years, a year filter, one count', async ({ page }) => {
  // The index is one Pagefind index per year (src/integrations/search-shards.ts); the sample spans 2024 and 2025.
  expect(JSON.parse(readFileSync(path.join(DIST, 'pagefind', 'shards.json'), 'utf8'))).toEqual(['2025', '2024']);
  const port = Number(process.env.E2E_PORT ?? 4391) + 4;
  const server = await serveStatic(DIST, port);
  const count = async () => Number(/^(\d+) results/.exec((await page.locator('.search-status').textContent()) ?? '')?.[1]);
  const shownDates = async () =>
    (await page.locator('.search-results .meta').allTextContents()).map((meta) => {
      const [, day, month, year, hour, minute] = /(\d\d)\/(\d\d)\/(\d{4}) (\d\d)h(\d\d)$/.exec(meta)!;
      return `${year}-${month}-${day}T${hour}:${minute}`;
    });
  try {
    await page.goto(`http://127.0.0.1:${port}/search/?q=Ukraine`);
    await expect(page.locator('form.search-form[data-ready]')).toHaveCount(1);
    const newestFirst = await shownDates();
    // Newest first across both years: a 2025 story on top, 2024 ones below it, never a date above a later one.
    expect(newestFirst[0]!.startsWith('2025')).toBe(true);
    expect(newestFirst.some((date) => date.startsWith('2024'))).toBe(true);
    expect(newestFirst).toEqual(newestFirst.toSorted().reverse());
    const total = await count();
    expect(total).toBe(newestFirst.length);

    // Most relevant first: the same results, in another order, with the same count.
    await page.goto(`http://127.0.0.1:${port}/search/?q=Ukraine&sort=relevance`);
    await expect(page.locator('form.search-form[data-ready]')).toHaveCount(1);
    expect(await count()).toBe(total);
    expect((await shownDates()).toSorted()).toEqual(newestFirst.toSorted());

    // The year filter lists the years, newest first, and narrows the search to one of them.
    await expect(page.locator('select[name="year"] option')).toHaveText(['All', /^2025 \(\d+\)$/, /^2024 \(\d+\)$/]);
    await page.goto(`http://127.0.0.1:${port}/search/?q=Ukraine&year=2024`);
    await expect(page.locator('form.search-form[data-ready]')).toHaveCount(1);
    const in2024 = await shownDates();
    expect(in2024.length).toBeGreaterThan(0);
    expect(in2024.every((date) => date.startsWith('2024'))).toBe(true);
    expect(in2024).toEqual(newestFirst.filter((date) => date.startsWith('2024')));
    await expect(page.locator('select[name="year"]')).toHaveValue('2024');
  } finally {
    server.close();
  }
});

test('no picture is published as its original file: only the optimised copies, without camera metadata', () => {
  const pictures = readdirSync(CONTENT, { recursive: true, encoding: 'utf8' }).filter((file) =>
    /\.(?:jpe?g|png|webp|avif|gif|tiff|svg)$/i.test(file),
  );
  expect(pictures.length).toBeGreaterThan(0);
  const assets = readdirSync(path.join(DIST, '_astro'));
  // Astro names an original `<name>.<hash>.<ext>` and an optimised copy `<name>.<hash>_<variant>.<ext>`.
  const originals = assets.filter((file) => /^[^.]+\.[A-Za-z0-9_-]{8}\.(?:jpe?g|png|webp|avif|gif|tiff|svg)$/i.test(file));
  expect(originals).toEqual([]);
  for (const picture of pictures) {
    const name = path.basename(picture).replace(/\.[^.]+$/, '');
    expect(
      assets.some((file) => file.startsWith(`${name}.`)),
      `${picture} is published optimised`,
    ).toBe(true);
  }
});

test('the sample build keeps within its page-weight budgets', () => {
  // The editor (admin/, when the cms setting is on) is an app, not a page of the site: cms.spec.ts checks it.
  const html = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.html') && !f.startsWith(`admin${path.sep}`),
  );
  const read = (file: string) => readFileSync(path.join(DIST, file), 'utf8');

  // Article pages: at most 35 KB of HTML for 800 words, images excluded; longer stories get their text on top.
  const pages = articleFiles()
    .map(
      (relPath) =>
        parseArticle(
          { file: relPath, relPath: relPath.split(path.sep).join('/'), bytes: readFileSync(path.join(CONTENT, relPath)) },
          { timeZone: site.timeZone, sections: site.sections },
        ).article!,
    )
    .filter((article) => existsSync(path.join(DIST, article.sectionSlug, article.slug, 'index.html')));
  expect(pages.length).toBeGreaterThan(20);
  for (const article of pages) {
    const bytes = Buffer.byteLength(read(path.join(article.sectionSlug, article.slug, 'index.html')));
    const allowance = 35 * 1024 + Math.max(0, article.wordCount - 800) * 8;
    expect(bytes, `${article.slug}: ${article.wordCount} words`).toBeLessThanOrEqual(allowance);
  }

  // All CSS together at most 15 KB, uncompressed.
  const css = readdirSync(path.join(DIST, '_astro')).filter((f) => f.endsWith('.css'));
  const cssBytes = css.reduce((sum, f) => sum + statSync(path.join(DIST, '_astro', f)).size, 0);
  expect(cssBytes).toBeLessThanOrEqual(15 * 1024);

  for (const file of html) {
    const page = read(file);
    // No JavaScript but the search page's own module; JSON-LD is data.
    const scripts = [...page.matchAll(/<script\b([^>]*)>/g)]
      .map((m) => m[1]!)
      .filter((attributes) => !attributes.includes('application/ld+json'));
    expect(scripts, file).toEqual(file === path.join('search', 'index.html') ? [expect.stringContaining('type="module"')] : []);
    // Nothing loaded from another host: no src, srcset, stylesheet, icon or preload outside the site.
    expect(page, file).not.toMatch(/\b(?:src|srcset)="(?:https?:)?\/\//);
    expect(page, file).not.toMatch(/<link\b[^>]*rel="(?:stylesheet|icon|preload|modulepreload)"[^>]*href="(?:https?:)?\/\//);
    // Every picture has its size reserved and a modern format.
    for (const [img] of page.matchAll(/<img\b[^>]*>/g)) {
      expect(img, file).toMatch(/\swidth="\d+"/);
      expect(img, file).toMatch(/\sheight="\d+"/);
      expect(img, file).toMatch(/\ssrc="[^"]+\.(?:webp|avif|svg)"/);
    }
  }
});
