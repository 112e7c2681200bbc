/**
 * JSON-LD for search engines, serialised so no value can end the `<script>` element it sits in: `<`, `>`
 * and `&` become `\u003c` etc., and U+2028/U+2029 (line breaks to old JavaScript parsers) are escaped too.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface NewsArticleInput {
  /** schema.org type: `NewsArticle`, or a subtype for opinion, analysis and live coverage. */
  type: string;
  url: string;
  headline: string;
  description: string;
  datePublished: string;
  dateModified: string;
  authors: { name: string; url?: string | undefined }[];
  section: string;
  keywords: string[];
  image?: string | undefined;
  publisher: { name: string; url: string; logo: string };
  /** A live story (`LiveBlogPosting`): when coverage started and ended, and its updates, newest first. */
  live?: { start: string; end?: string | undefined; updates: { headline: string; url: string; datePublished: string }[] } | undefined;
}

/** schema.org `NewsArticle` (or the subtype of its kind of piece) for an article page. */
export function newsArticle(input: NewsArticleInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': input.type,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    headline: input.headline,
    description: input.description,
    datePublished: input.datePublished,
    dateModified: input.dateModified,
    author: input.authors.map((a) => ({ '@type': 'Person', name: a.name, ...(a.url && { url: a.url }) })),
    publisher: {
      '@type': 'Organization',
      name: input.publisher.name,
      url: input.publisher.url,
      logo: { '@type': 'ImageObject', url: input.publisher.logo },
    },
    articleSection: input.section,
    keywords: input.keywords.join(', '),
    ...(input.image && { image: [input.image] }),
    ...(input.live && {
      coverageStartTime: input.live.start,
      ...(input.live.end && { coverageEndTime: input.live.end }),
      liveBlogUpdate: input.live.updates.map((update) => ({
        '@type': 'BlogPosting',
        headline: update.headline,
        datePublished: update.datePublished,
        url: update.url,
      })),
    }),
  };
}

/** schema.org `BreadcrumbList`: Home › Section › Article. */
export function breadcrumbList(items: { name: string; url: string }[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: item.name, item: item.url })),
  };
}

/** schema.org `WebSite` and `Organization` for the front page. */
export function websiteAndOrganization(input: { name: string; url: string; logo: string; language: string }): Record<string, unknown>[] {
  return [
    { '@context': 'https://schema.org', '@type': 'WebSite', name: input.name, url: input.url, inLanguage: input.language },
    { '@context': 'https://schema.org', '@type': 'Organization', name: input.name, url: input.url, logo: input.logo },
  ];
}

export interface PersonInput {
  /** The author page's absolute URL. */
  url: string;
  name: string;
  jobTitle?: string | undefined;
  description?: string | undefined;
  image?: string | undefined;
  /** The person's pages elsewhere. */
  sameAs: string[];
}

/** schema.org `ProfilePage` about a `Person`: an author page with a profile. */
export function profilePage(input: PersonInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url: input.url,
    mainEntity: {
      '@type': 'Person',
      '@id': `${input.url}#person`,
      name: input.name,
      url: input.url,
      ...(input.jobTitle && { jobTitle: input.jobTitle }),
      ...(input.description && { description: input.description }),
      ...(input.image && { image: input.image }),
      ...(input.sameAs.length > 0 && { sameAs: input.sameAs }),
    },
  };
}
