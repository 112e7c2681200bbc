import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { HtmlValidate } from 'html-validate/node';
import { ROOT } from './support/build.ts';

const BUILDS = { fixture: path.join(ROOT, 'tests', '.out', 'site'), sample: path.join(ROOT, 'dist') };

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => path.join(dir, file));
}

for (const [name, dir] of Object.entries(BUILDS)) {
  test(`every page of the ${name} build is valid HTML`, async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(ROOT, '.htmlvalidate.json'), 'utf8')));
    const files = htmlFiles(dir);
    expect(files.length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const message of result.messages)
          problems.push(`${path.relative(dir, file)}:${message.line}: ${message.ruleId}: ${message.message}`);
      }
    }
    expect(problems).toEqual([]);
  });
}

test('no page of the fixture build loads a script', async ({ page }) => {
  const pages = htmlFiles(BUILDS.fixture).map((file) => `/${path.relative(BUILDS.fixture, file).replace(/index\.html$/, '')}`);
  for (const pagePath of pages) {
    await page.goto(pagePath);
    expect(await page.locator('script').count(), pagePath).toBe(0);
  }
});

const PAGES = [
  '/',
  '/world/reference-story/',
  '/culture/film-festival/',
  '/world/',
  '/world/page/2/',
  '/tags/north-korea/',
  '/tags/',
  '/authors/tom-reed/',
  '/archive/',
  '/archive/2024/11/',
  '/sections/',
  '/about/',
  '/404.html',
];

for (const colorScheme of ['light', 'dark'] as const) {
  for (const pagePath of PAGES) {
    test(`${pagePath} has no WCAG 2.2 A/AA violations in the ${colorScheme} scheme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(pagePath);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}

test('keyboard focus is visible on links', async ({ page }) => {
  await page.goto('/world/reference-story/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { tag: document.activeElement!.tagName, width: style.outlineWidth, style: style.outlineStyle };
  });
  expect(outline).toEqual({ tag: 'A', width: '3px', style: 'solid' });
});
