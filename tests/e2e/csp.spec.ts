import type { Server } from 'node:http';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { contentSecurityPolicy } from '../../src/lib/security-headers.ts';
import { site } from '../../src/site.config.ts';
import { buildSite, ROOT } from './support/build.ts';
import { serveStatic } from './support/serve.ts';

// The shared fixture server sends the headers of the build's `_headers` file, as Netlify or Cloudflare
// Pages would: every page here is loaded under the site's Content-Security-Policy header.

/** Records every CSP violation the page reports, from the DOM event and from the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __cspViolation: (text: string) => void }).__cspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return violations;
}

const PAGES = [
  '/',
  '/world/reference-story/',
  '/culture/hostile-input/',
  '/culture/film-festival/',
  '/world/',
  '/world/page/2/',
  '/tags/north-korea/',
  '/authors/tom-reed/',
  '/archive/',
  '/archive/2024/10/',
  '/sections/',
  '/about/',
  '/no-such-page/',
];

test('every kind of page renders under the CSP header with no violation', async ({ page, request }) => {
  const violations = await watchViolations(page);
  for (const pagePath of PAGES) {
    const response = await page.goto(pagePath);
    expect(response?.headers()['content-security-policy'], pagePath).toBe(contentSecurityPolicy('header', site.embedHosts));
    // The stylesheet applied: the header's double rule comes from it.
    await expect(page.locator('.site-header'), pagePath).toHaveCSS('border-bottom-style', 'double');
  }
  expect((await request.get('/')).headers()['x-content-type-options']).toBe('nosniff');
  expect(violations).toEqual([]);

  // The watch itself works: an inline script added to a page is refused by the policy, and reported.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__ran = true';
    document.body.append(script);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
});

test('search works under the CSP header: its script, Pagefind and its WebAssembly, no violation', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/search/?q=Pyongyang&sort=relevance');
  await expect(page.locator('.search-results li h2 a').first()).toHaveText('Kim and Putin sign defence pact in Pyongyang');
  expect(violations).toEqual([]);
});

test.describe('embeds', () => {
  const port = Number(process.env.E2E_PORT ?? 4391) + 14;
  let server: Server;
  let output = '';

  test.beforeAll(async () => {
    const build = buildSite({ contentDir: path.join(ROOT, 'tests', 'fixtures', 'embeds'), env: { DATELINE_SKIP_CARDS: '1' } });
    expect(build.status, build.output).toBe(0);
    output = build.output;
    server = await serveStatic(build.outDir, port);
  });
  test.afterAll(() => server?.close());

  test('a listed embed is kept sandboxed, lazy and titled; another is removed with a warning naming the article', async ({ page }) => {
    expect(output).toMatch(
      /video-report\.md:13: an <iframe> from https:\/\/videos\.example\.net\/player\/123 was removed: embeds are kept only over https from www\.youtube-nocookie\.com, player\.vimeo\.com/,
    );
    // Offline here: the player's own request is answered locally, so only the policy decides what loads.
    await page.route('https://www.youtube-nocookie.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<p>player</p>' }),
    );
    const violations = await watchViolations(page);
    await page.goto(`http://127.0.0.1:${port}/world/video-report/`);
    const frames = page.locator('.story-body iframe');
    await expect(frames).toHaveCount(1);
    await expect(frames).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ');
    await expect(frames).toHaveAttribute('sandbox', 'allow-scripts allow-same-origin allow-presentation allow-popups');
    await expect(frames).toHaveAttribute('loading', 'lazy');
    await expect(frames).toHaveAttribute('title', 'Briefing to lawmakers, 25 October');
    await frames.scrollIntoViewIfNeeded();
    await expect(page.frameLocator('.story-body iframe').locator('p')).toHaveText('player');
    expect(violations).toEqual([]);
  });
});
