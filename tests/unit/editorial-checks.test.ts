import { describe, expect, it } from 'vitest';
import { nearest } from '../../src/lib/article/suggest.ts';
import { foldTag } from '../../src/lib/slug.ts';
import {
  checkEditorial,
  fewEdits,
  sameFirstLetter,
  MAX_HEADLINE_LENGTH,
  MAX_STANDFIRST_LENGTH,
  visibleLength,
  type EditorialArticle,
} from '../../src/lib/editorial-checks.ts';
import { compareText, formatProblem, formatReport } from '../../src/lib/problems.ts';

/** An article with a short headline and no standfirst, so only what a test sets can warn. */
const article = (file: string, tags: string[], extra: Partial<EditorialArticle> = {}): EditorialArticle => ({
  file,
  title: 'A headline',
  tags,
  ...extra,
});
const report = (articles: EditorialArticle[]) => checkEditorial(articles).map(formatProblem);

describe('editorial checks: public API', () => {
  it('should export the checks and the limits', () => {
    expect(typeof checkEditorial).toBe('function');
    expect(typeof visibleLength).toBe('function');
    expect([MAX_HEADLINE_LENGTH, MAX_STANDFIRST_LENGTH]).toEqual([110, 200]);
  });

  it('should report nothing for an empty collection', () => {
    expect(checkEditorial([])).toEqual([]);
  });
});

describe('foldTag', () => {
  it.each([
    ['North Korea', 'northkorea'],
    ['north korea', 'northkorea'],
    ['NorthKorea', 'northkorea'],
    ['Nörth Koréa', 'northkorea'],
    ['north-korea', 'northkorea'],
    ['  NORTH   KOREA. ', 'northkorea'],
    ['ＮＯＲＴＨ Korea', 'northkorea'], // full-width letters (NFKD)
    ["Côte d'Ivoire", 'cotedivoire'],
    ['COP29', 'cop29'],
    ['Москва', 'москва'],
    ['北朝鮮', '北朝鮮'],
    ['🔥', ''],
    // Marks that make another word in other scripts are kept, as in URLs (slug.ts): プ is not フ, काम is not कम.
    ['プール', 'プール'],
    ['काम', 'काम'],
  ])('should fold %j to %j', (tag, key) => {
    expect(foldTag(tag)).toBe(key);
  });
});

describe('tag spellings', () => {
  it('should say nothing when two articles write a tag the same way', () => {
    expect(checkEditorial([article('a.md', ['North Korea']), article('b.md', ['North Korea'])])).toEqual([]);
  });

  it('should warn every file using another spelling than the most used, whatever the case, accents, spacing or punctuation', () => {
    const problems = checkEditorial([
      article('a.md', ['North Korea']),
      article('b.md', ['North Korea']),
      article('c.md', ['North Korea']),
      article('d.md', ['north korea']),
      article('e.md', ['NorthKorea']),
      article('f.md', ['Nörth Korea']),
      article('g.md', ['North-Korea']),
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'd.md: tags: "north korea" is also written "North Korea" (3 articles) (use one spelling: write "North Korea")',
      'e.md: tags: "NorthKorea" is also written "North Korea" (3 articles) (use one spelling: write "North Korea")',
      'f.md: tags: "Nörth Korea" is also written "North Korea" (3 articles) (use one spelling: write "North Korea")',
      'g.md: tags: "North-Korea" is also written "North Korea" (3 articles) (use one spelling: write "North Korea")',
    ]);
    expect(problems.every((p) => p.severity === 'warning' && p.line === undefined)).toBe(true);
  });

  it('should prefer the first spelling in code-unit order when two are used equally', () => {
    expect(report([article('a.md', ['eu']), article('b.md', ['EU'])])).toEqual([
      'a.md: tags: "eu" is also written "EU" (1 article) (use one spelling: write "EU")',
    ]);
  });

  it('should give the same warnings whatever the order of the articles', () => {
    const articles = [
      article('a.md', ['Kim Jong Un', 'Russia']),
      article('b.md', ['kim jong un', 'Russia']),
      article('c.md', ['Kim Jong Un', 'russia']),
      article('d.md', ['Kim Jong-Un', 'Russia', 'Pyongyan']),
    ];
    expect(checkEditorial([...articles].reverse())).toEqual(checkEditorial(articles));
  });
});

