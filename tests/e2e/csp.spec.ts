import { readFileSync } from 'node:fs';
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

test.describe('outside services', () => {
  const port = Number(process.env.E2E_PORT ?? 4391) + 23;
  const origin = `http://127.0.0.1:${port}`;
  const services = [
    { name: 'Analytics', pages: 'articles', script: 'https://stats.example.org/js/script.js', connect: ['https://stats.example.org'] },
    { name: 'Newsletter', pages: ['/about/'], forms: ['https://list.example.com'] },
  ];
  let server: Server;
  let outDir = '';

  test.beforeAll(async () => {
    const build = buildSite({
      contentDir: path.join(ROOT, 'tests', 'fixtures', 'site'),
      env: { DATELINE_SKIP_CARDS: '1', SITE_SERVICES: JSON.stringify(services) },
    });
    expect(build.status, build.output).toBe(0);
    outDir = build.outDir;
    server = await serveStatic(outDir, port);
  });
  test.afterAll(() => server?.close());

  test("a service's script loads and reports on the pages that use it, under their policy, and nowhere else", async ({ page }) => {
    // Offline here: the service's host is answered locally, so only the pages and their policy decide what loads.
    const requested: string[] = [];
    await page.route('https://stats.example.org/**', (route) => {
      requested.push(route.request().url());
      return route.fulfill({
        status: 200,
        contentType: 'text/javascript',
        body: "window.__counted = true; fetch('https://stats.example.org/api/event', { method: 'POST', body: location.pathname });",
      });
    });
    const violations = await watchViolations(page);
    await page.goto(`${origin}/world/reference-story/`);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __counted?: boolean }).__counted)).toBe(true);
    await expect.poll(() => requested).toEqual(['https://stats.example.org/js/script.js', 'https://stats.example.org/api/event']);
    expect(violations).toEqual([]);

    // Pages that do not use it neither load it nor allow it: the front page, a tag page, the search page.
    for (const pagePath of ['/', '/tags/north-korea/', '/search/']) {
      requested.length = 0;
      await page.goto(`${origin}${pagePath}`);
      expect(await page.locator('script[src^="https://stats.example.org"]').count(), pagePath).toBe(0);
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(policy, pagePath).not.toContain('example.org');
      expect(requested, pagePath).toEqual([]);
    }
  });

  test("a form's service is allowed on its page only, and the _headers policy lists every service for the pages to narrow", async ({
    page,
  }) => {
    await page.goto(`${origin}/about/`);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain(
      "form-action 'self' https://list.example.com",
    );
    await page.goto(`${origin}/world/reference-story/`);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toMatch(/form-action 'self'(;|$)/);
    const headers = readFileSync(path.join(outDir, '_headers'), 'utf8');
    expect(headers).toContain("script-src 'self' 'wasm-unsafe-eval' https://stats.example.org;");
    expect(headers).toContain("form-action 'self' https://list.example.com;");
  });
});
