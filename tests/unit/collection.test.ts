import { describe, expect, it } from 'vitest';
import { checkCollection } from '../../src/lib/article/collection-checks.ts';
import { formatProblem, formatReport, sortProblems, type Problem } from '../../src/lib/problems.ts';
import { publicationStatus } from '../../src/lib/publishing.ts';
import { collectNamed } from '../../src/lib/tags.ts';

describe('checkCollection', () => {
  it('should name both files of a duplicate slug', () => {
    const problems = checkCollection([
      { slug: 'same', file: 'content/world/same.md', related: [], status: 'published' },
      { slug: 'same', file: 'content/politics/same.md', related: [], status: 'published' },
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'content/politics/same.md: slug: "same" is also the slug of content/world/same.md (rename one of the files, or give one of them another `slug:`)',
      'content/world/same.md: slug: "same" is also the slug of content/politics/same.md (rename one of the files, or give one of them another `slug:`)',
    ]);
  });

  it('should refuse a pin to an unknown slug and warn about a pin to an unpublished article', () => {
    const problems = checkCollection([
      { slug: 'a', file: 'a.md', related: ['ghost', 'b', 'c'], status: 'published' },
      { slug: 'b', file: 'b.md', related: [], status: 'draft' },
      { slug: 'c', file: 'c.md', related: [], status: 'scheduled' },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', field: 'related', message: '"ghost" is not the slug of any article' }),
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('"b" is a draft') }),
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('"c" is scheduled') }),
    ]);
  });

  it('should warn about pins to itself, repeated pins and more pins than Related shows', () => {
    const problems = checkCollection(
      [
        { slug: 'a', file: 'a.md', related: ['a', 'b', 'b', 'c'], status: 'published' },
        { slug: 'b', file: 'b.md', related: [], status: 'published' },
        { slug: 'c', file: 'c.md', related: [], status: 'published' },
      ],
      [],
      2,
    );
    expect(problems.map((p) => `${p.severity} ${p.message}`)).toEqual([
      'warning lists the article itself; that pin is ignored',
      'warning lists "b" more than once; the repeat is ignored',
      'warning pins 3 articles but Related shows 2; the last pins are not shown',
    ]);
  });

  it('should say when a pin names a file that failed', () => {
    const problems = checkCollection(
      [{ slug: 'a', file: 'a.md', related: ['broken'], status: 'published' }],
      [{ slug: 'broken', file: 'content/broken.md' }],
    );
    expect(problems[0]?.message).toBe('"broken" is content/broken.md, which has errors of its own');
  });
});

describe('checkCollection: links between articles', () => {
  const link = (written: string, target: string, line = 7) => ({ written, target, fragment: '', text: 'x', line });
  const linker = (...links: ReturnType<typeof link>[]) => ({
    slug: 'linker',
    file: 'content/world/linker.md',
    relPath: 'world/linker.md',
    related: [],
    status: 'published' as const,
    articleLinks: links,
  });
  const article = (relPath: string, status: 'published' | 'draft' | 'scheduled' = 'published') => ({
    slug: relPath.replace(/^.*\/|\.md$/g, ''),
    file: `content/${relPath}`,
    relPath,
    related: [],
    status,
  });

  it('should accept links to published articles', () => {
    const problems = checkCollection([
      linker(link('./b.md', 'world/b.md'), link('../politics/c/index.md', 'politics/c/index.md')),
      article('world/b.md'),
      article('politics/c/index.md'),
    ]);
    expect(problems).toEqual([]);
  });

  it('should name the file, the link and the fix when no article is at the target', () => {
    const problems = checkCollection([linker(link('./other.md', 'world/other.md'))]);
    expect(problems.map(formatProblem)).toEqual([
      'content/world/linker.md:7: link ./other.md ("x"): no article at content/world/other.md (check the file name)',
    ]);
  });

  it('should say when the target has errors of its own, or is set aside', () => {
    const problems = checkCollection(
      [linker(link('./broken.md', 'world/broken.md', 3), link('../_drafts/c.md', '_drafts/c.md', 4))],
      [{ slug: 'broken', file: 'content/world/broken.md', relPath: 'world/broken.md' }],
      undefined,
      ['_drafts/c.md'],
    );
    expect(problems.map(formatProblem)).toEqual([
      'content/world/linker.md:3: link ./broken.md ("x"): content/world/broken.md has errors of its own (fix that file (see its errors in this report))',
      'content/world/linker.md:4: link ../_drafts/c.md ("x"): content/_drafts/c.md is set aside (a name starting with . or _) and never published (rename the file or its folder, or remove the link)',
    ]);
  });

  it('should warn that a link to a draft or a scheduled article is text until it is published', () => {
    const problems = checkCollection([
      linker(link('./d.md', 'world/d.md'), link('./s.md', 'world/s.md')),
      article('world/d.md', 'draft'),
      article('world/s.md', 'scheduled'),
    ]);
    expect(problems.map((p) => `${p.severity} ${p.message}`)).toEqual([
      'warning link ./d.md ("x"): content/world/d.md is a draft; the link is shown as plain text until it is published',
      'warning link ./s.md ("x"): content/world/s.md is scheduled; the link is shown as plain text until it is published',
    ]);
  });

  it('should show a target outside the project by the same folder as the linking file', () => {
    const problems = checkCollection([{ ...linker(link('b.md', 'world/b.md')), file: '/srv/news/world/linker.md' }]);
    expect(problems[0]?.message).toBe('link b.md ("x"): no article at /srv/news/world/b.md');
  });
});

