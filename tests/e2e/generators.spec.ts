import type { Server } from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildSite, ROOT, type BuildResult } from './support/build.ts';
import { serveStatic } from './support/serve.ts';

// Files written for Hugo (TOML), Jekyll, Astro's blog starter and AstroPaper, dropped in as they are.
const port = Number(process.env.E2E_PORT ?? 4391) + 13;
const origin = `http://127.0.0.1:${port}`;
let server: Server;
let build: BuildResult;

test.beforeAll(async () => {
  build = buildSite({
    contentDir: path.join(ROOT, 'tests', 'fixtures', 'generators'),
    env: { DATELINE_SKIP_CARDS: '1', SITE_LOCALE: 'en-GB' },
  });
  expect(build.status, build.output).toBe(0);
  server = await serveStatic(build.outDir, port);
});

test.afterAll(() => {
  server?.close();
});

/** What a reader sees of an article: section label, publish time, the "Updated" time and the tags. */
async function story(page: import('@playwright/test').Page, pagePath: string) {
  const response = await page.goto(`${origin}${pagePath}`);
  expect(response?.status()).toBe(200);
  return {
    section: (await page.locator('.story .kicker a').textContent())?.trim(),
    published: await page.locator('.times time').first().textContent(),
    updated:
      (await page.locator('.times .updated').count()) > 0 ? (await page.locator('.times .updated time').textContent())?.trim() : undefined,
    tags: await page.locator('.story-tags li').allTextContents(),
  };
}

test('a Hugo file with TOML frontmatter: categories give the section and tags, lastmod the update', async ({ page }) => {
  expect(await story(page, '/politics/budget-vote/')).toEqual({
    section: 'Politics',
    published: '25/10/2024 19h13',
    updated: '26/10/2024 08h00',
    tags: ['Parliament', 'Public finances', 'Budget'],
  });
  await expect(page.locator('.standfirst')).toHaveText('The speaker moved the vote after a late amendment.');
});

test('Jekyll posts: a date with a space before the offset, a date from the file name, categories as section', async ({ page }) => {
  expect(await story(page, '/culture/museum-reopens/')).toEqual({
    section: 'Culture',
    published: '24/10/2024 09h30',
    updated: undefined,
    tags: ['Heritage', 'Public finances', 'museums'],
  });
  await expect(page.locator('.byline')).toContainText('Ana Lima');
  expect(await story(page, '/culture/festival-lineup/')).toEqual({
    section: 'Culture',
    published: '23/10/2024',
    updated: undefined,
    tags: ['Festivals', 'Heritage'],
  });
});

test("Astro's blog starter: pubDate, updatedDate and a hero image beside the file", async ({ page }) => {
  expect(await story(page, '/technology/first-post/')).toEqual({
    section: 'Technology',
    published: '22/10/2024',
    updated: '23/10/2024',
    tags: ['Public finances', 'Data centres'],
  });
  const hero = page.locator('figure.hero img');
  expect(await hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
});

test('AstroPaper: pubDatetime in UTC shown in newsroom time, an empty modDatetime, a remote ogImage left out', async ({ page }) => {
  expect(await story(page, '/technology/adding-new-posts/')).toEqual({
    section: 'Technology',
    published: '21/10/2024 17h22',
    updated: undefined,
    tags: ['Data centres', 'Open source'],
  });
  await expect(page.locator('figure.hero')).toHaveCount(0);
  await expect(page.locator('.byline')).toContainText('Sat Naing');
});

test('the build says what it mapped, one notice per file, and what it could not use', () => {
  const notices = build.output.split('\n').filter((line) => line.includes('written for another site generator'));
  expect(notices).toHaveLength(5);
  expect(build.output).toMatch(
    /budget-vote\.md: written for another site generator; read as Dateline fields: lastmod → updated, summary → description, categories → section and tags; ignored: weight/,
  );
  expect(build.output).toMatch(/2024-10-23-festival-lineup\.md: .*category → section, file name → date 2024-10-23; ignored: layout/);
  expect(build.output).toMatch(/adding-new-posts\.md:\d+: ogImage: "https:\/\/example.com\/og.png" is not a file next to the article/);
  expect(build.output).toMatch(/published: 5/);
});

test('a Hugo shortcode or a Liquid tag is a warning naming its line and what to write instead; the page shows it as written', async ({
  page,
}) => {
  expect(build.output).toContain(
    'budget-vote.md:18: the Hugo shortcode {{< youtube w7Ft2ymGmfc >}} is published as written: Dateline runs no shortcodes (write the video as <iframe src="https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc" title="what it shows"></iframe>)',
  );
  expect(build.output).toContain(
    '2024-10-24-museum-reopens.md:13: the Liquid tag {% include gallery.html folder="reopening" %} is published as written: Dateline runs no templates',
  );
  await page.goto(`${origin}/politics/budget-vote/`);
  await expect(page.locator('.story-body p').last()).toHaveText('{{< youtube w7Ft2ymGmfc >}}');
  await expect(page.locator('.story-body iframe')).toHaveCount(0);
});
