import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { buildSite, ROOT, type BuildResult } from './support/build.ts';
import { fileForPath } from './support/site-files.ts';

/**
 * Pictures with no background, as newsrooms publish charts and cut-out portraits (tests/fixtures/feed-pictures):
 * an SVG chart of black bars on nothing, a PNG of a black disc on nothing, both narrower than feeds ask for,
 * and an author's cut-out portrait. Feeds, link previews and search engines get them as JPEG, which has no
 * transparency: they must be laid on the site's paper, not on black, and declared at the size written.
 */

const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'feed-pictures');
const ORIGIN = 'https://example.github.io';
const BASE = '/news/';
/** The site's paper (`--paper`), as sRGB. */
const PAPER = [0xfd, 0xfc, 0xf9];

let build: BuildResult;

test.beforeAll(() => {
  test.setTimeout(180_000);
  build = buildSite({ contentDir: FIXTURE, env: { SITE_URL: ORIGIN, BASE_PATH: BASE } });
  expect(build.status, build.output.slice(-3000)).toBe(0);
});

const abs = (sitePath: string) => new URL(`${BASE}${sitePath.replace(/^\//, '')}`, ORIGIN).href;
const read = (file: string) => readFileSync(path.join(build.outDir, file), 'utf8');
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' });

/** The published file at an absolute URL of the build: its format, size, and the colours of a corner and of a point `inside` the shape (fractions of the size). */
async function published(url: string, inside: [number, number]) {
  const file = fileForPath(build.outDir, BASE, new URL(url).pathname);
  expect(file, url).toBeDefined();
  const image = sharp(readFileSync(file!));
  const { format, width, height } = await image.metadata();
  const { data, info } = await image.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
  return { format, width, height, corner: pixel(0, 0), shape: pixel(Math.floor(width! * inside[0]), Math.floor(height! * inside[1])) };
}

/** Whether two sRGB colours are the same but for JPEG's rounding. */
const near = (a: number[], b: number[]) => a.every((value, i) => Math.abs(value - b[i]!) <= 3);

const ITEMS: { slug: string; width: number; height: number; inside: [number, number] }[] = [
  { slug: 'transparent-chart', width: 800, height: 450, inside: [0.44, 0.84] },
  { slug: 'transparent-square', width: 480, height: 480, inside: [0.5, 0.5] },
];

for (const { slug, width, height, inside } of ITEMS) {
  test(`${slug}: one JPEG on the paper, declared at its own size, in the RSS item, the JSON Feed, og:image and JSON-LD`, async () => {
    const items = xml.parse(read('rss.xml')).rss.channel.item as Record<string, Record<string, string>>[];
    const item = items.find((i) => String(i.link) === abs(`/world/${slug}/`))!;
    const picture = item['media:content']!;
    // A picture narrower than feeds ask for is not enlarged, and is not said to be.
    expect(picture).toMatchObject({ '@_type': 'image/jpeg', '@_width': String(width), '@_height': String(height) });
    const url = picture['@_url']!;
    const file = await published(url, inside);
    expect({ format: file.format, width: file.width, height: file.height }).toEqual({ format: 'jpeg', width, height });
    // Where the picture had nothing is the paper, not black; the black shape is still there.
    expect(near(file.corner, PAPER), `corner ${file.corner.join(',')}`).toBe(true);
    expect(near(file.shape, [0, 0, 0]), `shape ${file.shape.join(',')}`).toBe(true);

    const feed = JSON.parse(read('feed.json')) as { items: { id: string; image?: string }[] };
    expect(feed.items.find((i) => i.id === abs(`/world/${slug}/`))?.image).toBe(url);
    const page = read(`world/${slug}/index.html`);
    expect(/<meta property="og:image" content="([^"]+)"/.exec(page)?.[1]).toBe(url);
    const [article] = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)![1]!);
    expect(article.image).toEqual([url]);
  });
}

test("an author's cut-out portrait reaches search engines as a JPEG on the paper", async () => {
  const page = read('authors/pat-cutout/index.html');
  const data = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)![1]!);
  const file = await published(String(data.mainEntity.image), [0.5, 0.5]);
  expect({ format: file.format, width: file.width, height: file.height }).toEqual({ format: 'jpeg', width: 400, height: 400 });
  expect(near(file.corner, PAPER), `corner ${file.corner.join(',')}`).toBe(true);
  expect(near(file.shape, [0, 0, 0]), `shape ${file.shape.join(',')}`).toBe(true);
});

test("a feed body's relative links lead where they lead on the article's page, under the base path too", () => {
  const page = abs('/world/transparent-chart/');
  const bodies = [
    (xml.parse(read('rss.xml')).rss.channel.item as { link: string; 'content:encoded': string }[]).find((i) => i.link === page)![
      'content:encoded'
    ],
    (JSON.parse(read('feed.json')) as { items: { id: string; content_html: string }[] }).items.find((i) => i.id === page)!.content_html,
  ];
  for (const body of bodies) {
    expect(body).toContain(`<a href="${page}#the-end">`);
    expect(body).toContain(`href="${page}#user-content-fn-1"`);
    expect(body).toContain(`href="${page}#user-content-fnref-1"`);
    // A site-root path (a page of the site, public/'s files) is served under the base path, in feeds as on the page.
    expect(body).toContain(`<a href="${abs('/world/transparent-square/')}">`);
    expect(body).toContain(`<img src="${abs('/logo.svg')}"`);
  }
  // The page itself keeps an anchor as written, and serves site-root paths under the base path.
  const html = read('world/transparent-chart/index.html');
  expect(html).toContain('<a href="#the-end">');
  expect(html).toContain(`<a href="${new URL(abs('/world/transparent-square/')).pathname}">`);
  expect(html).toContain(`<img src="${new URL(abs('/logo.svg')).pathname}"`);
});
