import { lastModified, type ArticleDate } from './dates.ts';
import type { ArticleBase, ArticleEntry } from './newsroom.ts';

/** What a feed item needs beyond the site-wide lists: the article's HTML and standfirst. */
export interface FeedArticle extends ArticleBase {
  /** The article's HTML as feed readers get it: absolute URLs (links between articles, body pictures). */
  feedHtml: string;
  description?: string | undefined;
  excerpt: string;
  updated?: ArticleDate | undefined;
  corrections: readonly { date: ArticleDate; text: string }[];
  /** A live story's updates (their times): the latest is when the item last changed. */
  liveUpdates?: readonly { iso: string }[];
  /** The story's own picture as readers fetch it (absolute URL, JPEG 1200 wide), if it has one. */
  picture?: { url: string; type: string; width: number; height: number; alt: string } | undefined;
}

/**
 * One item, in the shape @astrojs/rss takes. Titles, descriptions, categories and creators are HTML text
 * (`rssText`): many readers render them as HTML, so a headline reading `<img onerror=…>` must reach them escaped.
 */
export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  /** The standfirst. */
  description: string;
  /** Full sanitised article HTML (`content:encoded`). */
  content: string;
  categories: string[];
  /**
   * `<dc:creator>` elements (RSS's own `author` field wants an e-mail address), as placeholders that
   * `withCreators` fills in: @astrojs/rss re-reads custom elements as XML values, and turned a byline of
   * `007` into `7`.
   */
  customData: string;
  /** The bylines the placeholders stand for. */
  creators: string[];
  /** The picture's text alternative, for its placeholder likewise (`<media:description>`). */
  alt?: string;
}

/**
 * Characters XML 1.0 cannot carry even escaped (C0 controls other than tab and line ends, lone surrogates,
 * U+FFFE, U+FFFF). One of them in a title or body makes readers reject the whole feed, so they are dropped.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text as XML can carry it: characters XML forbids dropped, nothing escaped (the XML writer escapes). */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return xmlText(text).replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/**
 * Plain text for an RSS field that feed readers render as HTML (description, title, category, creator):
 * `<`, `>` and `&` are escaped as HTML first, so a standfirst reading `<img onerror=…>` shows as those
 * characters, never as markup.
 */
export function rssText(text: string): string {
  return xmlText(text).replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);
}

/**
 * The channel's elements besides its title, description and link: its language, and the address of the feed
 * itself (`atom:link rel="self"`), which readers and validators use to tell a feed from a copy of it.
 */
export function channelData(options: { language: string; feedUrl: string }): string {
  const self = `<atom:link href="${escapeXml(options.feedUrl)}" rel="self" type="application/rss+xml"/>`;
  return `<language>${escapeXml(options.language)}</language>${self}`;
}

/** The newest `count` entries as feed items with absolute links (`url(path)` makes them absolute). */
export function feedItems<A extends FeedArticle>(
  entries: readonly ArticleEntry<A>[],
  count: number,
  url: (path: string) => string,
): FeedItem[] {
  return entries.slice(0, count).map((entry, item) => ({
    title: rssText(entry.article.title),
    link: url(entry.path),
    pubDate: new Date(entry.article.date.iso),
    description: rssText(entry.article.description ?? entry.article.excerpt),
    content: xmlText(withCorrections(entry.article)),
    categories: entry.tags.map((tag) => rssText(tag.name)),
    customData:
      entry.byline.map((_, creator) => `<dc:creator>${creatorPlaceholder(item, creator)}</dc:creator>`).join('') +
      modifiedTime(entry.article) +
      mediaContent(entry.article.picture, item),
    creators: entry.byline.map(rssText),
    ...(entry.article.picture && { alt: entry.article.picture.alt }),
  }));
}

/** When the story last changed (an update, a correction, a live update), as Atom's `updated`, which feed readers read in RSS too. */
function modifiedTime(article: FeedArticle): string {
  const modified = lastModified(article);
  return modified === article.date ? '' : `<atom:updated>${modified.iso}</atom:updated>`;
}

/** The story's picture as Media RSS gives it (feed readers show it beside the item); nothing without one. */
function mediaContent(picture: FeedArticle['picture'], item: number): string {
  if (!picture) return '';
  const { url, type, width, height } = picture;
  return `<media:content url="${escapeXml(url)}" medium="image" type="${escapeXml(type)}" width="${width}" height="${height}"><media:description type="plain">${altPlaceholder(item)}</media:description></media:content>`;
}

const altPlaceholder = (item: number) => `dateline-alt-${item}`;
const ALT_PLACEHOLDER = /<media:description type="plain">dateline-alt-(\d+)<\/media:description>/g;

const creatorPlaceholder = (item: number, creator: number) => `dateline-creator-${item}-${creator}`;
const CREATOR_PLACEHOLDER = /<dc:creator>dateline-creator-(\d+)-(\d+)<\/dc:creator>/g;

/**
 * The RSS document with each placeholder of `feedItems` replaced by its byline or picture text, escaped as
 * XML. Only a whole `<dc:creator>` or `<media:description>` element is a placeholder: text from an article
 * reaches the document escaped, so it can never spell one.
 */
export function withCreators(rss: string, items: readonly FeedItem[]): string {
  return rss
    .replace(CREATOR_PLACEHOLDER, (_, item: string, creator: string) => {
      return `<dc:creator>${escapeXml(items[Number(item)]!.creators[Number(creator)]!)}</dc:creator>`;
    })
    .replace(
      ALT_PLACEHOLDER,
      (_, item: string) => `<media:description type="plain">${escapeXml(items[Number(item)]!.alt ?? '')}</media:description>`,
    );
}

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1) for the newest `count` entries. */
export function jsonFeed<A extends FeedArticle>(options: {
  title: string;
  description: string;
  language: string;
  homePageUrl: string;
  feedUrl: string;
  entries: readonly ArticleEntry<A>[];
  count: number;
  url: (path: string) => string;
}): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: options.title,
    description: options.description,
    home_page_url: options.homePageUrl,
    feed_url: options.feedUrl,
    language: options.language,
    items: options.entries.slice(0, options.count).map((entry) => ({
      id: options.url(entry.path),
      url: options.url(entry.path),
      title: entry.article.title,
      summary: entry.article.description ?? entry.article.excerpt,
      content_html: withCorrections(entry.article),
      date_published: entry.article.date.iso,
      ...(lastModified(entry.article) !== entry.article.date && { date_modified: lastModified(entry.article).iso }),
      authors: entry.byline.map((name) => ({ name })),
      tags: entry.tags.map((tag) => tag.name),
      ...(entry.article.picture && { image: entry.article.picture.url }),
    })),
  };
}

/** The article's HTML with its corrections appended, so feed readers see them too. */
function withCorrections(article: FeedArticle): string {
  const notes = article.corrections.map((c) => `<p><strong>Correction (${c.date.iso.slice(0, 10)}):</strong> ${escapeXml(c.text)}</p>`);
  return [article.feedHtml, ...notes].join('\n');
}
