import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { EXECUTABLE_SCRIPT } from './support/selectors.ts';
import { expect, test } from '@playwright/test';
import { HtmlValidate } from 'html-validate/node';
import { ROOT } from './support/build.ts';
import { refreshTarget } from './support/site-files.ts';

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
      // html-validate reads on after </html>; the Nu validator (and the HTML standard) do not.
      if (!readFileSync(file, 'utf8').trimEnd().endsWith('</html>')) problems.push(`${path.relative(dir, file)}: content after </html>`);
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const message of result.messages)
          problems.push(`${path.relative(dir, file)}:${message.line}: ${message.ruleId}: ${message.message}`);
      }
    }
    expect(problems).toEqual([]);
  });
}

test('no page of the fixture build loads a script, but the search page its own', async ({ page }) => {
  const withScript: string[] = [];
  for (const file of htmlFiles(BUILDS.fixture)) {
    const pagePath = `/${path.relative(BUILDS.fixture, file).replace(/index\.html$/, '')}`;
    // A redirect page (a story's old address) moves on at once: its own markup is what it ships.
    if (refreshTarget(readFileSync(file, 'utf8'))) {
      if (/<script/i.test(readFileSync(file, 'utf8'))) withScript.push(pagePath);
      continue;
    }
    await page.goto(pagePath);
    if ((await page.locator(EXECUTABLE_SCRIPT).count()) > 0) withScript.push(pagePath);
  }
  expect(withScript).toEqual(['/search/']);
  await page.goto('/search/');
  await expect(page.locator(EXECUTABLE_SCRIPT)).toHaveAttribute('src', /^\/_astro\/.*\.js$/);
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

test.describe('the newsroom look', () => {
  for (const pagePath of ['/', '/world/reference-story/', '/world/', '/archive/']) {
    test(`${pagePath} fits a 320 px screen without horizontal scrolling`, async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(pagePath);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    });
  }

  test('pages request nothing from other hosts, and every image has a width and height', async ({ page }) => {
    const hosts = new Set<string>();
    page.on('request', (request) => hosts.add(new URL(request.url()).host));
    for (const pagePath of ['/', '/world/reference-story/', '/tags/weather/']) {
      await page.goto(pagePath);
      const missing = await page.locator('img:not([width]), img:not([height])').count();
      expect(missing, pagePath).toBe(0);
    }
    expect([...hosts]).toEqual([new URL(page.url()).host]);
  });

  test('an article prints without navigation and with link URLs shown', async ({ page }) => {
    await page.goto('/world/reference-story/');
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.section-nav', '.breadcrumbs', 'section.related', '.skip-link']) {
      await expect(page.locator(selector).first()).toBeHidden();
    }
    await expect(page.locator('.story-body')).toBeVisible();
    const after = await page
      .locator('.story-body a[href^="https://example.org/treaty"]')
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('https://example.org/treaty');
  });

  test('the measure of article text stays within 60 to 75 characters', async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto('/world/reference-story/');
    const charactersPerLine = await page
      .locator('.story-body p')
      .first()
      .evaluate((p) => {
        const style = getComputedStyle(p);
        const probe = document.createElement('span');
        probe.style.font = style.font;
        probe.textContent = 'abcdefghijklmnopqrstuvwxyz'.repeat(4);
        document.body.append(probe);
        const perCharacter = probe.getBoundingClientRect().width / 104;
        probe.remove();
        return p.getBoundingClientRect().width / perCharacter;
      });
    expect(charactersPerLine).toBeGreaterThanOrEqual(60);
    expect(charactersPerLine).toBeLessThanOrEqual(75);
  });
});

test.describe('Content-Security-Policy', () => {
  test('pages render under the strict policy with no violation reported', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    for (const pagePath of ['/', '/world/reference-story/', '/world/', '/archive/', '/about/']) {
      await page.goto(pagePath);
      await expect(page.locator('main')).toBeVisible();
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/Georgia|Palatino|serif/);
    }
    expect(violations).toEqual([]);
  });

  test('the policy is enforced: an inline script is refused', async ({ page }) => {
    await page.goto('/world/reference-story/');
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /script-src 'self'/);
    await expect(page.addScriptTag({ content: 'window.__ran = true' })).rejects.toThrow();
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
  });
});
