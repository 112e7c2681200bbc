import { describe, expect, it } from 'vitest';
import { buildListings } from '../../src/lib/listings.ts';
import { buildNewsroom, type ArticleBase } from '../../src/lib/newsroom.ts';
import { pageKeys } from '../../src/lib/page-keys.ts';
import { testArticle } from './support/articles.ts';
import { testSite } from './support/site-config.ts';

const site = { ...testSite, pageSize: 2, feedItems: 2 };

type Article = ArticleBase & { html: string };
const NOW = new Date('2025-01-01T00:00:00Z');

function article(slug: string, day: number, extra: Partial<Article> = {}): Article {
  const iso = `2024-10-${String(day).padStart(2, '0')}T10:00:00.000Z`;
  return { ...testArticle(slug, iso, { title: `Headline ${slug}`, tags: ['Russia'] }), html: `<p>Body of ${slug}.</p>`, ...extra };
}

const base = () => [
  article('a', 1),
  article('b', 2),
  article('c', 3, { tags: ['Russia', 'Ukraine'] }),
  article('d', 4, { section: 'Politics', sectionSlug: 'politics', tags: ['Ukraine'] }),
];

/** Every page's key for a set of articles and settings, by page. */
function keysOf(articles: Article[], inputs: Record<string, unknown> = { site }) {
  const newsroom = buildNewsroom(articles, site, NOW);
  const keys = pageKeys(newsroom, inputs, site.feedItems);
  const result = new Map<string, string>();
  for (const entry of newsroom.articles) result.set(`article ${entry.article.slug}`, keys.article(entry));
  for (const listing of buildListings(newsroom, site.pageSize)) result.set(`list ${listing.page.path}`, keys.listing(listing));
  for (const [slug, entries] of newsroom.byTag) result.set(`feed ${slug}`, keys.feed(slug, entries));
  return result;
}

/** The pages whose key differs between two sets of keys (or exist in only one). */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((page) => before.get(page) !== after.get(page)).sort();
}

describe('pageKeys', () => {
  it('gives the same keys for the same content and settings', () => {
    expect(changed(keysOf(base()), keysOf(base()))).toEqual([]);
  });

  it('changes the key of every page that shows an edited article, and no other', () => {
    const edited = base().map((a) => (a.slug === 'a' ? { ...a, html: '<p>Corrected body.</p>' } : a));
    // `a` is on its own page, in b's and c's Related (shared tag Russia), in the World and Russia lists and
    // the archive; d (Politics, Ukraine only) shares nothing with it.
    const pages = changed(keysOf(base()), keysOf(edited));
    expect(pages).toContain('article a');
    expect(pages).toContain('article b');
    expect(pages).toContain('list /world/page/2/');
    expect(pages).toContain('list /tags/russia/page/2/');
    expect(pages).not.toContain('article d');
    expect(pages).not.toContain('list /politics/');
    expect(pages).not.toContain('feed ukraine');
  });

  it('changes every key when a setting changes, or a section appears in the navigation', () => {
    const before = keysOf(base());
    const french = keysOf(base(), { site: { ...site, locale: 'fr-FR' } });
    expect(changed(before, french)).toEqual([...before.keys()].sort());
    const withSection = keysOf([...base(), article('e', 5, { section: 'Sport', sectionSlug: 'sport', tags: ['Football'] })]);
    expect(changed(before, withSection).filter((page) => before.has(page))).toEqual([...before.keys()].sort());
  });

  it('changes a feed key only when one of the entries it carries changes', () => {
    // The Russia feed carries the newest two (c, b): an edit to the oldest (a) leaves it alone.
    const edited = base().map((a) => (a.slug === 'a' ? { ...a, title: 'New headline' } : a));
    expect(changed(keysOf(base()), keysOf(edited))).not.toContain('feed russia');
    const editedNewest = base().map((a) => (a.slug === 'c' ? { ...a, title: 'New headline' } : a));
    expect(changed(keysOf(base()), keysOf(editedNewest))).toContain('feed russia');
  });

  it("reads pictures' metadata without marking the original as used, and still sees a changed picture", () => {
    // Astro's image metadata marks the original for publishing when any of its fields but fsPath and clone
    // is read (astro/dist/assets/utils/proxy.js).
    const touched = new Set<string | symbol>();
    const picture = (src: string) =>
      new Proxy(
        { src, width: 1200, height: 675, format: 'jpg' },
        {
          get(target, name) {
            if (name === 'clone') return structuredClone(target);
            if (name === 'fsPath') return '/content/politics/crowd.jpg';
            const value = target[name as keyof typeof target];
            if (value !== undefined) touched.add(name);
            return value;
          },
        },
      );
    const withPicture = (src: string) => base().map((a) => (a.slug === 'a' ? { ...a, bodyImages: [picture(src)] } : a));
    const before = keysOf(withPicture('/_astro/crowd.AAAA.jpg'));
    const after = keysOf(withPicture('/_astro/crowd.BBBB.jpg'));
    expect([...touched]).toEqual([]);
    expect(changed(before, after)).toContain('article a');
  });
});
