import { escapeXml } from './feeds.ts';
import type { ArticleBase, ArticleEntry } from './newsroom.ts';

/**
 * The `lastmod` of a built page: the `article:modified_time` it declares (updated, else published).
 * The sitemap integration only sees URLs, so it reads each article's own declaration.
 */
export function lastmodFromHtml(html: string): string | undefined {
  const value = /<meta property="article:modified_time" content="([^"]+)"/.exec(html)?.[1];
  // A copy, not a slice: V8 keeps a matched substring as a view of the whole page, and the sitemap holds
  // every article's lastmod until its end, which would keep every article page in memory.
  return value === undefined ? undefined : [...value].join('');
}

/** Google News keeps articles of the last two days in a news sitemap. */
const NEWS_WINDOW_MS = 48 * 3_600_000;

/**
 * A Google News sitemap (https://www.google.com/schemas/sitemap-news/0.9): the articles published in the
 * 48 hours before `now`, newest first, with publication name and language, date and title.
 */
export function newsSitemap<A extends ArticleBase>(options: {
  entries: readonly ArticleEntry<A>[];
  now: Date;
  publication: string;
  language: string;
  url: (path: string) => string;
}): string {
  const since = options.now.getTime() - NEWS_WINDOW_MS;
  const recent = options.entries.filter((e) => {
    const time = Date.parse(e.article.date.iso);
    return time > since && time <= options.now.getTime();
  });
  const language = options.language.split('-')[0]!.toLowerCase();
  const urls = recent.map(
    (e) =>
      `<url><loc>${escapeXml(options.url(e.path))}</loc><news:news><news:publication><news:name>${escapeXml(options.publication)}</news:name><news:language>${escapeXml(language)}</news:language></news:publication><news:publication_date>${e.article.date.iso}</news:publication_date><news:title>${escapeXml(e.article.title)}</news:title></news:news></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
