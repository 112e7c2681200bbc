import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { cardMarkup } from '../../src/lib/social-card.ts';
import { site } from '../../src/site.config.ts';
import { buildSite, ROOT, type BuildResult } from './support/build.ts';
import { serveStatic } from './support/serve.ts';
import { refreshTarget } from './support/site-files.ts';
import { filesUnder, readmeTable, scanJson, scanMarkup, scanXml, strayFiles, unsafePaths, type MarkupInput } from './support/xss-scan.ts';

/**
 * The XSS corpus (tests/fixtures/xss/, one hostile article per file, listed in its README): built as one
 * site, every built file scanned for anything that could run script, and every page opened in Chromium
 * with a beacon that records any script the corpus manages to run. Beacon convention: a payload calls
 * `__xss('<fixture>:<variant>')`, `alert`/`confirm`/`prompt`, or requests `/beacon/<fixture>`; a
 * navigation the test did not make counts too.
 *
 * The browser ignores the site's Content-Security-Policy here (`bypassCSP`): the policy would block inline
 * script on its own, and this test is about the sanitiser and the escaping, which must hold without it.
 */

const port = Number(process.env.E2E_PORT ?? 4391) + 30;
const origin = `http://127.0.0.1:${port}`;
const CORPUS = path.join(ROOT, 'tests', 'fixtures', 'xss');
const SITE_ORIGIN = new URL(site.siteUrl).origin;
const EMBED_HOSTS: readonly string[] = site.embedHosts;
/**
 * The newsroom's sections and the three hostile names the top-level fixtures are filed under (SITE_SECTIONS):
 * an unconfigured section is an error, so a hostile one reaches a page only from the settings, and is escaped there too.
 */
const SECTIONS_ENV = {
  SITE_SECTIONS: JSON.stringify([
    ...site.sections,
    '<img src=/x.png onerror=__xss("fm-section-html")>',
    '" onmouseover="__xss(1)" x="fm-section-quote-breakout',
    '../../../section-escape',
  ]),
};
/** Fixtures whose headlines the second, small build draws into social cards. */
const CARD_FIXTURES = [
  'world/fm-title-title-element-breakout.md',
  'world/fm-title-jsonld-script-breakout.md',
  'world/fm-title-pre-escaped-entities.md',
  'technology/fm-title-long-markup-headline.md',
  'technology/fm-title-control-and-bidi.md',
  'fm-section-html.md',
];

interface Execution {
  kind: string;
  detail: string;
  page: string;
}

/** Events dispatched to every element of every page, so any handler that survived would fire. */
const EVENTS = [
  'mouseover',
  'mouseenter',
  'mousemove',
  'mousedown',
  'mouseup',
  'mouseout',
  'dblclick',
  'contextmenu',
  'auxclick',
  'pointerover',
  'pointerenter',
  'pointerdown',
  'pointerup',
  'focus',
  'focusin',
  'blur',
  'focusout',
  'keydown',
  'keyup',
  'keypress',
  'input',
  'beforeinput',
  'change',
  'select',
  'copy',
  'paste',
  'wheel',
  'toggle',
  'load',
  'error',
  'animationstart',
  'animationend',
  'transitionend',
  'begin',
  'click',
];

let build: BuildResult;
let sandbox: string;
let server: Server;
let fixtures: string[];

test.describe.configure({ mode: 'serial' });
// A tall window, so an article body is in view without scrolling.
test.use({ bypassCSP: true, viewport: { width: 1280, height: 4000 } });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  fixtures = filesUnder(CORPUS).filter((file) => file.endsWith('.md') && file !== 'README.md');
  // Output and cache sit four folders down an empty sandbox: a path that climbed out of dist/ would land in it.
  sandbox = mkdtempSync(path.join(tmpdir(), 'dateline-xss-'));
  const deep = path.join(sandbox, 'a', 'b', 'c', 'd');
  mkdirSync(deep, { recursive: true });
  // The articles without the README (which is no article), beside the output.
  const content = path.join(deep, 'content');
  for (const fixture of filesUnder(CORPUS).filter((file) => file !== 'README.md'))
    cpSync(path.join(CORPUS, fixture), path.join(content, fixture));
  build = buildSite({
    contentDir: content,
    outDir: path.join(deep, 'dist'),
    cacheDir: path.join(deep, 'cache'),
    env: { DATELINE_SKIP_CARDS: '1', ...SECTIONS_ENV },
  });
  expect(build.status, build.output).toBe(0);
  server = await serveStatic(build.outDir, port);
});