describe('one-off tags', () => {
  it('should warn about a tag no other article uses and suggest the closest established tag', () => {
    expect(report([article('a.md', ['Pyongyang']), article('b.md', ['Pyongyang']), article('c.md', ['Pyongyan', 'Pyongyang'])])).toEqual([
      'c.md: tags: "Pyongyan" is used by no other article (did you mean "Pyongyang"?)',
    ]);
  });

  it('should say to check the spelling when no established tag is close', () => {
    expect(report([article('a.md', ['Weather']), article('b.md', ['Weather', 'Europa Clipper'])])).toEqual([
      'b.md: tags: "Europa Clipper" is used by no other article (check the spelling, or keep it if this is a new topic)',
    ]);
  });

  it('should be one line in a report when there are more than a few, with each one listed on demand', () => {
    const articles = ['Aviation', 'Budget', 'Chess', 'Drones', 'Elections'].map((tag, i) => article(`${i}.md`, ['Weather', tag]));
    const problems = checkEditorial(articles);
    expect(formatReport(problems, { groupOver: 3, details: '  (--details lists each)' }).split('\n')).toEqual([
      '  warning 5 tags used by one article only (check their spelling, or keep them for new topics): Aviation, Budget, Chess, Drones, Elections',
      '  (--details lists each)',
      '0 errors in 0 files, 5 warnings.',
    ]);
    expect(formatReport(problems).split('\n')).toHaveLength(6);
    expect(formatReport(problems.slice(0, 3), { groupOver: 3 }).split('\n')).toHaveLength(4);
  });

  it('should not suggest one one-off tag for another', () => {
    expect(report([article('a.md', ['Pyongyang']), article('b.md', ['Pyongyan'])])).toEqual([
      'a.md: tags: "Pyongyang" is used by no other article (check the spelling, or keep it if this is a new topic)',
      'b.md: tags: "Pyongyan" is used by no other article (check the spelling, or keep it if this is a new topic)',
    ]);
  });

  it('should not warn in a collection of one article, where every tag is used once', () => {
    expect(checkEditorial([article('a.md', ['Pyongyan', 'Weather'])])).toEqual([]);
  });

  it('should count a tag written two ways by two articles as shared, not as two one-offs', () => {
    expect(report([article('a.md', ['Weather']), article('b.md', ['weather'])])).toEqual([
      'b.md: tags: "weather" is also written "Weather" (1 article) (use one spelling: write "Weather")',
    ]);
  });

  it('should suggest what nearest() suggests over every established tag with the same first letter, within one edit per four letters', () => {
    // Many near-identical names, so the index has to find every candidate within two edits, in order.
    let seed = 7;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const word = () => Array.from({ length: 2 + Math.floor(random() * 6) }, () => 'abcde'[Math.floor(random() * 5)]).join('');
    const established = [...new Set(Array.from({ length: 150 }, word))];
    const oneOffs = [...new Set(Array.from({ length: 150 }, word))].filter((tag) => !established.includes(tag));
    const articles = [
      ...established.flatMap((tag) => [article(`e1-${tag}.md`, [tag]), article(`e2-${tag}.md`, [tag])]),
      ...oneOffs.map((tag) => article(`o-${tag}.md`, [tag])),
    ];
    const hints = new Map(checkEditorial(articles).map((p) => [p.file, p.hint]));
    const sorted = [...established].sort(compareText);
    for (const tag of oneOffs) {
      const nearby = nearest(
        tag,
        sorted.filter((candidate) => sameFirstLetter(tag, candidate)),
      );
      const guess = nearby !== undefined && fewEdits(tag, nearby) ? nearby : undefined;
      expect(hints.get(`o-${tag}.md`), tag).toBe(
        guess ? `did you mean "${guess}"?` : 'check the spelling, or keep it if this is a new topic',
      );
    }
    expect(oneOffs.length).toBeGreaterThan(20);
    expect([...hints.values()].filter((hint) => hint?.startsWith('did you mean')).length).toBeGreaterThan(10);
  });

  it('should not take one real name for a typo of another', () => {
    const hintFor = (oneOff: string, established: string) =>
      checkEditorial([article('a.md', [established]), article('b.md', [established]), article('c.md', [oneOff])]).find(
        (p) => p.file === 'c.md',
      )?.hint;
    expect(hintFor('NATO', 'NASA')).toBe('check the spelling, or keep it if this is a new topic');
    expect(hintFor('South Korea', 'North Korea')).toBe('check the spelling, or keep it if this is a new topic');
    expect(hintFor('Pyongyan', 'Pyongyang')).toBe('did you mean "Pyongyang"?');
  });
});

describe('headline and standfirst length', () => {
  const headline = (length: number) => 'h'.repeat(length);

  it.each([
    ['accept', MAX_HEADLINE_LENGTH, false],
    ['warn about', MAX_HEADLINE_LENGTH + 1, true],
  ])('should %s a %i-character headline', (_, length, warns) => {
    expect(report([article('a.md', [], { title: headline(length) })])).toEqual(
      warns
        ? [
            'a.md: title: is 111 characters long; search engines expect a news headline of 110 at most (shorten the headline to 110 characters or fewer)',
          ]
        : [],
    );
  });

  it.each([
    ['accept', MAX_STANDFIRST_LENGTH, false],
    ['warn about', MAX_STANDFIRST_LENGTH + 1, true],
  ])('should %s a %i-character standfirst', (_, length, warns) => {
    const problems = checkEditorial([article('a.md', [], { description: 's'.repeat(length) })]);
    expect(problems.map((p) => [p.severity, p.field, p.message])).toEqual(
      warns ? [['warning', 'description', 'is 201 characters long; search results and link previews show about 200 at most']] : [],
    );
  });

  it('should count characters as readers see them, not code units', () => {
    const accented = 'e\u0301'.repeat(MAX_HEADLINE_LENGTH); // 220 code units, 110 characters
    const flags = '🇫🇷'.repeat(MAX_STANDFIRST_LENGTH); // 800 code units, 200 characters
    expect(checkEditorial([article('a.md', [], { title: accented, description: flags })])).toEqual([]);
    expect(report([article('a.md', [], { title: `${accented}!` })])).toEqual([
      expect.stringContaining('a.md: title: is 111 characters long'),
    ]);
  });

  it.each([
    ['Nörth Korea', 11],
    ['Ne\u0301e', 3],
    ['👩‍👩‍👧 family', 8],
    ['line\r\nbreak', 10],
    ['東京', 2],
  ])('should count %j as %i characters', (text, length) => {
    expect(visibleLength(text)).toBe(length);
  });
});
