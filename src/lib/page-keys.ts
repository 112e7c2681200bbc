import { withoutTouchingImages } from '../build/astro-internals.ts';
import { hash } from 'node:crypto';
import type { ListingPage } from './listings.ts';
import type { ArticleBase, ArticleEntry, Newsroom } from './newsroom.ts';

/**
 * Cache keys for Astro's incremental builds (`experimental.incrementalBuild`): a page whose key and whose
 * code (Astro hashes the page's modules) are both unchanged since the last build is not rendered again; the
 * file written last time is kept. So a key must change whenever anything the page shows changes, other than
 * code: its articles (every field, body included), the Related lists, the site's settings (which read
 * environment variables such as the locale) and what every page's header shows (the sections).
 * Keys err on the side of rendering again: an edit to an article re-renders every page that lists it,
 * even where only its headline is shown.
 *
 * Pages without a key (front page, indexes, site feeds, sitemaps) are rendered on every build.
 */
export interface PageKeys<A extends ArticleBase> {
  article(entry: ArticleEntry<A>): string;
  listing(listing: ListingPage<A>): string;
  /** A section, tag or author feed: its name and the entries it carries. */
  feed(name: string, entries: readonly ArticleEntry<A>[]): string;
  /** Anything else derived from its own inputs (a social card from its text). */
  of(value: unknown): string;
}

/** What besides content every page depends on: settings and build switches, as plain data. */
export type SiteInputs = Record<string, unknown>;

function digest(value: unknown): string {
  return hash('sha1', JSON.stringify(value, withoutTouchingImages));
}

export function pageKeys<A extends ArticleBase>(newsroom: Newsroom<A>, inputs: SiteInputs, feedItems: number): PageKeys<A> {
  // Every page has the section navigation in its header.
  const shell = digest({ inputs, sections: newsroom.sections.map(({ slug, name, colour }) => [slug, name, colour]) });
  const entryKeys = new WeakMap<ArticleEntry<A>, string>();
  const entryKey = (entry: ArticleEntry<A>) => {
    let key = entryKeys.get(entry);
    if (key === undefined) entryKeys.set(entry, (key = digest(entry)));
    return key;
  };
  return {
    article: (entry) => {
      const lists = newsroom.related.get(entry.article.slug);
      return digest([
        shell,
        entryKey(entry),
        lists?.related.map((r) => [entryKey(r.entry), r.sharedTags, r.pinned]),
        lists?.moreInSection.map(entryKey),
      ]);
    },
    listing: ({ kind, key, name, page }) =>
      digest([shell, kind, key, name, page.number, page.total, page.path, page.prevPath, page.nextPath, page.items.map(entryKey)]),
    feed: (name, entries) => digest([shell, name, entries.slice(0, feedItems).map(entryKey)]),
    of: (value) => digest([shell, value]),
  };
}
