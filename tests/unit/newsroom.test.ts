import { describe, expect, it } from 'vitest';
import { buildNewsroom, type ArticleBase } from '../../src/lib/newsroom.ts';
import type { SiteConfig } from '../../src/lib/site-config.ts';

const site: SiteConfig = {
  publisher: 'The Paper',
  siteUrl: 'https://paper.example',
  locale: 'en-GB',
  timeZone: 'Europe/Paris',
  dateTimePattern: 'dd/MM/yyyy HHhmm',
  datePattern: 'dd/MM/yyyy',
  disclaimer: 'Disclaimer.',
  sections: ['World', 'Politics'],
  relatedCount: 5,
  homeCount: 10,
};

function article(slug: string, iso: string, extra: Partial<ArticleBase> = {}): ArticleBase {
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
    ...extra,
  };
}

const NOW = new Date('2025-01-01T00:00:00Z');

describe('buildNewsroom', () => {
  const newsroom = buildNewsroom(
    [
      article('b-older', '2024-10-01T10:00:00.000Z', { tags: ['North Korea'] }),
      article('a-same-time', '2024-10-02T10:00:00.000Z', { tags: ['north korea', 'Russia'], section: 'Culture', sectionSlug: 'culture' }),
      article('c-same-time', '2024-10-02T10:00:00.000Z', {
        tags: ['North Korea'],
        authors: ['Ana Lima'],
        section: 'Politics',
        sectionSlug: 'politics',
      }),
      article('draft', '2024-10-03T10:00:00.000Z', { draft: true, tags: ['North Korea'] }),
      article('scheduled', '2025-02-01T10:00:00.000Z', { tags: ['North Korea'] }),
    ],
    site,
    NOW,
  );

  it('should keep only what is published at the given time, newest first, then by slug', () => {
    expect(newsroom.articles.map((e) => e.article.slug)).toEqual(['a-same-time', 'c-same-time', 'b-older']);
  });

  it('should give each article its URL path and a byline, the publisher by default', () => {
    expect(newsroom.bySlug.get('c-same-time')).toMatchObject({ path: '/politics/c-same-time/', authors: ['Ana Lima'] });
    expect(newsroom.bySlug.get('b-older')!.authors).toEqual(['The Paper']);
  });

  it('should resolve tags site-wide by slug with the most used spelling, counting published articles only', () => {
    expect(newsroom.tags.get('north-korea')).toEqual({ slug: 'north-korea', name: 'North Korea', count: 3 });
    expect(newsroom.bySlug.get('a-same-time')!.tags.map((t) => t.name)).toEqual(['North Korea', 'Russia']);
  });

  it('should order sections as configured, then the others by name', () => {
    expect(newsroom.sections).toEqual([
      { slug: 'world', name: 'World', count: 1 },
      { slug: 'politics', name: 'Politics', count: 1 },
      { slug: 'culture', name: 'Culture', count: 1 },
    ]);
  });

  it('should group articles by section and by tag, newest first', () => {
    expect(newsroom.byTag.get('north-korea')!.map((e) => e.article.slug)).toEqual(['a-same-time', 'c-same-time', 'b-older']);
    expect(newsroom.bySection.get('politics')!.map((e) => e.article.slug)).toEqual(['c-same-time']);
  });

  it('should rank Related among published articles only', () => {
    const related = newsroom.related.get('b-older')!.related;
    expect(related.map((r) => r.entry.article.slug)).toEqual(['a-same-time', 'c-same-time']);
    expect(related[0]!.sharedTags.map((t) => t.name)).toEqual(['North Korea']);
  });
});
