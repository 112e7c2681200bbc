import type { APIRoute } from 'astro';
import { feedEntries } from '../data/feeds.ts';
import { getNewsroom } from '../data/newsroom.ts';
import { siteUrl } from '../data/site-url.ts';
import { jsonFeed } from '../lib/feeds.ts';
import { site } from '../site.config.ts';

export const GET: APIRoute = async () => {
  const { articles } = await getNewsroom();
  const feed = jsonFeed({
    title: site.publisher,
    description: site.about,
    language: site.locale,
    homePageUrl: siteUrl('/'),
    feedUrl: siteUrl('/feed.json'),
    entries: await feedEntries(articles, site.feedItems),
    count: site.feedItems,
    url: siteUrl,
  });
  return new Response(JSON.stringify(feed, null, 2), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
