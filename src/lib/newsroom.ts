import { compareText } from './problems.ts';
import { publicationStatus, type PublicationStatus } from './publishing.ts';
import { computeRelated } from './related.ts';
import type { SiteConfig } from './site-config.ts';
import { toSlug } from './slug.ts';
import { collectTags, type Tag } from './tags.ts';
import { articlePath } from './urls.ts';

/** The fields of an article the site-wide lists are computed from. */
export interface ArticleBase {
  slug: string;
  title: string;
  date: { iso: string; hasTime: boolean };
  section: string;
  sectionSlug: string;
  tags: readonly string[];
  authors: readonly string[];
  related: readonly string[];
  draft: boolean;
}

/** An article with what every page needs resolved: its URL, its tags' site-wide names, its byline. */
export interface ArticleEntry<A extends ArticleBase> {
  article: A;
  /** Site path without the base (`/world/slug/`). */
  path: string;
  status: PublicationStatus;
  tags: Tag[];
  /** Byline names; the publisher when the article names none. */
  authors: string[];
}

export interface RelatedEntry<A extends ArticleBase> {
  entry: ArticleEntry<A>;
  /** Tags shared with the article, rarest first. */
  sharedTags: Tag[];
  pinned: boolean;
}

export interface Section {
  slug: string;
  name: string;
  count: number;
}

/** Everything the pages read, computed once per build. */
export interface Newsroom<A extends ArticleBase> {
  /** Published articles, newest first (then slug). */
  articles: ArticleEntry<A>[];
  bySlug: Map<string, ArticleEntry<A>>;
  related: Map<string, { related: RelatedEntry<A>[]; moreInSection: ArticleEntry<A>[] }>;
  tags: Map<string, Tag>;
  /** Sections with published articles, configured order first, then by name. */
  sections: Section[];
  /** Published articles of each section (by slug), newest first. */
  bySection: Map<string, ArticleEntry<A>[]>;
  /** Published articles carrying each tag (by slug), newest first. */
  byTag: Map<string, ArticleEntry<A>[]>;
}

/**
 * Builds the site's lists from every stored article: keeps what is published at `now`, resolves tag names
 * across the site, and ranks Related for all articles in one pass. Pages only read the result.
 */
export function buildNewsroom<A extends ArticleBase>(stored: readonly A[], site: SiteConfig, now: Date): Newsroom<A> {
  const published = stored
    .filter((article) => publicationStatus(article, now) === 'published')
    .sort((a, b) => compareText(b.date.iso, a.date.iso) || compareText(a.slug, b.slug));
  const tags = collectTags(published.map((a) => a.tags));

  const articles = published.map<ArticleEntry<A>>((article) => ({
    article,
    path: articlePath(article.sectionSlug, article.slug),
    status: 'published',
    tags: article.tags.map((tag) => tags.get(toSlug(tag))!),
    authors: article.authors.length > 0 ? [...article.authors] : [site.publisher],
  }));
  const bySlug = new Map(articles.map((entry) => [entry.article.slug, entry]));

  const ranked = computeRelated(
    articles.map(({ article, tags: articleTags }) => ({
      slug: article.slug,
      date: article.date.iso,
      sectionSlug: article.sectionSlug,
      tagSlugs: articleTags.map((t) => t.slug),
      pinned: article.related,
    })),
    site.relatedCount,
  );
  const related = new Map(
    [...ranked].map(([slug, list]) => [
      slug,
      {
        related: list.related.map((link) => ({
          entry: bySlug.get(link.slug)!,
          sharedTags: link.sharedTags.map((tagSlug) => tags.get(tagSlug)!),
          pinned: link.pinned,
        })),
        moreInSection: list.moreInSection.map((s) => bySlug.get(s)!),
      },
    ]),
  );

  return {
    articles,
    bySlug,
    related,
    tags,
    sections: orderSections(published, site.sections),
    bySection: groupBy(articles, (entry) => [entry.article.sectionSlug]),
    byTag: groupBy(articles, (entry) => entry.tags.map((tag) => tag.slug)),
  };
}

/** Groups entries under each of their keys, keeping the entries' order. */
function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

function orderSections(articles: readonly ArticleBase[], configured: readonly string[]): Section[] {
  const counts = new Map<string, Section>();
  for (const { sectionSlug, section } of articles) {
    const name = configured.find((n) => toSlug(n) === sectionSlug) ?? section;
    const current = counts.get(sectionSlug) ?? { slug: sectionSlug, name, count: 0 };
    current.count++;
    counts.set(sectionSlug, current);
  }
  const rank = (slug: string) => {
    const i = configured.findIndex((name) => toSlug(name) === slug);
    return i === -1 ? configured.length : i;
  };
  return [...counts.values()].sort((a, b) => rank(a.slug) - rank(b.slug) || compareText(a.name, b.name));
}