describe('checkCollection: names that would share a page', () => {
  const named = (file: string, names: { section?: string; tags?: string[]; authors?: string[] }) => ({
    slug: file.replace(/^.*\/|\.md$/g, ''),
    file,
    related: [],
    status: 'published' as const,
    ...names,
  });

  it('should name both files, both spellings and the URL when two tags differ by more than spelling', () => {
    const problems = checkCollection([named('content/tech/a.md', { tags: ['U.S.'] }), named('content/tech/b.md', { tags: ['US'] })]);
    expect(sortProblems(problems).map(formatProblem)).toEqual([
      expect.stringMatching(
        /^content\/tech\/a\.md: tags: "U\.S\." has the same URL, \/tags\/us\/, as "US" \(content\/tech\/b\.md\) \(punctuation and symbols are left out of URLs: .*"United States"\)$/,
      ),
      expect.stringMatching(/^content\/tech\/b\.md: tags: "US" has the same URL, \/tags\/us\/, as "U\.S\." \(content\/tech\/a\.md\) \(/),
    ]);
  });

  it('should merge names that differ only in case, accents, spacing or hyphens', () => {
    const problems = checkCollection([
      named('a.md', { section: 'Middle East', tags: ['North Korea'], authors: ['Lee Min-ho'] }),
      named('b.md', { section: 'middle-east', tags: ['north  korea'], authors: ['lee min ho'] }),
      named('c.md', { section: 'Middle east', tags: ['Nörth-Koréa'], authors: ['Lee Min Ho'] }),
    ]);
    expect(problems).toEqual([]);
  });

  it('should blame the less used spelling, naming the established one and how many files use it', () => {
    const problems = checkCollection([
      named('a.md', { tags: ['U.S.'] }),
      named('b.md', { tags: ['u.s.'] }),
      named('c.md', { tags: ['U.S.'] }),
      named('d.md', { tags: ['US'] }),
    ]);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^d\.md: tags: "US" has the same URL, \/tags\/us\/, as "U\.S\." \(a\.md and 2 other files\) \(/),
    ]);
  });

  it('should check sections and authors the same way, drafts and scheduled articles included', () => {
    const problems = checkCollection([
      { ...named('a.md', { section: 'U.S.', authors: ["Sam O'Neil"] }), status: 'draft' },
      { ...named('b.md', { section: 'US', authors: ['Sam ONeil'] }), status: 'scheduled' },
    ]);
    expect(sortProblems(problems).map((p) => `${p.file} ${p.field}: ${p.message}`)).toEqual([
      'a.md authors: "Sam O\'Neil" has the same URL, /authors/sam-oneil/, as "Sam ONeil" (b.md)',
      'a.md section: "U.S." has the same URL, /us/, as "US" (b.md)',
      'b.md authors: "Sam ONeil" has the same URL, /authors/sam-oneil/, as "Sam O\'Neil" (a.md)',
      'b.md section: "US" has the same URL, /us/, as "U.S." (a.md)',
    ]);
  });

  it('should leave names that make no URL to the parser, which refuses them', () => {
    expect(checkCollection([named('a.md', { tags: ['🔥'] }), named('b.md', { tags: ['🇫🇷'] })])).toEqual([]);
  });
});

describe('problem reports', () => {
  const problems: Problem[] = [
    {
      severity: 'warning',
      file: 'b.md',
      line: 2,
      field: 'titel',
      message: 'is not a field Dateline knows; it is ignored',
      hint: 'did you mean `title`?',
    },
    { severity: 'error', file: 'b.md', line: 3, field: 'date', message: 'is missing' },
    { severity: 'error', file: 'a.md', line: 1, message: 'the file is empty' },
  ];

  it('should sort by file then line', () => {
    expect(sortProblems(problems).map((p) => `${p.file}:${p.line}`)).toEqual(['a.md:1', 'b.md:2', 'b.md:3']);
  });

  it('should list errors, then warnings, then a count', () => {
    expect(formatReport(problems)).toBe(
      [
        '  error   a.md:1: the file is empty',
        '  error   b.md:3: date: is missing',
        '  warning b.md:2: titel: is not a field Dateline knows; it is ignored (did you mean `title`?)',
        '2 errors in 2 files, 1 warning.',
      ].join('\n'),
    );
  });
});

describe('publicationStatus', () => {
  const now = new Date('2025-01-01T00:00:00Z');
  it.each([
    [{ draft: true, date: { iso: '2024-01-01T00:00:00.000Z' } }, 'draft'],
    [{ draft: false, date: { iso: '2025-01-01T00:00:00.000Z' } }, 'published'],
    [{ draft: false, date: { iso: '2025-01-01T00:00:00.001Z' } }, 'scheduled'],
    // Taken down by the first build at or after its expires time; a draft stays a draft.
    [{ draft: false, date: { iso: '2024-01-01T00:00:00.000Z' }, expires: '2025-01-01T00:00:00.000Z' }, 'expired'],
    [{ draft: false, date: { iso: '2024-01-01T00:00:00.000Z' }, expires: '2025-01-01T00:00:00.001Z' }, 'published'],
    [{ draft: true, date: { iso: '2024-01-01T00:00:00.000Z' }, expires: '2024-06-01T00:00:00.000Z' }, 'draft'],
  ] as const)('should classify %j as %s', (article, status) => {
    expect(publicationStatus(article, now)).toBe(status);
  });
});

describe('collectNamed', () => {
  it('should pick the most used spelling, and on a tie the first in code-point order', () => {
    const tags = collectNamed([['north korea'], ['North Korea'], ['North Korea'], ['AI'], ['Ai']]);
    expect([...tags.values()]).toEqual([
      { slug: 'ai', name: 'AI', count: 2 },
      { slug: 'north-korea', name: 'North Korea', count: 3 },
    ]);
  });
});
