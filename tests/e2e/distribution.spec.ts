import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Server } from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { HtmlValidate } from 'html-validate/node';
import { buildSite, FIXTURE_NOW, FIXTURE_SITE, ROOT } from './support/build.ts';
import { serveStatic } from './support/serve.ts';
import { brokenInternalLinks, builtFiles, fileForPath } from './support/site-files.ts';

// The fixture site at the domain root (built by the web server) and under /news/ on another origin.
const ROOT_BUILD = { dir: path.join(ROOT, 'tests', '.out', 'site'), origin: 'https://dateline.example.org', base: '/' };
const NEWS_BUILD = { dir: '', origin: 'https://example.github.io', base: '/news/' };
const port = Number(process.env.E2E_PORT ?? 4391) + 3;
let server: Server;
let newsBuildOutput = '';

test.beforeAll(async () => {
  const build = buildSite({ contentDir: FIXTURE_SITE, env: { SITE_URL: NEWS_BUILD.origin, BASE_PATH: NEWS_BUILD.base } });
  expect(build.status, build.output).toBe(0);
  NEWS_BUILD.dir = build.outDir;
  newsBuildOutput = build.output;
  server = await serveStatic(build.outDir, port, NEWS_BUILD.base);
});

test.afterAll(() => {
  server?.close();
});

const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['item', 'url', 'category', 'dc:creator', 'sitemap'].includes(name),
});
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

test('the link checker follows a redirect page to where it leads, and reports one that leads nowhere', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dateline-links-'));
  const page = (file: string, html: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), html);
  };
  page('index.html', '<a href="/old/">old</a> <a href="/gone/">gone</a>');
  page('old/index.html', '<meta http-equiv="refresh" content="0; url=/world/a/"><a href="/world/a/">a</a>');
  page('gone/index.html', '<meta http-equiv="refresh" content="0; url=/world/missing/">');
  page('world/a/index.html', 'A');
  expect(brokenInternalLinks(dir, 'https://example.org', '/')).toEqual([
    'gone/index.html → (refresh) /world/missing/',
    'index.html → /gone/ → /world/missing/',
  ]);
});

test('asks whether a live story months past its last update is still live (a warning: the story is still published)', () => {
  expect(newsBuildOutput).toContain(
    'tests/fixtures/site/politics/ceasefire-talks-live.md: coverageEnd: the story is still marked "Live now", but its latest update ("Second session begins") is 195 days old',
  );
  expect(existsSync(path.join(NEWS_BUILD.dir, 'politics', 'ceasefire-talks-live', 'index.html'))).toBe(true);
});

