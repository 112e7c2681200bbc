import rss from '@astrojs/rss';
import { feedItems, rssDescription, xmlText } from '../lib/feeds.ts';
import { site } from '../site.config.ts';
import { withFeedBodies, type Entry } from './newsroom.ts';
import { siteUrl } from './site-url.ts';

/** An RSS 2.0 response for a list of entries (newest first), with full article HTML in `content:encoded`. */
export async function rssResponse(options: { title: string; description: string; entries: readonly Entry[] }): Promise<Response> {
  return rss({
    // Section and tag names come from articles: text in the title, HTML-escaped text in the description.
    title: xmlText(options.title),
    description: rssDescription(options.description),
    site: siteUrl('/'),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
    customData: `<language>${site.locale}</language>`,
    items: feedItems(await withFeedBodies(options.entries, site.feedItems), site.feedItems, siteUrl),
    trailingSlash: true,
  });
}
