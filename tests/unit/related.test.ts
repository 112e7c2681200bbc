import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/lib/related-index.ts';
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

describe('parseInstant', () => {
  it.each([
    '2024-10-25T17:13:00.000Z',
    '2024-02-29T23:59:59.999Z',
    '2000-02-29T12:00:00.000Z',
    '1969-12-31T23:59:59.999Z',
    '0100-01-01T00:00:00.000Z',
    // Read by Date.parse, not the fast path: an impossible day, an early year, hour 24, other forms.
    '2023-02-29T00:00:00.000Z',
    '1900-02-29T12:00:00.000Z',
    '2024-04-31T00:00:00.000Z',
    '0050-01-01T00:00:00.000Z',
    '2024-01-01T24:00:00.000Z',
    '2024-13-01T00:00:00.000Z',
    '2024-01-01T00:00:60.000Z',
    '2024-1a-01T00:00:00.000Z',
    '2024-10-25T17:13:00Z',
    '2024-10-25T19:13:00.000+02:00',
    '2024-10-25',
    'not a date',
  ])('should read %s exactly as Date.parse does', (iso) => {
    expect(parseInstant(iso)).toBe(Date.parse(iso));
  });

  it('should read random instants in toISOString form exactly as Date.parse does, valid or not', () => {
    const random = seeded(11);
    const field = (limit: number, width: number) => String(Math.floor(limit * random())).padStart(width, '0');
    for (let i = 0; i < 20_000; i++) {
      const iso = `${field(2200, 4)}-${field(14, 2)}-${field(33, 2)}T${field(26, 2)}:${field(62, 2)}:${field(62, 2)}.${field(1000, 3)}Z`;
      expect(parseInstant(iso), iso).toBe(Date.parse(iso));
    }
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

  it.each([-1, 2.5, Number.NaN])('should refuse a count of %s', (count) => {
    expect(() => computeRelated(corpus, count)).toThrow(RangeError);
  });

  it('should not depend on the input order', () => {
    const reversed = computeRelated([...corpus].reverse(), 5);
    expect([...reversed].sort()).toEqual([...related].sort());
    expect([...reversed.keys()]).toEqual(corpus.map((a) => a.slug).reverse());
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
  // Every way through the code (short lists read in full or not, pair lists, walks by date, records too
  // small for an article's tags, articles with more tags than a bit mask holds, pins, ties) against the
  // definition, on varied random corpora.
  const cases: CorpusCase[] = [
    { seed: 1, articles: 300, pool: 40, spread: 3, days: 20, count: 5 },
    { seed: 2, articles: 500, pool: 80, spread: 2, days: 200, count: 3 },
    { seed: 3, articles: 400, pool: 25, spread: 1, days: 5, count: 8 },
    { seed: 4, articles: 350, pool: 60, spread: 4, days: 60, count: 1 },
    { seed: 5, articles: 250, pool: 30, spread: 2, days: 3, count: 0 },
  ];
  it.each(cases)('should match the definition on random corpus $seed (count $count), whatever the scan limit', (corpusCase) => {
    const articles = randomCorpus(corpusCase);
    const expected = definition(articles, corpusCase.count);
    for (const scanLimit of [undefined, 0, 1, 3, 20, Infinity]) {
      const fast = computeRelated(articles, corpusCase.count, scanLimit === undefined ? {} : { scanLimit });
      for (const self of articles) {
        const { related, moreInSection } = fast.get(self.slug)!;
        expect(
          { related: related.map(({ slug, sharedTags, pinned }) => ({ slug, sharedTags, pinned })), moreInSection },
          `${self.slug}, scan limit ${scanLimit}`,
        ).toEqual(expected.get(self.slug));
      }
    }
  });

  it('should rank the same when tag numbers do not fit in 16 bits', () => {
    // 70,000 distinct tags: every article has seven of its own, and one or two shared ones.
    const random = seeded(7);
    const articles = Array.from({ length: 10_000 }, (_, i) => {
      const shared = new Set([`common-${Math.floor(20 * random() ** 2)}`, `common-${Math.floor(20 * random() ** 2)}`]);
      const own = Array.from({ length: 7 }, (_, k) => `own-${i}-${k}`);
      return article(`a${String(i).padStart(5, '0')}`, `2024-0${1 + (i % 9)}-1${i % 10}`, [...shared, ...own]);
    });
    const fast = computeRelated(articles, 5);
    for (const self of articles.filter((_, i) => i % 331 === 0)) {
      expect(
        fast.get(self.slug)!.related.map((l) => l.slug),
        self.slug,
      ).toEqual(bruteForce(articles, self, 5));
    }
  });
});

interface CorpusCase {
  seed: number;
  articles: number;
  /** Distinct tags; a `spread` above 1 makes low-numbered tags far more popular. */
  pool: number;
  spread: number;
  /** Distinct publication days: few days, many ties in distance. */
  days: number;
  count: number;
}

function randomCorpus({ seed, articles: n, pool, spread, days }: CorpusCase): RelatedCandidate[] {
  const random = seeded(seed);
  const pick = (length: number) => Math.floor(length * random());
  return Array.from({ length: n }, (_, i) => {
    // Mostly 0–6 tags; a few with 7–12 (from a full posting record to more than it holds) or 35 (more
    // than a bit mask holds).
    const roll = random();
    const count = Math.min(pool, roll < 0.01 ? 35 : roll < 0.05 ? 7 + pick(6) : pick(7));
    const tags = new Set<string>();
    while (tags.size < count) tags.add(`t${Math.floor(pool * random() ** spread)}`);
    const pinned = random() < 0.05 ? Array.from({ length: 1 + pick(4) }, () => (random() < 0.2 ? 'gone' : `a${pick(n)}`)) : [];
    const date = new Date(Date.UTC(2024, 0, 1 + pick(days), random() < 0.5 ? 12 : pick(24)));
    return { slug: `a${i}`, date: date.toISOString(), sectionSlug: `s${pick(3)}`, tagSlugs: [...tags], pinned };
  });
}

/**
 * Related and More in section straight from the definition (docs/related.md): every other
 * article is scored; pins first; sums equal to nine decimals are ties, broken by date distance, then slug.
 */
function definition(articles: RelatedCandidate[], count: number) {
  const df = documentFrequencies(articles);
  const weight = (tag: string) => tagWeight(articles.length, df.get(tag)!);
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const time = (a: RelatedCandidate) => Date.parse(a.date);
  const shared = (self: RelatedCandidate, other: RelatedCandidate) =>
    self.tagSlugs.filter((t) => other.tagSlugs.includes(t)).sort((x, y) => weight(y) - weight(x) || (x < y ? -1 : 1));
  return new Map(
    articles.map((self) => {
      const pins = [...new Set(self.pinned)].filter((slug) => slug !== self.slug && bySlug.has(slug));
      const ranked = articles
        .filter((other) => other !== self && !pins.includes(other.slug))
        .map((other) => ({ other, tags: shared(self, other) }))
        .filter(({ tags }) => tags.length > 0)
        .map(({ other, tags }) => ({ other, tags, score: quantize(tags.reduce((sum, t) => sum + weight(t), 0)) }))
        .sort(
          (x, y) =>
            y.score - x.score ||
            Math.abs(time(x.other) - time(self)) - Math.abs(time(y.other) - time(self)) ||
            (x.other.slug < y.other.slug ? -1 : 1),
        )
        .slice(0, Math.max(0, count - pins.length));
      const related = [
        ...pins.slice(0, count).map((slug) => ({ slug, sharedTags: shared(self, bySlug.get(slug)!), pinned: true })),
        ...ranked.map(({ other, tags }) => ({ slug: other.slug, sharedTags: tags, pinned: false })),
      ];
      const listed = new Set([self.slug, ...related.map((l) => l.slug)]);
      const moreInSection = articles
        .filter((other) => other.sectionSlug === self.sectionSlug && !listed.has(other.slug))
        .sort((x, y) => time(y) - time(x) || (x.slug < y.slug ? -1 : 1))
        .slice(0, Math.max(0, count - related.length))
        .map((other) => other.slug);
      return [self.slug, { related, moreInSection }];
    }),
  );
}

/** Reference ranking: score every other article directly. */
function bruteForce(articles: RelatedCandidate[], self: RelatedCandidate, count: number): string[] {
  const df = documentFrequencies(articles);
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

const frequencies = new WeakMap<RelatedCandidate[], Map<string, number>>();

/** How many articles use each tag (computed once per corpus). */
function documentFrequencies(articles: RelatedCandidate[]): Map<string, number> {
  let df = frequencies.get(articles);
  if (!df) {
    df = new Map();
    for (const a of articles) for (const t of a.tagSlugs) df.set(t, (df.get(t) ?? 0) + 1);
    frequencies.set(articles, df);
  }
  return df;
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}
