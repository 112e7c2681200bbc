import type { ArticleBase } from '../../../src/lib/newsroom.ts';

/** A published World article for tests of the site-wide lists, feeds and page keys; tests override what they exercise. */
export function testArticle(slug: string, iso: string, extra: Partial<ArticleBase> = {}): ArticleBase {
  return {
    slug,
    title: slug,
    date: { iso, hasTime: true },
    section: 'World',
    sectionSlug: 'world',
    tags: [],
    authors: [],
    related: [],
    draft: false,
    featured: false,
    ...extra,
  };
}