test.afterAll(() => {
  server?.close();
  if (sandbox) rmSync(sandbox, { recursive: true, force: true });
});

/** Records in `executions` anything the page runs or requests on an attacker's behalf. */
async function installBeacon(page: Page, executions: Execution[], external: string[]): Promise<void> {
  await page.exposeFunction('__datelineReport', (kind: string, detail: string, where: string) => {
    executions.push({ kind, detail, page: where });
  });
  // Runs in every frame before its own scripts.
  await page.addInitScript(() => {
    const report = (kind: string, detail: unknown) => {
      void (window as unknown as { __datelineReport: (k: string, d: string, w: string) => Promise<void> }).__datelineReport(
        kind,
        String(detail),
        location.href,
      );
    };
    Object.defineProperty(window, '__xss', { value: (name: unknown) => report('beacon', name), writable: false, configurable: false });
    window.alert = (message?: unknown) => report('alert', message);
    window.confirm = (message?: string) => (report('confirm', message), false);
    window.prompt = (message?: string) => (report('prompt', message), null);
    window.print = () => report('print', '');
    // Links to web pages are not followed (the test opens every page itself); script URLs are, so they would fire.
    window.addEventListener(
      'click',
      (event) => {
        const link = event.target instanceof Element ? event.target.closest('a[href], area[href]') : null;
        if (!(link instanceof HTMLAnchorElement || link instanceof HTMLAreaElement)) return;
        if (link.href.includes('/beacon/')) report('link', link.href);
        if (/^(?:https?|mailto|tel|ftp|file):$/.test(link.protocol)) event.preventDefault();
      },
      true,
    );
  });
  page.on('dialog', (dialog) => {
    executions.push({ kind: `dialog ${dialog.type()}`, detail: dialog.message(), page: page.url() });
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => executions.push({ kind: 'page error', detail: error.message, page: page.url() }));
  // A console message naming the beacon, or any error other than a missing file (the corpus's `/x.png`), counts too.
  page.on('console', (message) => {
    const text = message.text();
    if (/__xss|\/beacon\//.test(text) || (message.type() === 'error' && !text.startsWith('Failed to load resource')))
      executions.push({ kind: `console ${message.type()}`, detail: text, page: page.url() });
  });
  await page.route('**/beacon/**', (route) => {
    executions.push({ kind: 'request', detail: route.request().url(), page: page.url() });
    return route.fulfill({ status: 204, body: '' });
  });
  await page.route(
    (url) => url.origin !== origin,
    (route) => {
      const url = new URL(route.request().url());
      if (!EMBED_HOSTS.includes(url.hostname)) external.push(`${page.url()} → ${url.href}`);
      return route.abort();
    },
  );
}

/**
 * Fires every event at every element that has attributes (an inline handler is an attribute, so elements
 * without any can run none), and focuses and clicks everything a reader can activate. Returns how many
 * elements it fired events at.
 */
function sweep(events: string[]): number {
  let fired = 0;
  for (const element of document.body.querySelectorAll('*')) {
    // The search form is the site's own and holds no article text; events on it would only start searches.
    if (element.attributes.length === 0 || element.closest('form.search-form')) continue;
    for (const type of events) element.dispatchEvent(new Event(type, { bubbles: false, cancelable: true }));
    fired++;
  }
  for (const element of document.body.querySelectorAll('a, area, summary, button, input, select, label, [tabindex], [contenteditable]')) {
    if (!(element instanceof HTMLElement) || element.closest('form.search-form')) continue;
    element.focus();
    element.click();
  }
  return fired;
}

/**
 * Where the reader's mouse goes in an article body: the centre of every link, summary, picture and titled or
 * anchored element that takes space, last first (so a `<details>` opening does not move the ones still to do).
 */
function pointsToClick(): { x: number; y: number }[] {
  return [...document.querySelectorAll('.story-body :is(a, summary, input, img, abbr, [title], [id])')]
    .map((element) => element.getBoundingClientRect())
    .filter((box) => box.width > 0 && box.height > 0 && box.bottom <= window.innerHeight)
    .map((box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 }))
    .reverse();
}

/** A page the test opens: the main frame may change only its query and hash (the search page does). */
function watchNavigations(page: Page, executions: Execution[]): { expect(...urls: string[]): void } {
  let expected: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame() || expected.length === 0) return;
    const url = new URL(frame.url());
    if (!expected.includes(`${url.origin}${url.pathname}`))
      executions.push({ kind: 'navigation', detail: frame.url(), page: expected[0]! });
  });
  return {
    /** The page about to be opened, and where it may lead by itself (a redirect page's story). */
    expect(...urls: string[]) {
      expected = urls.map((url) => {
        const parsed = new URL(url);
        return `${parsed.origin}${parsed.pathname}`;
      });
    },
  };
}

