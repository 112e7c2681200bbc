import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { NEW_ARTICLE } from './support/articles.ts';
import { buildSite, FIXTURE_SITE } from './support/build.ts';
import { serveStatic } from './support/serve.ts';
import { builtFiles } from './support/site-files.ts';

test('adding a Markdown file and rebuilding adds its page and changes other Related lists', async ({ page }) => {
  const contentDir = mkdtempSync(path.join(tmpdir(), 'dateline-content-'));
  cpSync(FIXTURE_SITE, contentDir, { recursive: true });
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'dateline-cache-'));
  const outDir = mkdtempSync(path.join(tmpdir(), 'dateline-out-'));
  const port = Number(process.env.E2E_PORT ?? 4391) + 1;
  const server = await serveStatic(outDir, port);
  const origin = `http://127.0.0.1:${port}`;
  const relatedOf = async (pagePath: string) => {
    await page.goto(`${origin}${pagePath}`);
    return page.locator('section.related ol > li > a').allTextContents();
  };

  const first = buildSite({ contentDir, outDir, cacheDir });
  expect(first.status, first.output).toBe(0);
  // Nothing leaves the site without a line saying so: one line per category, then exactly one page per
  // published article in the output (article pages are the ones with og:type "article").
  expect(first.output).toMatch(
    /published: 24 · drafts: 1: .*world\/draft-story\.md · scheduled: 1: .*world\/scheduled-story\.md \(for 01\/06\/2030 07h00\) · expired: 1: .*world\/recalled-story\.md \(taken down 15\/12\/2024 12h00\) · rejected: 0/,
  );
  const articlePages = builtFiles(outDir, '.html').filter((file) =>
    readFileSync(path.join(outDir, file), 'utf8').includes('<meta property="og:type" content="article">'),
  );
  expect(articlePages).toHaveLength(24);
  expect(articlePages).not.toContain('world/draft-story/index.html');
  expect(await relatedOf('/world/reference-story/')).not.toContain('Kim inspects artillery units bound for the front');

  writeFileSync(path.join(contentDir, 'world', 'kim-artillery.md'), NEW_ARTICLE);
  const second = buildSite({ contentDir, outDir, cacheDir });
  expect(second.status, second.output).toBe(0);
  // Unchanged files keep their stored entries: only the new file is parsed again.
  expect(second.output).toMatch(/1 parsed, 27 unchanged/);

  await page.goto(`${origin}/world/kim-artillery/`);
  await expect(page.locator('h1')).toHaveText('Kim inspects artillery units bound for the front');
  expect(await relatedOf('/world/reference-story/')).toEqual([
    'Kim and Putin sign defence pact in Pyongyang',
    "Ukrainian forces push into Russia's Kursk region",
    'Kim inspects artillery units bound for the front',
    'Seoul briefs lawmakers on troop intelligence',
    'EU agrees new sanctions package against Moscow',
  ]);
  // The hero image of an unchanged article survives the warm rebuild.
  await page.goto(`${origin}/world/reference-story/`);
  expect(await page.locator('figure.hero img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  server.close();
});
