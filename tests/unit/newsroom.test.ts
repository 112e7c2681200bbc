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
      testArticle('taken-down', '2024-10-04T10:00:00.000Z', { tags: ['North Korea'], expires: '2024-12-31T00:00:00.000Z' }),
    ],
    site,
    NOW,
  );

  it('should keep only what is published at the given time, newest first, then by slug', () => {
    expect(newsroom.articles.map((e) => e.article.slug)).toEqual(['a-same-time', 'c-same-time', 'b-older']);
  });

  it('should leave a story past its expires time out of every list, tag count and Related', () => {
    expect(newsroom.bySlug.has('taken-down')).toBe(false);
    expect(newsroom.byTag.get('north-korea')!.map((e) => e.article.slug)).not.toContain('taken-down');
    for (const { related } of newsroom.related.values()) expect(related.map((r) => r.entry.article.slug)).not.toContain('taken-down');
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

  it('should lay out the front page: lead, top stories, latest, then section blocks of what is left', () => {
    const front = newsroom.front;
    expect(front.lead?.article.slug).toBe('a-same-time');
    expect(front.top.map((e) => e.article.slug)).toEqual(['c-same-time']);
    expect(front.latest.map((e) => e.article.slug)).toEqual(['b-older']);
    expect(front.sections).toEqual([]);
  });

  it('should show no story twice on the front page', () => {
    const many = buildNewsroom(
      Array.from({ length: 30 }, (_, i) =>
        testArticle(`story-${String(i).padStart(2, '0')}`, `2024-10-${String(i + 1).padStart(2, '0')}T10:00:00.000Z`, {
          section: i % 2 ? 'World' : 'Politics',
          sectionSlug: i % 2 ? 'world' : 'politics',
          featured: i === 3,
        }),
      ).slice(0, 28),
      { ...site, frontPage: { topStories: 4, perSection: 3, latest: 10, featuredHours: 48 } },
      new Date('2024-10-29T00:00:00Z'),
    );
    const { lead, top, latest, sections } = many.front;
    const shown = [lead!, ...top, ...latest, ...sections.flatMap((block) => block.entries)].map((e) => e.article.slug);
    expect(shown).toHaveLength(4 + 1 + 10 + 6);
    expect(new Set(shown).size).toBe(shown.length);
    // Newest first: the lead, then four top stories, then ten in Latest, then the sections' next three each.
    expect(shown.slice(0, 5)).toEqual(['story-27', 'story-26', 'story-25', 'story-24', 'story-23']);
    expect(sections.map((block) => [block.section.slug, block.entries.map((e) => e.article.slug)])).toEqual([
      ['world', ['story-11', 'story-09', 'story-07']],
      ['politics', ['story-12', 'story-10', 'story-08']],
    ]);
  });

  it('should lead with the newest featured article for featuredHours after its date, then list it by date', () => {
    const articles = [
      testArticle('new', '2024-10-05T00:00:00.000Z'),
      testArticle('featured', '2024-10-04T12:00:00.000Z', { featured: true }),
    ];
    const within = buildNewsroom(articles, site, new Date('2024-10-06T11:59:00Z'));
    expect(within.front.lead?.article.slug).toBe('featured');
    expect(within.front.top.map((e) => e.article.slug)).toEqual(['new']);
    const after = buildNewsroom(articles, site, new Date('2024-10-06T12:01:00Z'));
    expect(after.front.lead?.article.slug).toBe('new');
    expect(after.front.top.map((e) => e.article.slug)).toEqual(['featured']);
  });

  it('should keep a story featured until the date-time it gives, whatever featuredHours says', () => {
    const articles = [
      testArticle('new', '2024-10-05T00:00:00.000Z'),
      testArticle('week-long', '2024-10-01T12:00:00.000Z', { featured: true, featuredUntil: '2024-10-08T12:00:00.000Z' }),
    ];
    expect(buildNewsroom(articles, site, new Date('2024-10-08T11:59:00Z')).front.lead?.article.slug).toBe('week-long');
    expect(buildNewsroom(articles, site, new Date('2024-10-08T12:00:00Z')).front.lead?.article.slug).toBe('new');
  });

  it('should lead with the featured story of highest priority, then list the other featured ones first among the top stories', () => {
    const articles = [
      testArticle('newest', '2024-10-05T10:00:00.000Z'),
      testArticle('featured-new', '2024-10-05T09:00:00.000Z', { featured: true }),
      testArticle('featured-urgent', '2024-10-05T08:00:00.000Z', { featured: true, priority: 9 }),
      testArticle('older', '2024-10-05T07:00:00.000Z'),
      testArticle('featured-old', '2024-10-05T06:00:00.000Z', { featured: true }),
    ];
    const frontPage = { topStories: 4, perSection: 3, latest: 10, featuredHours: 48 };
    const { front } = buildNewsroom(articles, { ...site, frontPage }, new Date('2024-10-05T12:00:00Z'));
    expect(front.lead?.article.slug).toBe('featured-urgent');
    // The other featured stories by priority, then by date; then the newest.
    expect(front.top.map((e) => e.article.slug)).toEqual(['featured-new', 'featured-old', 'newest', 'older']);
    expect(front.latest).toEqual([]);
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

describe('buildNewsroom with author profiles', () => {
  const newsroom = buildNewsroom(
    [
      testArticle('one', '2024-10-01T10:00:00.000Z', { authors: ['ana lima'] }),
      testArticle('two', '2024-10-02T10:00:00.000Z', { authors: ['ana lima', 'Tom Reed'] }),
    ],
    testSite,
    NOW,
    {
      profiles: [
        { slug: 'ana-lima', name: 'Ana Lima' },
        { slug: 'bea-costa', name: 'Bea Costa' },
      ],
    },
  );

  it('names an author as their profile does, whatever spelling the bylines use', () => {
    expect(newsroom.authors.get('ana-lima')).toEqual({ slug: 'ana-lima', name: 'Ana Lima', count: 2 });
    expect(newsroom.articles[0]!.authors.map((a) => a.name)).toEqual(['Ana Lima', 'Tom Reed']);
  });

  it('gives an author with a profile a page (an empty list) before their first story, in slug order', () => {
    expect([...newsroom.authors.keys()]).toEqual(['ana-lima', 'bea-costa', 'tom-reed']);
    expect(newsroom.authors.get('bea-costa')).toEqual({ slug: 'bea-costa', name: 'Bea Costa', count: 0 });
    expect(newsroom.byAuthor.get('bea-costa')).toEqual([]);
    expect(newsroom.byAuthor.get('ana-lima')!.map((e) => e.article.slug)).toEqual(['two', 'one']);
  });
});