function report(name: string, value: number | string): void {
  test.info().annotations.push({ type: name, description: String(value) });
  console.log(`xss corpus: ${name}: ${value}`);
}

test('the corpus README lists every fixture with its vector family', () => {
  const listed = readmeTable(readFileSync(path.join(CORPUS, 'README.md'), 'utf8'));
  expect([...listed.keys()].sort()).toEqual(fixtures);
  expect(fixtures.length).toBeGreaterThanOrEqual(120);
  const families = new Map<string, number>();
  for (const family of listed.values()) families.set(family, (families.get(family) ?? 0) + 1);
  report('fixtures', fixtures.length);
  report('fixtures by family', [...families].map(([family, count]) => `${family} ${count}`).join(', '));
});

test('the corpus builds, every fixture published, and nothing is written outside dist/', () => {
  // An author profile gets a page but is no article.
  expect(build.output).toMatch(new RegExp(`published: ${fixtures.filter((file) => !file.startsWith('authors/')).length}\\b`));
  expect(build.output).toMatch(/drafts: 0\b.*scheduled: 0\b.*rejected: 0\b/s);
  expect(
    strayFiles(
      sandbox,
      // The output, cache and content folders, and the build's report beside the output.
      ['dist', 'cache', 'content', 'build-report.json'].map((name) => path.join(path.dirname(build.outDir), name)),
    ),
  ).toEqual([]);
  const files = filesUnder(build.outDir);
  // Old addresses keep the URL punctuation they had (quotes, brackets): their pages only, and inside dist/.
  const moved = files.filter((file) => file.endsWith('.html') && refreshTarget(readFileSync(path.join(build.outDir, file), 'utf8')));
  expect(moved).toEqual(["permalink-'onmouseover=__xss(5)'-(x)/index.html"]);
  expect(unsafePaths(files.filter((file) => !moved.includes(file)))).toEqual([]);
  // Article pages are where their slugs say, even for slugs, sections and tags written as `../`.
  expect(files).toContain('section-escape/fm-section-traversal/index.html');
  expect(files).toContain('science/slug-escape/index.html');
  expect(files).toContain('tags/tag-escape/index.html');
});

