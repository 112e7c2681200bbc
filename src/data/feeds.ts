import { getRssString } from '@astrojs/rss';
import { channelData, feedItems, rssText, withCreators, type FeedArticle } from '../lib/feeds.ts';
import type { ArticleEntry } from '../lib/newsroom.ts';
import { feedPath, listPath, type FeedScope } from '../lib/urls.ts';
import { site } from '../site.config.ts';
import { withFeedBodies, type Article, type Entry } from './newsroom.ts';
import { heroPicture } from './share-image.ts';
import { getPageKeys } from './page-keys.ts';
import { siteUrl } from './site-url.ts';

/** The newest `count` entries with what feed readers get besides the list: the body, and the story's own picture. */
export async function feedEntries(entries: readonly Entry[], count: number): Promise<ArticleEntry<Article & FeedArticle>[]> {
  return Promise.all(
    (await withFeedBodies(entries, count)).map(async (entry, i) => {
      // Asked of the newsroom's own article (not the copy with its body), so each picture is worked out once.
      const picture = await heroPicture(entries[i]!.article);
      return picture ? { ...entry, article: { ...entry.article, picture: { ...picture, alt: entry.article.image!.alt } } } : entry;
    }),
  );
}

/**
 * An RSS 2.0 response for a list of entries (newest first), with full article HTML in `content:encoded`; the
 * channel links to the page of what it follows (`scope`), and names its own address.
 */
export async function rssResponse(options: {
  title: string;
  description: string;
  scope: FeedScope;
  entries: readonly Entry[];
}): Promise<Response> {
  const items = feedItems(await feedEntries(options.entries, site.feedItems), site.feedItems, siteUrl);
  const xml = await getRssString({
    // Section and tag names come from articles: HTML-escaped text, as readers render these fields as HTML.
    title: rssText(options.title),
    description: rssText(options.description),
    site: siteUrl(listPath(options.scope)),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', media: 'http://search.yahoo.com/mrss/', atom: 'http://www.w3.org/2005/Atom' },
    customData: channelData({ language: site.locale, feedUrl: siteUrl(feedPath(options.scope)) }),
    items,
    trailingSlash: true,
  });
  return new Response(withCreators(xml, items), { headers: { 'Content-Type': 'application/xml' } });
}

/** What a list's feed page is given: the list (which and its name) and its entries, newest first. */
export interface ListFeed {
  scope: FeedScope;
  name: string;
  entries: Entry[];
}

/**
 * The static paths of one feed per list (each section, tag or author): `kind` is the route's parameter,
 * filled with each list's slug; a feed is rendered again only when its name or its newest entries change.
 */
export async function listFeedPaths(
  kind: 'section' | 'tag' | 'author',
  lists: Iterable<{ slug: string; name: string }>,
  entriesOf: ReadonlyMap<string, Entry[]>,
) {
  const keys = await getPageKeys();
  return [...lists].map(({ slug, name }) => {
    const entries = entriesOf.get(slug)!;
    const props = { scope: { kind, slug }, name, entries } satisfies ListFeed;
    return { params: { [kind]: slug }, props, cacheKey: keys.feed(name, entries) };
  });
}

/** A list's RSS feed, titled by its name. */
export function listFeedResponse({ scope, name, entries }: ListFeed): Promise<Response> {
  return rssResponse({ title: `${name} | ${site.publisher}`, description: `${site.publisher}: ${name}`, scope, entries });
}