for (const build of [ROOT_BUILD, NEWS_BUILD]) {
  const where = build.base === '/' ? 'at the root' : `under ${build.base}`;
  const abs = (p: string) => new URL(`${build.base}${p.replace(/^\//, '')}`, build.origin).href;

  test.describe(`the fixture site ${where}`, () => {
    test('has no broken internal link, image or stylesheet but the one the hostile article writes', () => {
      // `<img src=/x onerror=…>` keeps its (harmless, broken) src: a site-root path (public/'s files), served under the base path.
      expect(brokenInternalLinks(build.dir, build.origin, build.base)).toEqual([`culture/hostile-input/index.html → ${build.base}x`]);
    });

    test('is valid HTML on every page', async () => {
      const validator = new HtmlValidate(JSON.parse(read(ROOT, '.htmlvalidate.json')));
      const problems: string[] = [];
      for (const file of builtFiles(build.dir, '.html')) {
        const report = await validator.validateFile(path.join(build.dir, file));
        for (const result of report.results) for (const m of result.messages) problems.push(`${file}:${m.line}: ${m.ruleId}`);
      }
      expect(problems).toEqual([]);
    });

    test('has an RSS feed per site, section and tag, item by item', () => {
      const site = xml.parse(read(build.dir, 'rss.xml')).rss.channel;
      expect(site.item.map((i: { title: string }) => i.title).slice(0, 3)).toEqual([
        'City museum reopens after five-year restoration',
        expect.stringMatching(/^Hostile/),
        'Weather brief number 15',
      ]);
      expect(site.item).toHaveLength(20);
      const reference = site.item.find((i: { title: string }) => i.title.startsWith('North Korea readies'));
      expect(reference).toMatchObject({
        link: abs('/world/reference-story/'),
        guid: { '#text': abs('/world/reference-story/'), '@_isPermaLink': 'true' },
        pubDate: 'Fri, 25 Oct 2024 17:13:00 GMT',
        category: ['North Korea', 'Russia', 'Kim Jong Un', 'Ukraine'],
        'dc:creator': ['Ana Lima', 'Tom Reed'],
      });
      expect(reference['content:encoded']).toContain('<h2 id="sightings-in-kursk">Sightings in Kursk</h2>');
      // Its own picture, as feed readers show it beside the item: a JPEG the build published, at its own size (narrower than feeds ask for, and not enlarged).
      const picture = reference['media:content'];
      expect(picture).toMatchObject({ '@_medium': 'image', '@_type': 'image/jpeg', '@_width': '800', '@_height': '450' });
      expect(picture['media:description']['#text']).toBe('A stylised map of north-east Asia with arrows pointing west');
      expect(fileForPath(build.dir, build.base, new URL(picture['@_url']).pathname), picture['@_url']).toBeDefined();
      // A story without a picture of its own has none in the feed.
      expect(site.item.find((i: { title: string }) => i.title.startsWith('City museum'))['media:content']).toBeUndefined();
      const section = xml.parse(read(build.dir, 'world/rss.xml')).rss.channel;
      expect(section.item.every((i: { link: string }) => i.link.startsWith(abs('/world/')))).toBe(true);
      const tag = xml.parse(read(build.dir, 'tags/kim-jong-un/rss.xml')).rss.channel;
      expect(tag.item.map((i: { title: string }) => i.title)).toEqual([
        "North Korea readies troops for Russia's war, Seoul says",
        'Kim and Putin sign defence pact in Pyongyang',
      ]);
      // The hostile headline stays text inside the XML, and is HTML text inside that, for readers that render
      // titles as HTML: they show the characters, never markup.
      expect(site.item[1].title).toBe('Hostile &lt;/title&gt;&lt;script&gt;alert("title")&lt;/script&gt; "quoted" headline');
    });

    test("links each feed's channel to the page of what it carries, and names the feed's own address", () => {
      for (const page of ['/', '/world/', '/tags/kim-jong-un/', '/authors/tom-reed/']) {
        const channel = xml.parse(read(build.dir, `${page.slice(1)}rss.xml`)).rss.channel;
        expect(channel.link, page).toBe(abs(page));
        expect(channel['atom:link'], page).toEqual({ '@_href': abs(`${page}rss.xml`), '@_rel': 'self', '@_type': 'application/rss+xml' });
      }
    });

    test('leaves no relative URL in a feed body: an in-page link leads to its place on the article page', () => {
      const relative = /\s(?:href|src|cite)="(?![a-z][a-z0-9+.-]*:)[^"]*"/gi;
      const bodies = builtFiles(build.dir, '.xml')
        .filter((file) => file.endsWith('rss.xml'))
        .flatMap((file) =>
          (xml.parse(read(build.dir, file)).rss.channel.item ?? []).map((i: Record<string, string>) => i['content:encoded']),
        );
      bodies.push(...JSON.parse(read(build.dir, 'feed.json')).items.map((i: { content_html: string }) => i.content_html));
      expect(bodies.flatMap((body) => body.match(relative) ?? [])).toEqual([]);
      const site = xml.parse(read(build.dir, 'rss.xml')).rss.channel.item;
      const body = (slug: string, items = site) => items.find((i: { link: string }) => i.link === abs(slug))['content:encoded'];
      expect(body('/world/reference-story/')).toContain(`<a href="${abs('/world/reference-story/')}#sightings-in-kursk">`);
      // A site-root path (public/'s files) is served under the base path, on the page and in feeds.
      expect(body('/culture/hostile-input/')).toContain(`src="${abs('/x')}"`);
      const politics = xml.parse(read(build.dir, 'politics/rss.xml')).rss.channel.item;
      expect(body('/politics/ceasefire-talks-live/', politics)).toContain(
        `<a href="${abs('/politics/ceasefire-talks-live/')}#update-2024-06-19-2215" class="update-link">`,
      );
    });

    test('advertises the site feeds on every page and the section or tag feed where it applies', () => {
      const alternates = (file: string) =>
        [...read(build.dir, file).matchAll(/<link rel="alternate" type="([^"]+)"[^>]*href="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
      const site = [`application/rss+xml ${build.base}rss.xml`, `application/feed+json ${build.base}feed.json`];
      expect(alternates('index.html')).toEqual(site);
      expect(alternates('world/index.html')).toEqual([...site, `application/rss+xml ${build.base}world/rss.xml`]);
      expect(alternates('world/reference-story/index.html')).toEqual([...site, `application/rss+xml ${build.base}world/rss.xml`]);
      expect(alternates('tags/weather/page/2/index.html')).toEqual([...site, `application/rss+xml ${build.base}tags/weather/rss.xml`]);
    });

    test('has a JSON Feed 1.1', () => {
      const feed = JSON.parse(read(build.dir, 'feed.json'));
      expect(feed).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', feed_url: abs('/feed.json'), home_page_url: abs('/') });
      const reference = feed.items.find((i: { id: string }) => i.id === abs('/world/reference-story/'));
      expect(reference).toMatchObject({
        title: "North Korea readies troops for Russia's war, Seoul says",
        date_published: '2024-10-25T17:13:00.000Z',
        date_modified: '2024-10-26T06:05:00.000Z',
        authors: [{ name: 'Ana Lima' }, { name: 'Tom Reed' }],
      });
      expect(reference.image).toMatch(new RegExp(`^${abs('/_astro/')}.*\\.jpeg$`));
      expect(fileForPath(build.dir, build.base, new URL(reference.image).pathname), reference.image).toBeDefined();
    });

    test('takes a story down at its expires time: no page, in no list, feed, sitemap or search index, and the build report says so', () => {
      expect(existsSync(path.join(build.dir, 'world', 'recalled-story'))).toBe(false);
      const everything = builtFiles(build.dir, '')
        .filter((file) => /\.(?:html|xml|json|txt)$/.test(file) || file === '_redirects')
        .map((file) => read(build.dir, file));
      expect(everything.filter((text) => text.includes('recalled-story') || text.includes('A notice the newsroom took down'))).toEqual([]);
      const report = JSON.parse(read(path.dirname(build.dir), 'build-report.json')) as { expired: { file: string; when: string }[] };
      expect(report.expired).toEqual([{ file: 'tests/fixtures/site/world/recalled-story.md', when: '15/12/2024 12h00' }]);
    });

    test('has sitemaps whose every URL is a built page, with lastmod, and no draft, scheduled or 404 page', () => {
      const index = xml.parse(read(build.dir, 'sitemap-index.xml')).sitemapindex.sitemap;
      const urls = index.flatMap(
        (s: { loc: string }) => xml.parse(read(build.dir, new URL(s.loc).pathname.slice(build.base.length))).urlset.url,
      );
      const locs: string[] = urls.map((u: { loc: string }) => u.loc);
      for (const loc of locs) expect(fileForPath(build.dir, build.base, new URL(loc).pathname), loc).toBeDefined();
      expect(locs).toContain(abs('/world/reference-story/'));
      expect(locs.filter((l) => /draft-story|scheduled-story|404/.test(l))).toEqual([]);
      expect(urls.find((u: { loc: string }) => u.loc === abs('/world/reference-story/')).lastmod).toBe('2024-10-26T06:05:00.000Z');
      const robots = read(build.dir, 'robots.txt');
      expect(robots).toContain(`Sitemap: ${abs('/sitemap-index.xml')}`);
      expect(robots).toContain(`Sitemap: ${abs('/news-sitemap.xml')}`);
    });

    test('has a Google News sitemap of the last 48 hours before the build', () => {
      // The fixture clock is 2025-01-01T12:00Z; nothing in the fixture is that recent, so the list is empty
      // but well-formed; a build with the clock two days after the museum story lists just that one.
      const news = xml.parse(read(build.dir, 'news-sitemap.xml')).urlset;
      expect(news['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
      expect(news.url ?? []).toEqual([]);
      expect(FIXTURE_NOW).toBe('2025-01-01T12:00:00Z');
    });

    test('declares NewsArticle and BreadcrumbList JSON-LD on every article, and canonical URLs', () => {
      const articles = builtFiles(build.dir, '.html').filter((file) =>
        read(build.dir, file).includes('<meta property="og:type" content="article">'),
      );
      expect(articles).toHaveLength(24);
      for (const file of articles) {
        const slug = file.replace(/\/index\.html$/, '');
        const html = read(build.dir, file);
        const block = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1];
        const [article, breadcrumbs] = JSON.parse(block!);
        expect(article, slug).toMatchObject({
          // The fixture's one opinion piece and its live story have schema.org's subtypes for them.
          '@type':
            (
              { 'culture/film-festival': 'OpinionNewsArticle', 'politics/ceasefire-talks-live': 'LiveBlogPosting' } as Record<
                string,
                string
              >
            )[slug] ?? 'NewsArticle',
          mainEntityOfPage: { '@id': abs(`/${slug}/`) },
          publisher: { '@type': 'Organization' },
        });
        expect(breadcrumbs.itemListElement.map((i: { item: string }) => i.item)).toEqual([
          abs('/'),
          abs(`/${slug.split('/')[0]}/`),
          abs(`/${slug}/`),
        ]);
        expect(html).toContain(`<link rel="canonical" href="${abs(`/${slug}/`)}">`);
      }
      const reference = JSON.parse(
        /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(read(build.dir, 'world/reference-story/index.html'))![1]!,
      )[0];
      expect(reference).toMatchObject({
        headline: "North Korea readies troops for Russia's war, Seoul says",
        datePublished: '2024-10-25T19:13:00+02:00',
        dateModified: '2024-10-26T08:05:00+02:00',
        articleSection: 'World',
        keywords: 'North Korea, Russia, Kim Jong Un, Ukraine',
        author: [
          { '@type': 'Person', name: 'Ana Lima', url: abs('/authors/ana-lima/') },
          { '@type': 'Person', name: 'Tom Reed', url: abs('/authors/tom-reed/') },
        ],
      });
      expect(reference.image[0]).toMatch(new RegExp(`^${abs('/_astro/')}`));
    });

    test('gives articles without a picture a 1200×630 social card, and the others their own picture', () => {
      const og = (slug: string) => /<meta property="og:image" content="([^"]+)"/.exec(read(build.dir, `${slug}/index.html`))?.[1];
      expect(og('politics/seoul-briefing')).toBe(abs('/cards/seoul-briefing.png'));
      const png = readFileSync(path.join(build.dir, 'cards', 'seoul-briefing.png'));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
      expect(og('world/reference-story')).toMatch(new RegExp(`^${abs('/_astro/')}.*\\.jpe?g$`));
      expect(builtFiles(path.join(build.dir, 'cards'), '.png')).not.toContain('reference-story.png');
    });
  });
}

test('under /news/ the site works in a browser: pages, styles, pictures and links', async ({ page }) => {
  const origin = `http://127.0.0.1:${port}`;
  const response = await page.goto(`${origin}/news/`);
  expect(response?.status()).toBe(200);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  // The reference story, in the World block of the front page (the newest story leads).
  await page.locator('.section-block .card-title a', { hasText: 'North Korea readies troops' }).click();
  await expect(page).toHaveURL(`${origin}/news/world/reference-story/`);
  expect(await page.locator('figure.hero img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'World' }).click();
  await expect(page).toHaveURL(`${origin}/news/world/`);
  expect((await page.goto(`${origin}/world/`))?.status()).toBe(404);
  // Search finds articles and links them under the base path too.
  await page.goto(`${origin}/news/search/?q=Pyongyang`);
  await expect(page.locator('.search-results li h2 a').first()).toHaveAttribute('href', '/news/world/reference-story/');
});
