/**
 * Every URL the site links to, built in one place so a base path (`/news/`) is honoured everywhere.
 * `base` is Astro's `import.meta.env.BASE_URL` (`/` or `/news/`).
 */
export function joinBase(base: string, path: string): string {
  const trimmedBase = base.endsWith('/') ? base : `${base}/`;
  return `${trimmedBase}${path.replace(/^\/+/, '')}`;
}

/** The editor's folder (`/admin/`, when the `cms` setting turns it on). */
export const ADMIN_FOLDER = 'admin';

/**
 * URL segments the site uses for its own pages and files (social cards, the search index, the editor); a
 * section may not take them. The editor's is reserved even while it is off, so turning it on breaks no build.
 */
export const RESERVED_SECTION_SLUGS = new Set([
  'tags',
  'authors',
  'archive',
  'sections',
  'search',
  'page',
  'feeds',
  'about',
  '_astro',
  '404',
  'cards',
  'pagefind',
  ADMIN_FOLDER,
]);

/** Files the site writes at its root (feeds, sitemaps, robots.txt, public/'s files): no former address may be one. */
export const SITE_FILES = new Set([
  'rss.xml',
  'feed.json',
  'robots.txt',
  'sitemap-index.xml',
  'sitemap-0.xml',
  'news-sitemap.xml',
  '404.html',
  'favicon.svg',
  'logo.png',
  'logo.svg',
]);

/**
 * Whether a site path below the base (`world/north-korea-troops-russia/`) is an article's page: a section
 * then a slug (articlePath). List pages at that depth (`tags/kim-jong-un/`) start with a reserved segment.
 */
export function isArticlePath(sitePath: string): boolean {
  const segments = sitePath.split('/').filter(Boolean);
  return segments.length === 2 && !RESERVED_SECTION_SLUGS.has(segments[0]!);
}

/** `/world/north-korea-troops-russia/`: the section then the slug, as outlets write them. */
export function articlePath(sectionSlug: string, slug: string): string {
  return `/${sectionSlug}/${slug}/`;
}

export function sectionPath(sectionSlug: string): string {
  return `/${sectionSlug}/`;
}

export function tagPath(tagSlug: string): string {
  return `/tags/${tagSlug}/`;
}

export function authorPath(authorSlug: string): string {
  return `/authors/${authorSlug}/`;
}

/** `/archive/2024/10/` for a month key `2024/10`, `/archive/2024/` for a year. */
export function archivePath(key: string): string {
  return `/archive/${key}/`;
}

/** The site's own pages that list or find things, at fixed paths. */
export const SITE_PAGES = {
  sections: '/sections/',
  tags: '/tags/',
  authors: '/authors/',
  archive: '/archive/',
  about: '/about/',
  search: '/search/',
} as const;

/** An absolute URL for a site path, honouring the base path: `https://x.org/news/world/a/`. */
export function absoluteUrl(siteUrl: string | URL, base: string, path: string): string {
  return new URL(joinBase(base, path), siteUrl).href;
}

/** What a feed follows: the whole site, or one list (a section, a tag, an author). */
export type FeedScope = { kind: 'site' } | { kind: 'section' | 'tag' | 'author'; slug: string };

/** The page listing what a feed carries: the front page, or the section's, tag's or author's page. */
export function listPath(scope: FeedScope): string {
  if (scope.kind === 'site') return '/';
  return { section: sectionPath, tag: tagPath, author: authorPath }[scope.kind](scope.slug);
}

/** Feed paths: the whole site, a section, a tag, an author. */
export function feedPath(scope: FeedScope): string {
  if (scope.kind === 'site') return '/rss.xml';
  if (scope.kind === 'author') return `${authorPath(scope.slug)}rss.xml`;
  return scope.kind === 'section' ? `/${scope.slug}/rss.xml` : `/tags/${scope.slug}/rss.xml`;
}

/** The output folder of the social cards. */
export const CARDS_FOLDER = 'cards';

/** The social card of an article without a picture of its own. */
export function cardPath(slug: string): string {
  return `/${CARDS_FOLDER}/${slug}.png`;
}

/** The link to the corrections contact (`site.corrections`): `mailto:` for an address, the page otherwise. */
export function correctionsHref(base: string, corrections: string): string {
  if (corrections.includes('@') && !corrections.includes('/')) return `mailto:${corrections}`;
  return corrections.startsWith('/') ? joinBase(base, corrections) : corrections;
}
