import type { Server } from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { buildSite, FIXTURE_SITE } from './support/build.ts';
import { serveStatic } from './support/serve.ts';

const results = '.search-results li h2 a';
const ready = (page: Page) => expect(page.locator('form.search-form[data-ready]')).toHaveCount(1);

// The same tests at the domain root (the shared fixture server) and under /news/ (a build of its own).
const newsPort = Number(process.env.E2E_PORT ?? 4391) + 5;
let newsServer: Server | undefined;
test.beforeAll(async () => {
  const build = buildSite({ contentDir: FIXTURE_SITE, env: { BASE_PATH: '/news/', DATELINE_SKIP_CARDS: '1' } });
  expect(build.status, build.output).toBe(0);
  newsServer = await serveStatic(build.outDir, newsPort, '/news/');
});
test.afterAll(() => {
  newsServer?.close();
});

for (const { name, prefix } of [
  { name: 'at the root', prefix: '' },
  { name: 'under /news/', prefix: `http://127.0.0.1:${newsPort}/news` },
])
  test.describe(`search ${name}`, () => {
    test('finds the story by a name in its text, most relevant first, with the match highlighted', async ({ page }) => {
      await page.goto(`${prefix}/search/`);
      await ready(page);
      await page.getByLabel('Search the archive').fill('Pyongyang');
      await page.locator('select[name="sort"]').selectOption('relevance');
      await page.getByRole('button', { name: 'Search' }).click();
      await expect(page.locator(results)).toHaveText([
        'Kim and Putin sign defence pact in Pyongyang',
        "North Korea readies troops for Russia's war, Seoul says",
      ]);
      await expect(page).toHaveURL(/\?q=Pyongyang&sort=relevance$/);
      await expect(page.locator(results).first()).toHaveAttribute(
        'href',
        `${new URL(`${prefix}/`, 'http://x').pathname}world/kim-putin-summit/`,
      );
      await expect(page.locator('.search-results li').first().locator('.meta')).toHaveText('World · 19/06/2024 14h00');
      await expect(page.locator('.search-results mark').first()).toContainText('Pyongyang');
    });

    test('orders results newest first by default, and a section filter narrows them', async ({ page }) => {
      await page.goto(`${prefix}/search/?q=Seoul`);
      await ready(page);
      await expect(page.locator(results)).toHaveText([
        "North Korea readies troops for Russia's war, Seoul says",
        'Seoul briefs lawmakers on troop intelligence',
      ]);
      await expect(page.locator('select[name="sort"]')).toHaveValue('date');
      await page.locator('select[name="section"]').selectOption('Politics');
      await expect(page.locator(results)).toHaveText(['Seoul briefs lawmakers on troop intelligence']);
      await expect(page).toHaveURL(/section=Politics/);
      await page.goBack();
      await expect(page.locator(results)).toHaveCount(2);
      await expect(page.locator('select[name="section"]')).toHaveValue('');
    });

    test('a link to /search/?q=… restores the search, and the search page has no accessibility violation', async ({ page }) => {
      await page.goto(`${prefix}/search/?q=weather&tag=Weather`);
      await ready(page);
      await expect(page.getByLabel('Search the archive')).toHaveValue('weather');
      await expect(page.locator('select[name="tag"]')).toHaveValue('Weather');
      await expect(page.locator('.search-status')).toHaveText('15 results for “weather”');
      await expect(page.locator(results)).toHaveCount(15);
      await expect(page.locator(results).first()).toHaveText('Weather brief number 15');
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        expect(axe.violations.map((v) => v.id)).toEqual([]);
      }
    });

    test('the status line shows the query literally, replacement patterns and markup included', async ({ page }) => {
      const query = "weather $' $& $` $$ <b>x</b>";
      await page.goto(`${prefix}/search/?q=${encodeURIComponent(query)}`);
      await ready(page);
      await expect(page.locator('.search-status')).toHaveText(/^\d+ results for “weather \$' \$& \$` \$\$ <b>x<\/b>”$/);
      await expect(page.locator('.search-status b')).toHaveCount(0);
    });

    test('indexes only article text: not navigation, bylines or Related lists', async ({ page }) => {
      await page.goto(`${prefix}/search/?q=Skip`);
      await ready(page);
      await expect(page.locator('.search-status')).toHaveText('0 results for “Skip”');
      // "openly" is only in the disclaimer line under every article; "Claire" only in a byline.
      for (const word of ['openly', 'Claire']) {
        await page.goto(`${prefix}/search/?q=${word}`);
        await ready(page);
        await expect(page.locator('.search-status')).toHaveText(`0 results for “${word}”`);
      }
    });
  });

test.describe('search without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page renders and says that search needs JavaScript', async ({ page }) => {
    await page.goto('/search/?q=Kursk');
    await expect(page.getByRole('search')).toBeVisible();
    await expect(page.locator('.search-status')).toContainText('Search needs JavaScript');
  });
});
