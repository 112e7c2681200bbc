import { describe, expect, it } from 'vitest';
import { buildNewsroom } from '../../src/lib/newsroom.ts';
import { testArticle } from './support/articles.ts';
import { testSite } from './support/site-config.ts';

const site = testSite;

const NOW = new Date('2025-01-01T00:00:00Z');

describe('buildNewsroom', () => {
  const newsroom = buildNewsroom(
    [
      testArticle('b-older', '2024-10-01T10:00:00.000Z', { tags: ['North Korea'] }),
      testArticle('a-same-time', '2024-10-02T10:00:00.000Z', {
        tags: ['north korea', 'Russia'],
        section: 'Culture',
        sectionSlug: 'culture',
      }),
      testArticle('c-same-time', '2024-10-02T10:00:00.000Z', {
        tags: ['North Korea'],
        authors: ['Ana Lima'],
        section: 'Politics',
        sectionSlug: 'politics',
      }),
      testArticle('draft', '2024-10-03T10:00:00.000Z', { draft: true, tags: ['North Korea'] }),
      testArticle('scheduled', '2025-02-01T10:00:00.000Z', { tags: ['North Korea'] }),
    ],
    site,
    NOW,
  );

  it('should keep only what is published at the given time, newest first, then by slug', () => {
    expect(newsroom.articles.map((e) => e.article.slug)).toEqual(['a-same-time', 'c-same-time', 'b-older']);
  });

  it('should give each article its URL path and a byline, the publisher by default', () => {
    expect(newsroom.bySlug.get('c-same-time')).toMatchObject({
      path: '/politics/c-same-time/',
      byline: ['Ana Lima'],
      authors: [{ slug: 'ana-lima', name: 'Ana Lima', count: 1 }],
    });
    expect(newsroom.bySlug.get('b-older')).toMatchObject({ byline: ['The Paper'], authors: [] });
  });

  it('should resolve tags site-wide by slug with the most used spelling, counting published articles only', () => {
    expect(newsroom.tags.get('north-korea')).toEqual({ slug: 'north-korea', name: 'North Korea', count: 3 });
    expect(newsroom.bySlug.get('a-same-time')!.tags.map((t) => t.name)).toEqual(['North Korea', 'Russia']);
  });

  it('should order sections as configured, then the others by name', () => {
    expect(newsroom.sections).toEqual([
      { slug: 'world', name: 'World', count: 1, colour: 0 },
      { slug: 'politics', name: 'Politics', count: 1, colour: 1 },
      { slug: 'culture', name: 'Culture', count: 1, colour: 2 },
    ]);
  });

  it('should group articles by section and by tag, newest first', () => {
    expect(newsroom.byTag.get('north-korea')!.map((e) => e.article.slug)).toEqual(['a-same-time', 'c-same-time', 'b-older']);
    expect(newsroom.bySection.get('politics')!.map((e) => e.article.slug)).toEqual(['c-same-time']);
  });

  it('should file articles by author and by month in the newsroom zone', () => {
    expect([...newsroom.byAuthor.keys()]).toEqual(['ana-lima']);
    expect(newsroom.months).toEqual([{ year: 2024, month: 10, key: '2024/10', count: 3 }]);
    expect(newsroom.byYear.get('2024')!.length).toBe(3);
  });

  it('should lay out the front page: lead, top stories, section blocks without repeats, latest', () => {
    const front = newsroom.front;
    expect(front.lead?.article.slug).toBe('a-same-time');
    expect(front.top.map((e) => e.article.slug)).toEqual(['c-same-time']);
    expect(front.sections.map((b) => [b.section.slug, b.entries.map((e) => e.article.slug)])).toEqual([['world', ['b-older']]]);
    expect(front.latest.map((e) => e.article.slug)).toEqual(['a-same-time', 'c-same-time']);
  });

  it('should lead with the newest featured article', () => {
    const featured = buildNewsroom(
      [testArticle('new', '2024-10-05T00:00:00.000Z'), testArticle('old-featured', '2024-10-01T00:00:00.000Z', { featured: true })],
      site,
      NOW,
    );
    expect(featured.front.lead?.article.slug).toBe('old-featured');
    expect(featured.front.top.map((e) => e.article.slug)).toEqual(['new']);
  });

  it('should file an article in the month of its newsroom time, not UTC', () => {
    const late = buildNewsroom([testArticle('new-year', '2024-12-31T23:30:00.000Z')], site, NOW);
    expect(late.months.map((m) => m.key)).toEqual(['2025/01']);
  });

  it('should rank Related among published articles only', () => {
    const related = newsroom.related.get('b-older')!.related;
    expect(related.map((r) => r.entry.article.slug)).toEqual(['a-same-time', 'c-same-time']);
    expect(related[0]!.sharedTags.map((t) => t.name)).toEqual(['North Korea']);
  });
});
