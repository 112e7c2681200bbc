import { describe, expect, it } from 'vitest';
import { computeRelated, quantize, tagWeight, type RelatedCandidate } from '../../src/lib/related.ts';

function article(slug: string, date: string, tagSlugs: string[], extra: Partial<RelatedCandidate> = {}): RelatedCandidate {
  return { slug, date: `${date}T12:00:00.000Z`, sectionSlug: 'world', tagSlugs, pinned: [], ...extra };
}

describe('tagWeight', () => {
  it('should weigh a rare tag above a common one, and stay positive for a tag on every article', () => {
    expect(tagWeight(100, 2)).toBeGreaterThan(tagWeight(100, 50));
    expect(tagWeight(100, 100)).toBeGreaterThan(0);
  });
});

describe('computeRelated', () => {
  // "world" is on every article, "north-korea" on three, "kim" and "russia" on two.
  const corpus = [
    article('nk-troops', '2024-10-25', ['world', 'north-korea', 'russia', 'kim']),
    article('kim-visit', '2024-06-19', ['world', 'kim', 'north-korea']),
    article('russia-sanctions', '2024-10-20', ['world', 'russia', 'europe']),
    article('eu-summit', '2024-10-24', ['world', 'europe']),
    article('nk-missile', '2024-11-01', ['world', 'north-korea']),
    article('weather', '2024-10-25', ['world']),
  ];
  const related = computeRelated(corpus, 5);
  const slugs = (slug: string) => related.get(slug)!.related.map((link) => link.slug);

  it('should rank by the sum of shared tags weighted by rarity', () => {
    // kim-visit shares three tags; russia (df 2) outweighs north-korea (df 3); the two that share only
    // "world" tie and the one published the same day comes first.
    expect(slugs('nk-troops')).toEqual(['kim-visit', 'russia-sanctions', 'nk-missile', 'weather', 'eu-summit']);
  });

  it('should explain each link with the shared tags, rarest first', () => {
    expect(related.get('nk-troops')!.related[0]).toEqual({
      slug: 'kim-visit',
      score: quantize(tagWeight(6, 2) + tagWeight(6, 3) + tagWeight(6, 6)),
      sharedTags: ['kim', 'north-korea', 'world'],
      pinned: false,
    });
  });

  it('should never list the article itself', () => {
    for (const [slug, list] of related) expect(list.related.map((l) => l.slug)).not.toContain(slug);
  });

  it('should break score ties by closer publication date, then slug', () => {
    const tied = computeRelated(
      [
        article('a-self', '2024-10-10', ['x']),
        article('far', '2024-01-01', ['x']),
        article('near', '2024-10-12', ['x']),
        article('b-same-gap', '2024-10-08', ['x']),
        article('c-same-gap', '2024-10-12', ['x']),
      ],
      5,
    );
    expect(tied.get('a-self')!.related.map((l) => l.slug)).toEqual(['b-same-gap', 'c-same-gap', 'near', 'far']);
  });

  it('should put pinned articles first, in the editor order, even without a shared tag', () => {
    const pinned = computeRelated(
      [...corpus.slice(1), article('nk-troops', '2024-10-25', ['kim'], { pinned: ['weather', 'eu-summit'] })],
      3,
    );
    expect(pinned.get('nk-troops')!.related).toEqual([
      { slug: 'weather', score: Infinity, sharedTags: [], pinned: true },
      { slug: 'eu-summit', score: Infinity, sharedTags: [], pinned: true },
      expect.objectContaining({ slug: 'kim-visit', pinned: false }),
    ]);
  });

  it('should ignore pins to unknown slugs, to itself, and repeated pins', () => {
    const list = computeRelated([article('a', '2024-01-01', [], { pinned: ['gone', 'a', 'b', 'b'] }), article('b', '2024-01-02', [])], 5);
    expect(list.get('a')!.related.map((l) => l.slug)).toEqual(['b']);
  });

  it('should list only articles that share a tag, and fill up with More in section, newest first', () => {
    const sparse = computeRelated(
      [
        article('self', '2024-10-10', ['rare']),
        article('mate', '2024-09-01', ['rare']),
        article('newest', '2024-12-01', []),
        article('older', '2024-11-01', []),
        article('other-section', '2024-12-02', [], { sectionSlug: 'culture' }),
      ],
      3,
    );
    expect(sparse.get('self')).toEqual({
      related: [expect.objectContaining({ slug: 'mate' })],
      moreInSection: ['newest', 'older'],
    });
  });

  it('should leave More in section empty when Related is full', () => {
    expect(related.get('nk-troops')!.moreInSection).toEqual([]);
  });

  it('should treat sums equal on paper as ties and let the date decide', () => {
    // ln(1+8/6) + ln(1+8/7) = ln 5 = ln(1+8/2): x-same-day and y-far tie, and x-same-day is closer.
    const list = computeRelated(
      [
        article('self', '2024-10-10', ['p', 'q', 'r']),
        article('x-same-day', '2024-10-10', ['p', 'q']),
        article('y-far', '2024-10-01', ['r']),
        article('o1', '2024-01-01', ['p', 'q']),
        article('o2', '2024-01-01', ['p', 'q']),
        article('o3', '2024-01-01', ['p', 'q']),
        article('o4', '2024-01-01', ['p', 'q']),
        article('o5', '2024-01-01', ['q']),
      ],
      2,
      { scanLimit: 0 },
    );
    expect(list.get('self')!.related.map((l) => l.slug)).toEqual(['x-same-day', 'y-far']);
  });

  it('should not fail when pins fill the list, whatever the tags', () => {
    const articles = Array.from({ length: 8 }, (_, i) =>
      article(`a${i}`, '2024-01-01', ['world'], i === 0 ? { pinned: ['a1', 'a2'] } : {}),
    );
    for (const scanLimit of [0, 512]) {
      expect(
        computeRelated(articles, 2, { scanLimit })
          .get('a0')!
          .related.map((l) => l.slug),
      ).toEqual(['a1', 'a2']);
    }
  });

  it('should not depend on the input order', () => {
    const reversed = computeRelated([...corpus].reverse(), 5);
    expect([...reversed].sort()).toEqual([...related].sort());
  });

  it('should give exactly the brute-force ranking on a large random corpus', () => {
    const random = seeded(42);
    const pool = Array.from({ length: 60 }, (_, i) => `t${i}`);
    const articles = Array.from({ length: 400 }, (_, i) => {
      const tags = new Set<string>();
      const count = 1 + Math.floor(random() * 5);
      // Long-tailed popularity: low-numbered tags are picked far more often.
      while (tags.size < count) tags.add(pool[Math.floor(pool.length * random() ** 3)]!);
      const day = 1 + Math.floor(random() * 28);
      // Few distinct dates, so many candidates tie on score and distance and the slug decides.
      return article(`a${String(i).padStart(3, '0')}`, `2024-0${1 + (i % 9)}-${String(day).padStart(2, '0')}`, [...tags]);
    });
    const expected = new Map(articles.map((self) => [self.slug, bruteForce(articles, self, 5)]));
    // Every scan limit takes another path (read every posting list, none, or some) to the same ranking.
    for (const scanLimit of [undefined, 0, 3, 20]) {
      const fast = computeRelated(articles, 5, scanLimit === undefined ? {} : { scanLimit });
      for (const self of articles) {
        expect(
          fast.get(self.slug)!.related.map((l) => l.slug),
          `${self.slug}, scan limit ${scanLimit}`,
        ).toEqual(expected.get(self.slug));
      }
    }
  });
});

/** Reference ranking: score every other article directly. */
function bruteForce(articles: RelatedCandidate[], self: RelatedCandidate, count: number): string[] {
  const df = new Map<string, number>();
  for (const a of articles) for (const t of a.tagSlugs) df.set(t, (df.get(t) ?? 0) + 1);
  const at = Date.parse(self.date);
  return articles
    .filter((a) => a.slug !== self.slug)
    .map((a) => ({
      a,
      score: a.tagSlugs.filter((t) => self.tagSlugs.includes(t)).reduce((s, t) => s + tagWeight(articles.length, df.get(t)!), 0),
    }))
    .filter(({ score }) => score > 0)
    .sort((x, y) => {
      const byScore = y.score - x.score;
      if (Math.abs(byScore) > 1e-9) return byScore;
      return Math.abs(Date.parse(x.a.date) - at) - Math.abs(Date.parse(y.a.date) - at) || (x.a.slug < y.a.slug ? -1 : 1);
    })
    .slice(0, count)
    .map(({ a }) => a.slug);
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}
