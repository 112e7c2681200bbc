import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import {
  articlePath,
  correctionsHref,
  feedPath,
  isArticlePath,
  joinBase,
  listPath,
  RESERVED_SECTION_SLUGS,
  sectionPath,
  SITE_PAGES,
  tagPath,
} from '../../src/lib/urls.ts';

describe('urls', () => {
  it("should name each of the site's own pages where a page file makes it, and keep its segment from sections", () => {
    const pages = readdirSync(path.join(import.meta.dirname, '..', '..', 'src', 'pages'));
    for (const page of Object.values(SITE_PAGES)) {
      const segment = page.split('/')[1]!;
      expect(RESERVED_SECTION_SLUGS.has(segment), page).toBe(true);
      expect(pages.includes(segment) || pages.includes(`${segment}.astro`), page).toBe(true);
    }
  });

  it('should build readable paths: section then slug', () => {
    expect(articlePath('world', 'north-korea-troops-russia')).toBe('/world/north-korea-troops-russia/');
    expect(sectionPath('world')).toBe('/world/');
    expect(tagPath('kim-jong-un')).toBe('/tags/kim-jong-un/');
  });

  it('should give the site, each section, tag and author a feed beside its page', () => {
    expect(feedPath({ kind: 'site' })).toBe('/rss.xml');
    expect(feedPath({ kind: 'section', slug: 'world' })).toBe('/world/rss.xml');
    expect(feedPath({ kind: 'tag', slug: 'nato' })).toBe('/tags/nato/rss.xml');
    expect(feedPath({ kind: 'author', slug: 'ana-lima' })).toBe('/authors/ana-lima/rss.xml');
  });

  it("should link each feed's channel to the page listing what it carries, the folder its feed is in", () => {
    const scopes = [
      { kind: 'site', slug: '' },
      { kind: 'section', slug: 'world' },
      { kind: 'tag', slug: 'nato' },
      { kind: 'author', slug: 'ana-lima' },
    ] as const;
    expect(scopes.map((scope) => listPath(scope))).toEqual(['/', '/world/', '/tags/nato/', '/authors/ana-lima/']);
    for (const scope of scopes) expect(feedPath(scope)).toBe(`${listPath(scope)}rss.xml`);
  });

  it.each([
    ['/', '/world/a/', '/world/a/'],
    ['/news/', '/world/a/', '/news/world/a/'],
    ['/news', '/world/a/', '/news/world/a/'],
    ['/news/', '', '/news/'],
  ])('should put base %j before %j', (base, path, expected) => {
    expect(joinBase(base, path)).toBe(expected);
  });
});

describe('isArticlePath', () => {
  it.each([
    ['world/north-korea-troops-russia/', true],
    ['/world/north-korea-troops-russia/', true],
    ['tags/kim-jong-un/', false],
    ['authors/ana-lima/', false],
    ['archive/2024/', false],
    ['world/', false],
    ['world/page/2/', false],
    ['', false],
  ])('should say whether %s is an article page: %s', (sitePath, expected) => {
    expect(isArticlePath(sitePath)).toBe(expected);
  });
});

describe('correctionsHref', () => {
  it('should write to an address, and link to a page of the site or elsewhere', () => {
    expect(correctionsHref('/news/', 'corrections@news.example.org')).toBe('mailto:corrections@news.example.org');
    expect(correctionsHref('/news/', '/corrections/')).toBe('/news/corrections/');
    expect(correctionsHref('/', 'https://news.example.org/corrections?a@b')).toBe('https://news.example.org/corrections?a@b');
  });
});
