import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from './support/build.ts';

// The fixture site (built at 2025-01-01 12:00 UTC) has a live story still going on: ceasefire-talks-live.md.
const PAGE = '/politics/ceasefire-talks-live/';
const SITE = path.join(ROOT, 'tests', '.out', 'site');

test('a live story shows its updates newest first, each a section whose time is a link to itself', async ({ page }) => {
  await page.goto(PAGE);
  await expect(page.locator('.story-header .live-now')).toHaveText('Live now');
  await expect(page.locator('.story-header .latest-update')).toContainText('Latest update 20/06/2024 09h00');
  const updates = page.locator('.live-update');
  await expect(updates.locator('h2')).toHaveText([
    '20/06/2024 09h00 Second session begins',
    '19/06/2024 22h15 Talks adjourn for the night',
  ]);
  // The summary stays above the updates.
  await expect(page.locator('.story-body > p').first()).toContainText('Delegations from both sides met in Geneva on Wednesday morning.');
  // Each update is a landmark-free section named by its heading, and its time links to it.
  await expect(updates.first()).toHaveAccessibleName('20/06/2024 09h00 Second session begins');
  await updates.nth(1).locator('.update-link').click();
  await expect(page).toHaveURL(new RegExp(`${PAGE}#update-2024-06-19-2215$`));
  await expect(updates.nth(1)).toBeInViewport();
});

test('a live story tells search engines and feeds when it last changed', async ({ page }) => {
  await page.goto(PAGE);
  await expect(page.locator('meta[property="article:modified_time"]')).toHaveAttribute('content', '2024-06-20T09:00:00+02:00');
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as Record<string, unknown>[];
  expect(data[0]).toMatchObject({
    '@type': 'LiveBlogPosting',
    coverageStartTime: '2024-06-19T08:00:00+02:00',
    dateModified: '2024-06-20T09:00:00+02:00',
    liveBlogUpdate: [
      { '@type': 'BlogPosting', headline: 'Second session begins', datePublished: '2024-06-20T09:00:00+02:00' },
      { '@type': 'BlogPosting', headline: 'Talks adjourn for the night', datePublished: '2024-06-19T22:15:00+02:00' },
    ],
  });
  expect(data[0]).not.toHaveProperty('coverageEndTime');

  // Its section's feed carries it (the JSON Feed's date_modified is checked in distribution.test.ts).
  const rss = readFileSync(path.join(SITE, 'politics', 'rss.xml'), 'utf8');
  const rssItem = rss.slice(rss.indexOf(`ceasefire-talks-live/</link>`));
  expect(rssItem.slice(0, rssItem.indexOf('</item>'))).toContain('<atom:updated>2024-06-20T07:00:00.000Z</atom:updated>');
});

test('the front page and lists mark a story whose live coverage goes on, dated by its latest update', async ({ page }) => {
  for (const list of ['/', '/politics/']) {
    await page.goto(list);
    const card = page.locator('.card').filter({ has: page.getByRole('link', { name: 'Ceasefire talks: live updates from Geneva' }) });
    await expect(card.locator('.live-now'), list).toHaveText('Live now');
    await expect(card.locator('.meta'), list).toHaveText('Latest update 20/06/2024 09h00');
  }
  // No other story is marked live.
  await page.goto('/');
  await expect(page.locator('.live-now')).toHaveCount(1);
});
