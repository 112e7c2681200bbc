import { getRssString } from '@astrojs/rss';
import { feedItems, rssText, withCreators } from '../lib/feeds.ts';
import { site } from '../site.config.ts';
import { withFeedBodies, type Entry } from './newsroom.ts';
import { siteUrl } from './site-url.ts';

/** An RSS 2.0 response for a list of entries (newest first), with full article HTML in `content:encoded`. */
export async function rssResponse(options: { title: string; description: string; entries: readonly Entry[] }): Promise<Response> {
  const items = feedItems(await withFeedBodies(options.entries, site.feedItems), site.feedItems, siteUrl);
  const xml = await getRssString({
    // Section and tag names come from articles: HTML-escaped text, as readers render these fields as HTML.
    title: rssText(options.title),
    description: rssText(options.description),
    site: siteUrl('/'),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
    customData: `<language>${site.locale}</language>`,
    items,
    trailingSlash: true,
  });
  return new Response(withCreators(xml, items), { headers: { 'Content-Type': 'application/xml' } });
}
