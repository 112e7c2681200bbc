import { expect, test, type Page } from '@playwright/test';

const briefs = (numbers: number[]) => numbers.map((n) => `Weather brief number ${String(n).padStart(2, '0')}`);
const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => from - i);
const cardTitles = (page: Page) => page.locator('main .card-list .card-title a');

test.describe('browsing the site', () => {
  test('front page: the newest story leads (the featured one has had its two days), then top stories, latest, section blocks, no story twice', async ({
    page,
  }) => {
    await page.goto('/');
    const lead = page.locator('.card-lead');
    await expect(lead.locator('.card-title a')).toHaveText('City museum reopens after five-year restoration');
    await expect(page.locator('.top-stories .card-title a')).toHaveText([/^Hostile/, ...briefs([15, 14, 13])]);
    await expect(page.locator('.front-latest li a')).toHaveText(briefs(range(12, 3)));
    // Section blocks in the configured order, newest first, without stories already shown above.
    await expect(page.locator('.section-block .block-title')).toHaveText(['World', 'Politics', 'Culture']);
    const world = page.locator('.section-block').first();
    await expect(world.locator('.card-title a')).toHaveText([...briefs([2, 1]), "North Korea readies troops for Russia's war, Seoul says"]);
    await expect(world.locator('img')).toHaveAttribute('alt', 'A stylised map of north-east Asia with arrows pointing west');
    await expect(world.locator('img')).toHaveAttribute('loading', 'lazy');
    const stories = await page
      .locator('main .card-title a, main .front-latest a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(stories.length).toBeGreaterThan(20);
    expect(new Set(stories).size, 'no story twice').toBe(stories.length);
    await expect(page.locator('.card .kicker').first()).toHaveText('Culture');
  });

  for (const width of [390, 768, 1366, 1920]) {
    test(`front page at ${width} px: the top stories follow the lead, leaving no hole under it`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/');
      const lead = await page.locator('.card-lead').boundingBox();
      const first = await page.locator('.top-stories > li').first().boundingBox();
      expect(lead && first).toBeTruthy();
      const gap = first!.y - (lead!.y + lead!.height);
      expect(gap, 'space between the lead and the first top story').toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThan(80);
      // Each section block's first row reaches across the block: a block of one or two stories leaves no empty column.
      const blocks = await page.locator('.section-block .card-list').evaluateAll((lists) =>
        lists.map((list) => {
          const items = [...list.children].map((li) => li.getBoundingClientRect());
          const firstRow = items.filter((item) => Math.abs(item.top - items[0]!.top) < 1);
          return { right: list.getBoundingClientRect().right, rowRight: Math.max(...firstRow.map((item) => item.right)) };
        }),
      );
      expect(blocks.length).toBeGreaterThan(0);
      for (const [i, block] of blocks.entries()) expect(block.right - block.rowRight, `section block ${i + 1}`).toBeLessThan(2);
      // Nothing runs off the side of the page.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }

  for (const width of [390, 1366]) {
    test(`a section page at ${width} px lists one story a row, with no hole between them`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      // Page 2 of World holds the reference story, the fixture's story with a picture, among text-only briefs.
      await page.goto('/world/page/2/');
      const rows = await page.locator('main .river > li').evaluateAll((items) => items.map((li) => li.getBoundingClientRect().toJSON()));
      expect(rows.length).toBeGreaterThan(3);
      for (let i = 1; i < rows.length; i++) {
        expect(rows[i].left, `row ${i} starts at the left`).toBe(rows[0].left);
        expect(rows[i].top - rows[i - 1].bottom, `space above row ${i}`).toBeLessThan(40);
      }
      // The reference story's picture sits beside its text where there is room, above it on a phone.
      const card = page.locator('.card', { hasText: 'North Korea readies troops' });
      const image = (await card.locator('img').boundingBox())!;
      const title = (await card.locator('.card-title').boundingBox())!;
      if (width >= 640) expect(image.x).toBeGreaterThan(title.x + title.width - 1);
      else expect(image.y + image.height).toBeLessThanOrEqual(title.y + 1);
    });
  }

  test('section pages are paginated newest first with rel prev/next', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'World' }).click();
    await expect(page).toHaveURL(/\/world\/$/);
    await expect(page.locator('h1')).toHaveText('World');
    await expect(page.getByRole('navigation', { name: 'Sections' }).locator('[aria-current="page"]')).toHaveText('World');
    await expect(cardTitles(page)).toHaveText(briefs(range(15, 6)));
    await expect(page.locator('link[rel="next"]')).toHaveAttribute('href', '/world/page/2/');
    await expect(page.locator('link[rel="prev"]')).toHaveCount(0);

    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: /Older/ }).click();
    await expect(page).toHaveURL(/\/world\/page\/2\/$/);
    await expect(page.locator('.listing-header .meta')).toHaveText('Page 2 of 2');
    await expect(cardTitles(page)).toHaveText([
      ...briefs(range(5, 1)),
      "North Korea readies troops for Russia's war, Seoul says",
      "Ukrainian forces push into Russia's Kursk region",
      'Kim and Putin sign defence pact in Pyongyang',
    ]);
    await expect(page.locator('link[rel="prev"]')).toHaveAttribute('href', '/world/');
    await expect(page.locator('link[rel="next"]')).toHaveCount(0);
  });

  test('article → breadcrumbs, tag page, author page, archive', async ({ page }) => {
    await page.goto('/world/page/2/');
    await page.getByRole('link', { name: "North Korea readies troops for Russia's war, Seoul says" }).click();
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(crumbs.locator('li')).toHaveText(['Home', 'World', "North Korea readies troops for Russia's war, Seoul says"]);
    await expect(crumbs.locator('[aria-current="page"]')).toHaveText("North Korea readies troops for Russia's war, Seoul says");
    await expect(page.locator('section.more-in-section li a')).toHaveText(briefs([15]));

    await page.locator('.story-tags').getByRole('link', { name: 'Kim Jong Un' }).click();
    await expect(page).toHaveURL(/\/tags\/kim-jong-un\/$/);
    await expect(page.locator('.listing-header .kicker')).toHaveText('Tag');
    await expect(cardTitles(page)).toHaveText([
      "North Korea readies troops for Russia's war, Seoul says",
      'Kim and Putin sign defence pact in Pyongyang',
    ]);

    await page.goto('/world/reference-story/');
    await page.locator('.byline').getByRole('link', { name: 'Tom Reed' }).click();
    await expect(page).toHaveURL(/\/authors\/tom-reed\/$/);
    await expect(page.locator('h1')).toHaveText('Tom Reed');
    await expect(cardTitles(page)).toHaveText(briefs(range(15, 6)));
    await page.getByRole('link', { name: /Older/ }).click();
    await expect(cardTitles(page)).toHaveText([
      ...briefs(range(5, 1)),
      "North Korea readies troops for Russia's war, Seoul says",
      'Kim and Putin sign defence pact in Pyongyang',
      'Ceasefire talks: live updates from Geneva',
    ]);
  });

  test('tag pages are paginated, and the tag index lists every tag with counts', async ({ page }) => {
    await page.goto('/tags/weather/');
    await expect(cardTitles(page)).toHaveText(briefs(range(15, 6)));
    await page.goto('/tags/weather/page/2/');
    await expect(cardTitles(page)).toHaveText(briefs(range(5, 1)));
    await page.goto('/tags/');
    await expect(page.locator('.count-list li').filter({ hasText: 'Weather' })).toHaveText('Weather 15 articles');
    await expect(page.locator('.count-list li').filter({ hasText: 'North Korea' })).toHaveText('North Korea 3 articles');
    await page.goto('/sections/');
    await expect(page.locator('.count-list li')).toHaveText(['World 18 articles', 'Politics 3 articles', 'Culture 3 articles']);
    await page.goto('/authors/');
    await expect(page.locator('.count-list li')).toHaveText([
      'Ana Lima 2 articles',
      'Claire Martin 1 article',
      '<img src=x onerror=alert("author")> 1 article',
      'Tom Reed 18 articles',
    ]);
  });

  test('the archive lists years and months, and month pages are paginated', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Archive' }).click();
    await expect(page).toHaveURL(/\/archive\/$/);
    await expect(page.locator('.archive-year h2')).toHaveText(['2024 24 articles']);
    await expect(page.locator('.archive-year .count-list li')).toHaveText([
      'December 2024 1 article',
      'November 2024 16 articles',
      'October 2024 3 articles',
      'September 2024 1 article',
      'August 2024 1 article',
      'June 2024 2 articles',
    ]);
    await page.getByRole('link', { name: 'November 2024' }).click();
    await expect(page.locator('h1')).toHaveText('November 2024');
    await expect(cardTitles(page)).toHaveText([/^Hostile/, ...briefs(range(15, 7))]);
    await page.getByRole('link', { name: /Older/ }).click();
    await expect(page).toHaveURL(/\/archive\/2024\/11\/page\/2\/$/);
    await expect(cardTitles(page)).toHaveText(briefs(range(6, 1)));
    // The year: 24 articles, newest first over three pages.
    await page.goto('/archive/');
    await page.getByRole('link', { name: '2024', exact: true }).click();
    await expect(page.locator('.listing-header .meta')).toHaveText('Page 1 of 3');
    await expect(cardTitles(page).first()).toHaveText('City museum reopens after five-year restoration');
    await page.goto('/archive/2024/page/3/');
    await expect(cardTitles(page)).toHaveText([
      'Festival crowns a quiet family drama',
      "Ukrainian forces push into Russia's Kursk region",
      'Kim and Putin sign defence pact in Pyongyang',
      'Ceasefire talks: live updates from Geneva',
    ]);
  });

  test('a missing page is the 404 page, with links to the front page and sections and no canonical URL', async ({ page }) => {
    const response = await page.goto('/no/such/page/');
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1')).toHaveText('Page not found');
    await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
    await expect(page.locator('.not-found li a')).toHaveText(['World', 'Politics', 'Culture']);
    await page.getByRole('link', { name: 'Go to the front page' }).click();
    await expect(page.locator('.card-lead')).toHaveCount(1);
  });

  test('every page is usable by keyboard: the skip link moves focus to the content', async ({ page }) => {
    await page.goto('/tags/weather/');
    await page.keyboard.press('Tab');
    await expect(page.locator('.skip-link')).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('main') !== null);
    expect(focused).toBe(true);
  });
});