test('pictures written as SVG are published as PNG: no SVG from the content folder reaches the site', () => {
  const files = filesUnder(build.outDir);
  // The only SVG files are the site's own, from public/.
  const ownSvg = readdirSync(path.join(ROOT, 'public')).filter((file) => file.endsWith('.svg'));
  expect(files.filter((file) => /\.svg$/i.test(file)).sort()).toEqual(ownSvg.sort());
  const page = readFileSync(path.join(build.outDir, 'culture', 'svg-pictures', 'index.html'), 'utf8');
  const sources = [...page.matchAll(/<img\b[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]!);
  const srcsets = [...page.matchAll(/\ssrcset="([^"]+)"/g)].flatMap((match) =>
    match[1]!.split(',').map((item) => item.trim().split(' ')[0]!),
  );
  // The hero, the Markdown picture and the raw <img>, each a PNG the build wrote.
  expect(sources).toHaveLength(3);
  for (const src of [...sources, ...srcsets]) {
    expect(src).toMatch(/\.png$/);
    expect(files, src).toContain(decodeURIComponent(src.replace(/^\//, '')));
  }
  expect(page).not.toMatch(/_astro\/[^"]*\.svg/);
});

test('a static scan of every built HTML, XML and JSON file finds nothing that could run script', async ({ page }) => {
  const files = filesUnder(build.outDir);
  const inputs: MarkupInput[] = [];
  const findings: string[] = [];
  const common = { embedHosts: EMBED_HOSTS, siteOrigin: SITE_ORIGIN, searchPage: false };
  const html = files.filter((file) => file.endsWith('.html'));
  const xml = files.filter((file) => file.endsWith('.xml'));
  const json = files.filter((file) => file.endsWith('.json'));
  for (const file of html) {
    inputs.push({
      ...common,
      source: file,
      kind: 'page',
      markup: readFileSync(path.join(build.outDir, file), 'utf8'),
      searchPage: file === 'search/index.html',
    });
  }
  for (const file of xml) {
    const scan = await page.evaluate(scanXml, {
      source: file,
      xml: readFileSync(path.join(build.outDir, file), 'utf8'),
      siteOrigin: SITE_ORIGIN,
    });
    findings.push(...scan.findings);
    for (const fragment of scan.fragments) inputs.push({ ...common, ...fragment, kind: 'fragment' });
  }
  for (const file of json) {
    const scan = scanJson(file, readFileSync(path.join(build.outDir, file), 'utf8'), SITE_ORIGIN);
    findings.push(...scan.findings);
    for (const fragment of scan.fragments) inputs.push({ ...common, ...fragment, kind: 'fragment' });
  }
  // The scanner is defined in the blank page once, then given the files forty at a time.
  await page.evaluate(`window.scanMarkup = ${scanMarkup.toString()}`);
  for (let i = 0; i < inputs.length; i += 40) {
    const batch = inputs.slice(i, i + 40);
    findings.push(
      ...(await page.evaluate(
        (all) => all.flatMap((input) => (window as unknown as { scanMarkup: typeof scanMarkup }).scanMarkup(input)),
        batch,
      )),
    );
  }
  report(
    'static scan',
    `${html.length} HTML, ${xml.length} XML and ${json.length} JSON files, ${inputs.length - html.length} feed fragments`,
  );
  report('static findings', findings.length);
  expect(findings).toEqual([]);
});

test("the static scan flags every construct it looks for, and passes the site's own markup (control)", async ({ page }) => {
  const embed = `https://${EMBED_HOSTS[0]}/embed/x`;
  const wrap = (head: string, body: string) =>
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'"><title>t</title>${head}</head><body>${body}</body></html>`;
  const input = (markup: string): MarkupInput => ({
    source: 'control',
    markup,
    kind: 'page',
    searchPage: false,
    embedHosts: EMBED_HOSTS,
    siteOrigin: SITE_ORIGIN,
  });
  const own = wrap(
    `<link rel="stylesheet" href="/_astro/a.css"><script type="application/ld+json">{"url":"${SITE_ORIGIN}/"}</script>`,
    `<p>text</p><iframe src="${embed}" sandbox="allow-scripts"></iframe><input type="checkbox" disabled><a href="mailto:a@example.org">a</a>`,
  );
  expect(await page.evaluate(scanMarkup, input(own))).toEqual([]);
  const flagged: [string, string][] = [
    ['', '<img src="/x.png" onerror="x">'],
    ['', '<a href=" jav&#x09;ascript:x">a</a>'],
    ['', '<a href="VBScript:x">a</a>'],
    ['', '<a href="data:text/html,x">a</a>'],
    ['', '<img src="/beacon/x">'],
    ['', '<p style="color:red">p</p>'],
    ['', '<script>x</script>'],
    ['', '<script type="module" src="/_astro/search.js"></script>'],
    ['<script type="application/ld+json">{"a":"<b>"}</script>', ''],
    ['<script type="application/ld+json">{"url":"javascript:x"}</script>', ''],
    ['', '<iframe src="https://evil.example/" sandbox></iframe>'],
    ['', `<iframe src="${embed}"></iframe>`],
    ['', `<iframe src="https://x@${EMBED_HOSTS[0]}/" sandbox></iframe>`],
    ['', '<object data="/x"></object>'],
    ['', '<embed src="/x">'],
    // A <source> passes only as a picture's image format from the site's own files.
    ['', '<video><source src="/x.mp4"></video>'],
    ['', '<picture><source srcset="https://evil.example/x.avif 1w" type="image/avif"><img src="/x.webp" alt=""></picture>'],
    ['', '<picture><source srcset="/x.avif 1w" type="image/avif" media="print"><img src="/x.webp" alt=""></picture>'],
    ['', '<picture><source srcset="/x.html 1w" type="text/html"><img src="/x.webp" alt=""></picture>'],
    ['<base href="/x/">', ''],
    ['<meta http-equiv="refresh" content="0;url=/x">', ''],
    // A redirect page's refresh passes only to a path of the site.
    ['<meta http-equiv="refresh" content="0; url=javascript:x">', ''],
    ['<meta http-equiv="refresh" content="0; url=//evil.example/">', ''],
    ['<meta http-equiv="refresh" content="0; url=https://evil.example/">', ''],
    ['<link rel="import" href="/x">', ''],
    ['', '<svg></svg>'],
    ['', '<math></math>'],
    ['', '<template></template>'],
    ['', '<style>p{}</style>'],
    ['', '<form action="/x"></form>'],
    ['', '<button>b</button>'],
    ['', '<input type="checkbox">'],
    ['', '<div srcdoc="x"></div>'],
  ];
  for (const [head, body] of flagged) expect(await page.evaluate(scanMarkup, input(wrap(head, body))), `${head}${body}`).not.toEqual([]);
  const feed = await page.evaluate(scanXml, {
    source: 'control.xml',
    xml: `<rss><channel><link>${SITE_ORIGIN}/</link><description>&lt;script&gt;x&lt;/script&gt;</description></channel></rss>`,
    siteOrigin: SITE_ORIGIN,
  });
  expect(feed.findings).toEqual([]);
  expect(feed.fragments).toEqual([{ source: 'control.xml description', markup: '<script>x</script>' }]);
  expect((await page.evaluate(scanXml, { source: 'bad.xml', xml: '<rss>\u0007</rss>', siteOrigin: SITE_ORIGIN })).findings).toHaveLength(1);
  expect(
    (await page.evaluate(scanXml, { source: 'link.xml', xml: '<rss><link>javascript:x</link></rss>', siteOrigin: SITE_ORIGIN })).findings,
  ).toHaveLength(1);
});

test('the beacon sees script that runs, in the page, in frames, by click and by request (control)', async ({ page }) => {
  const executions: Execution[] = [];
  const external: string[] = [];
  await installBeacon(page, executions, external);
  const policy = readFileSync(path.join(build.outDir, 'index.html'), 'utf8').match(/<meta http-equiv="Content-Security-Policy"[^>]*>/)![0];
  await page.route(`${origin}/__control__/`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><head>${policy}<link rel="stylesheet" href="/beacon/control:request"></head><body>
        <img src="/x.png" onerror="__xss('control:handler')"><script>alert('control:alert')</script>
        <iframe srcdoc="<script>__xss('control:srcdoc')</script>"></iframe>
        <a href="javascript:__xss('control:click')">click</a></body></html>`,
    }),
  );
  await page.goto(`${origin}/__control__/`);
  await page.evaluate(sweep, EVENTS);
  const seen = () => [...new Set(executions.map((e) => e.detail))].sort();
  await expect
    .poll(seen)
    .toEqual(['control:alert', 'control:click', 'control:handler', 'control:srcdoc', `${origin}/beacon/control:request`]);
});

test('opening every built page, hovering, clicking and focusing its contents runs nothing', async ({ page }) => {
  // About a minute on an idle two-core machine; the rest is room for a busy one.
  test.setTimeout(240_000);
  const executions: Execution[] = [];
  const external: string[] = [];
  await installBeacon(page, executions, external);
  const navigation = watchNavigations(page, executions);
  const pages = filesUnder(build.outDir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${file.replace(/(?:^|\/)index\.html$/, (end) => (end.startsWith('/') ? '/' : ''))}`);
  let swept = 0;
  let pointed = 0;
  for (const pagePath of pages) {
    // A story's old address refreshes to the story, opened in its own turn: the refresh is all it may do.
    const moved = refreshTarget(readFileSync(path.join(build.outDir, pagePath.endsWith('/') ? `${pagePath}index.html` : pagePath), 'utf8'));
    if (moved) {
      navigation.expect(`${origin}${pagePath}`, `${origin}${moved}`);
      await page.goto(`${origin}${pagePath}`);
      await page.waitForURL(`${origin}${moved}`);
      continue;
    }
    navigation.expect(`${origin}${pagePath}`);
    await page.goto(`${origin}${pagePath}`);
    // The search page's script fills the results list: let it finish, so the sweep reaches the results.
    if (pagePath === '/search/') await expect(page.locator('form.search-form[data-ready]')).toBeAttached({ timeout: 15_000 });
    // The real mouse over and on what a reader can reach in the article body, as hostile.spec.ts does; the
    // sweep then focuses and clicks every link and control of the page and fires every event at the rest.
    for (const { x, y } of await page.evaluate(pointsToClick)) {
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.up();
      pointed++;
    }
    swept += await page.evaluate(sweep, EVENTS);
  }
  // Late timers, refreshes and lazy frames of the last page get their chance too.
  await page.waitForTimeout(500);
  report('pages opened', pages.length);
  report('elements given every event', swept);
  report('article-body elements hovered and clicked', pointed);
  report('executions', executions.length);
  report('requests to other hosts', external.length);
  expect(executions).toEqual([]);
  expect(external).toEqual([]);
});

test('searching for the attacks runs nothing from the results', async ({ page }) => {
  const executions: Execution[] = [];
  const external: string[] = [];
  await installBeacon(page, executions, external);
  const queries = ['script', 'onerror', 'xss', 'javascript', 'corpus', `<img src=/x.png onerror=__xss('search-query')>`];
  let results = 0;
  for (const query of queries) {
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
    await expect(page.locator('form.search-form[data-ready]')).toBeAttached({ timeout: 15_000 });
    results += await page.locator('.search-results li').count();
    await page.evaluate(sweep, EVENTS);
  }
  report('search result lists opened', `${queries.length} (${results} results)`);
  expect(results).toBeGreaterThan(0);
  expect(executions).toEqual([]);
  expect(external).toEqual([]);
});

test('hostile headlines are drawn into social cards as text', async ({ page }) => {
  test.setTimeout(120_000);
  const root = mkdtempSync(path.join(tmpdir(), 'dateline-xss-cards-'));
  const content = path.join(root, 'content');
  for (const fixture of CARD_FIXTURES) cpSync(path.join(CORPUS, fixture), path.join(content, fixture));
  const cards = buildSite({ contentDir: content, outDir: path.join(root, 'dist'), cacheDir: path.join(root, 'cache'), env: SECTIONS_ENV });
  expect(cards.status, cards.output).toBe(0);
  const findings: string[] = [];
  let articles = 0;
  for (const file of filesUnder(cards.outDir).filter((name) => name.endsWith('.html'))) {
    const markup = readFileSync(path.join(cards.outDir, file), 'utf8');
    if (!markup.includes('<meta property="og:type" content="article">')) continue;
    articles++;
    const input: MarkupInput = { source: file, markup, kind: 'page', searchPage: false, embedHosts: EMBED_HOSTS, siteOrigin: SITE_ORIGIN };
    findings.push(...(await page.evaluate(scanMarkup, input)));
    const image = /<meta property="og:image" content="([^"]+)"/.exec(markup)?.[1];
    expect(image, file).toMatch(new RegExp(`^${SITE_ORIGIN}/cards/[a-z0-9-]+\\.png$`));
    const png = readFileSync(path.join(cards.outDir, new URL(image!).pathname));
    expect(png.subarray(1, 4).toString(), image).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)], image).toEqual([1200, 630]);
  }
  expect(articles).toBe(CARD_FIXTURES.length);
  // Satori draws string children as text; the headline reaches it as one string, never parsed as markup.
  const title = '</script><img src=/x.png onerror=__xss(1)><svg onload=__xss(2)>';
  expect(JSON.stringify(cardMarkup({ title, section: '<b>s</b>', date: 'd', publisher: 'p' }, 'Inter'))).toContain(JSON.stringify(title));
  expect(unsafePaths(filesUnder(cards.outDir))).toEqual([]);
  report('social cards drawn from hostile headlines', CARD_FIXTURES.length);
  expect(findings).toEqual([]);
  rmSync(root, { recursive: true, force: true });
});
