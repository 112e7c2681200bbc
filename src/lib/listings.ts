import type { ArticleBase, ArticleEntry, Newsroom } from './newsroom.ts';
import { paginate, type Page } from './paginate.ts';
import { archivePath, authorPath, sectionPath, tagPath } from './urls.ts';

/** What a list page lists: a section, a tag, an author, a year or a month of the archive. */
export type ListingKind = 'section' | 'tag' | 'author' | 'year' | 'month';

/** One page of one list, ready to render. */
export interface ListingPage<A extends ArticleBase> {
  kind: ListingKind;
  /** The section, tag or author slug, or `2024` / `2024/10`. */
  key: string;
  /** Display name for sections, tags and authors; empty for the archive (the page formats the date). */
  name: string;
  page: Page<ArticleEntry<A>>;
}

/**
 * Every paginated list page of the site, in a fixed order: sections (navigation order), tags, authors
 * (by slug), then archive years and months (newest first). Each list is newest first, then by slug.
 */
export function buildListings<A extends ArticleBase>(newsroom: Newsroom<A>, pageSize: number): ListingPage<A>[] {
  const lists: { kind: ListingKind; key: string; name: string; basePath: string; entries: ArticleEntry<A>[] }[] = [
    ...newsroom.sections.map((s) => ({
      kind: 'section' as const,
      key: s.slug,
      name: s.name,
      basePath: sectionPath(s.slug),
      entries: newsroom.bySection.get(s.slug)!,
    })),
    ...[...newsroom.tags.values()].map((tag) => ({
      kind: 'tag' as const,
      key: tag.slug,
      name: tag.name,
      basePath: tagPath(tag.slug),
      entries: newsroom.byTag.get(tag.slug)!,
    })),
    ...[...newsroom.authors.values()].map((a) => ({
      kind: 'author' as const,
      key: a.slug,
      name: a.name,
      basePath: authorPath(a.slug),
      entries: newsroom.byAuthor.get(a.slug)!,
    })),
    ...[...newsroom.byYear].map(([year, entries]) => ({
      kind: 'year' as const,
      key: year,
      name: '',
      basePath: archivePath(year),
      entries,
    })),
    ...[...newsroom.byMonth].map(([month, entries]) => ({
      kind: 'month' as const,
      key: month,
      name: '',
      basePath: archivePath(month),
      entries,
    })),
  ];
  return lists.flatMap(({ kind, key, name, basePath, entries }) =>
    paginate(entries, pageSize, basePath).map((page) => ({ kind, key, name, page })),
  );
}
