import { describe, expect, it } from 'vitest';
import { parseArticle, type ArticleSource } from '../../src/lib/article/parse.ts';

const options = { timeZone: 'Europe/Paris', sections: ['World', 'Politics'] };

function source(text: string, relPath = 'world/story.md', extra: Partial<ArticleSource> = {}): ArticleSource {
  return { file: `content/${relPath}`, relPath, bytes: new TextEncoder().encode(text), ...extra };
}

const valid = `---
title: "North Korea readies troops"
date: 2024-10-25T19:13:00
tags: [North Korea, Russia]
description: Seoul says thousands of soldiers are training in Russia.
---

Seoul's spy agency said on **Friday** that troops were training.

## Background

More text.
`;

describe('parseArticle: a valid article', () => {
  const { article, problems } = parseArticle(source(valid), options);

  it('should report no problems', () => {
    expect(problems).toEqual([]);
  });

  it('should type the frontmatter', () => {
    expect(article).toMatchObject({
      slug: 'story',
      file: 'content/world/story.md',
      title: 'North Korea readies troops',
      date: { iso: '2024-10-25T17:13:00.000Z', hasTime: true },
      section: 'World',
      sectionSlug: 'world',
      tags: ['North Korea', 'Russia'],
      authors: [],
      description: 'Seoul says thousands of soldiers are training in Russia.',
      draft: false,
      related: [],
    });
  });

  it('should render the body with heading anchors, an excerpt, word count and reading time', () => {
    expect(article?.html).toContain('<h2 id="background">Background</h2>');
    expect(article?.headings).toEqual([{ depth: 2, slug: 'background', text: 'Background' }]);
    expect(article?.excerpt).toBe("Seoul's spy agency said on Friday that troops were training.");
    expect(article?.wordCount).toBe(13);
    expect(article?.readingMinutes).toBe(1);
  });
});

describe('parseArticle: sections, slugs and tags', () => {
  it('should take the section from the first folder, with the configured spelling', () => {
    expect(parseArticle(source(valid, 'politics/x.md'), options).article?.section).toBe('Politics');
  });

  it('should let the section field name the section of a top-level file', () => {
    const text = valid.replace('tags:', 'section: Politics\ntags:');
    expect(parseArticle(source(text, 'x.md'), options).article).toMatchObject({ section: 'Politics', sectionSlug: 'politics' });
  });

  it('should refuse a folder that is not a configured section, naming the section to add', () => {
    const { article, problems } = parseArticle(source(valid, 'climate-desk/x.md'), options);
    expect(article).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 1,
        field: 'section',
        message: "the folder climate-desk/ is not one of the newsroom's sections",
        hint: 'the sections are World, Politics: move the file into one of their folders (or set section:), or add "Climate desk" to sections in src/site.config.ts',
      }),
    ]);
  });

  it('should refuse a misspelt section with the configured one it is closest to', () => {
    const text = valid.replace('tags:', 'section: Polticis\ntags:');
    const { article, problems } = parseArticle(source(text, 'world/x.md'), options);
    expect(article).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'section',
        message: `"Polticis" is not one of the newsroom's sections`,
        hint: 'did you mean "Politics"? the sections are World, Politics; a new section is one line in sections in src/site.config.ts',
      }),
    ]);
  });

  it('should suggest a misspelt folder by its folder name', () => {
    const { problems } = parseArticle(source(valid, 'wrold/x.md'), options);
    expect(problems[0]?.hint).toMatch(/^did you mean world\/\? /);
  });

  it('should accept a configured section however the file writes it', () => {
    const text = valid.replace('tags:', 'section: POLITICS\ntags:');
    expect(parseArticle(source(text, 'x.md'), options).article).toMatchObject({ section: 'Politics', sectionSlug: 'politics' });
  });

  it('should require a section for a top-level file, naming the field and what to do', () => {
    const { article, problems } = parseArticle(source(valid, 'x.md'), options);
    expect(article).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        field: 'section',
        message: 'is missing',
        hint: expect.stringContaining('section folder'),
      }),
    ]);
  });

  it('should refuse a section that takes a name the site uses', () => {
    const { problems } = parseArticle(source(valid.replace('tags:', 'section: Tags\ntags:'), 'x.md'), options);
    expect(problems[0]).toMatchObject({ field: 'section', message: expect.stringContaining('uses for its own pages') });
  });

  it('should slug the file name, or the slug field when given', () => {
    expect(parseArticle(source(valid, 'world/Kim Jong-un Visit.md'), options).article?.slug).toBe('kim-jong-un-visit');
    const text = valid.replace('tags:', 'slug: Custom Slug\ntags:');
    expect(parseArticle(source(text), options).article?.slug).toBe('custom-slug');
  });

  it('should keep one spelling per tag slug within an article', () => {
    const text = valid.replace('[North Korea, Russia]', '[North Korea, north korea, Russia]');
    expect(parseArticle(source(text), options).article?.tags).toEqual(['North Korea', 'Russia']);
  });

  it('should refuse a tag that cannot make a URL', () => {
    const { problems } = parseArticle(source(valid.replace('Russia]', '🔥]')), options);
    expect(problems).toEqual([expect.objectContaining({ field: 'tags', line: 4, message: expect.stringContaining('"🔥"') })]);
  });

  it("should refuse to publish an empty body or the scaffold's placeholder, and keep a draft of either", () => {
    const placeholder = valid.replace(/\n---\n[\s\S]*$/, '\n---\n\nA first line.\n\nWrite the story here.\n');
    expect(parseArticle(source(placeholder), options).problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: expect.any(Number),
        message: 'the body still holds the placeholder "Write the story here."',
      }),
    ]);
    const empty = valid.replace(/\n---\n[\s\S]*$/, '\n---\n\n');
    expect(parseArticle(source(empty), options).problems).toEqual([
      expect.objectContaining({ severity: 'error', message: 'the body is empty' }),
    ]);
    for (const body of [placeholder, empty]) {
      const draft = parseArticle(source(body.replace('title:', 'draft: true\ntitle:')), options);
      expect(draft.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(draft.article?.draft).toBe(true);
    }
  });

  it("should refuse a newsroom's placeholders and filler text in a published body, with their line", () => {
    const withBody = (body: string) => valid.replace(/\n---\n[\s\S]*$/, `\n---\n\n${body}\n`);
    for (const [body, message] of [
      ['TK', 'the body is only the placeholder "TK"'],
      ['**More to come…**', 'the body is only the placeholder "**More to come…**"'],
      ['[Copy to come]', 'the body is only the placeholder "[Copy to come]"'],
      ['Seoul said on Friday that troops were training.\n\nLorem ipsum dolor sit amet.', 'the body holds filler text ("lorem ipsum")'],
    ] as const) {
      const { article, problems } = parseArticle(source(withBody(body)), options);
      expect(article, body).toBeUndefined();
      expect(problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          line: body.startsWith('Seoul') ? 10 : 8,
          message,
          hint: expect.stringContaining('draft: true'),
        }),
      ]);
    }
    // A story that mentions what is to come is a story.
    expect(parseArticle(source(withBody('Talks resume on Monday; more to come from Geneva.')), options).problems).toEqual([]);
  });

  it('should refuse a near-empty published body under the configured minimum of words, counted as the page shows them', () => {
    const withBody = (body: string) => valid.replace(/\n---\n[\s\S]*$/, `\n---\n\n${body}\n`);
    const strict = { ...options, minBodyWords: 5 };
    const short = parseArticle(source(withBody('Troops [arrive](https://example.org/a-long-address-of-many-words).')), strict);
    expect(short.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 8,
        message: 'the body has 2 words: too short to publish (at least 5)',
        hint: 'write the story (minBodyWords in src/site.config.ts), or keep draft: true until it is written',
      }),
    ]);
    expect(parseArticle(source(withBody('Seoul says troops are training.')), strict).problems).toEqual([]);
    expect(parseArticle(source(withBody('Troops arrive.').replace('title:', 'draft: true\ntitle:')), strict).problems).toEqual([]);
    // Without a minimum, any body with words is published.
    expect(parseArticle(source(withBody('Troops arrive.')), options).problems).toEqual([]);
  });

  it('should read expires as the date-time the story is taken down, after its date', () => {
    const withFields = (fields: string) => valid.replace('tags:', `${fields}\ntags:`);
    expect(parseArticle(source(withFields('expires: 2024-12-31T23:59:00')), options).article).toMatchObject({
      expires: '2024-12-31T22:59:00.000Z', // Paris time
    });
    expect(parseArticle(source(valid), options).article).not.toHaveProperty('expires');
    expect(parseArticle(source(withFields('expires: 2024-10-01')), options).problems).toEqual([
      expect.objectContaining({ line: 4, field: 'expires', message: 'is not after `date`, so the story would never be published' }),
    ]);
  });

  it('should read featured as true or the date-time it ends, and a priority from 0 to 9', () => {
    const withFields = (fields: string) => valid.replace('tags:', `${fields}\ntags:`);
    expect(parseArticle(source(withFields('featured: 2024-10-27T18:00:00\npriority: 7')), options).article).toMatchObject({
      featured: true,
      featuredUntil: '2024-10-27T17:00:00.000Z', // Paris time, after the clocks went back
      priority: 7,
    });
    expect(parseArticle(source(valid), options).article).toMatchObject({ featured: false, priority: 0 });
    expect(parseArticle(source(withFields('featured: 2024-10-25T10:00:00')), options).problems).toEqual([
      expect.objectContaining({ line: 4, field: 'featured', message: 'ends before `date`, so the article never leads' }),
    ]);
    for (const priority of ['12', '"5"', '2.5'])
      expect(parseArticle(source(withFields(`priority: ${priority}`)), options).problems, priority).toEqual([
        expect.objectContaining({
          line: 4,
          field: 'priority',
          hint: 'expected a whole number from 0 to 9, e.g. priority: 5 (among featured stories, the highest leads)',
        }),
      ]);
  });

  it('should require a standfirst of a published article when the newsroom says so', () => {
    const required = { ...options, requireStandfirst: true };
    const without = valid.replace(/^description: .*\n/m, '');
    expect(parseArticle(source(without), required).problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        field: 'description',
        message: 'is missing: a published article needs a standfirst',
        hint: expect.stringContaining('requireStandfirst in src/site.config.ts'),
      }),
    ]);
    expect(parseArticle(source(valid), required).problems).toEqual([]);
    expect(parseArticle(source(without.replace('title:', 'draft: true\ntitle:')), required).problems).toEqual([]);
    expect(parseArticle(source(without), options).problems).toEqual([]);
  });

  it('should refuse two tags or two authors of one article that would share a URL, and keep their spellings apart', () => {
    const tags = parseArticle(source(valid.replace('[North Korea, Russia]', '[U.S., US]')), options);
    expect(tags.article).toBeUndefined();
    expect(tags.problems).toEqual([
      expect.objectContaining({ field: 'tags', line: 4, message: '"U.S." and "US" would have the same URL, /tags/us/' }),
    ]);
    // Symbols that make a name are spelled out: C++ and C# are two tags.
    expect(parseArticle(source(valid.replace('[North Korea, Russia]', '[C++, "C#"]')), options).article?.tags).toEqual(['C++', 'C#']);
    const authors = parseArticle(source(valid.replace('tags:', "authors: [Sam O'Neil, Sam ONeil]\ntags:")), options);
    expect(authors.problems).toEqual([
      expect.objectContaining({ field: 'authors', message: '"Sam O\'Neil" and "Sam ONeil" would have the same URL, /authors/sam-oneil/' }),
    ]);
  });

  it('should refuse an author, a tag, a section or a slug that cannot make a URL, or makes one too long for a file name', () => {
    const refused = (replace: [string, string], relPath?: string) =>
      parseArticle(source(valid.replace(...replace), relPath), options).problems.map((p) => `${p.field}: ${p.message}`);
    expect(refused(['tags:', 'authors: ["🔥"]\ntags:'])).toEqual(['authors: author "🔥" has no letters or digits to make a URL from']);
    expect(refused(['Russia]', `${'北'.repeat(67)}]`])).toEqual([`tags: tag "${'北'.repeat(40)}…" is too long to make a URL from`]);
    expect(refused(['tags:', `slug: ${'a'.repeat(201)}\ntags:`])).toEqual([`slug: "${'a'.repeat(40)}…" is too long for a URL`]);
    expect(refused(['tags:', `section: ${'World '.repeat(40)}\ntags:`])).toEqual([
      `section: "${'World '.repeat(7).slice(0, 40)}…" is too long to make a URL from`,
    ]);
    expect(refused(['tags:', 'slug: ' + 'a'.repeat(200) + '\ntags:'])).toEqual([]);
    expect(refused(['tags:', 'section: Cards\ntags:'], 'story.md')).toEqual(['section: "Cards" is a name the site uses for its own pages']);
  });

  it('should warn when a written slug loses characters on its way to the URL, and not for case or spaces', () => {
    const { article, problems } = parseArticle(source(valid.replace('tags:', 'slug: ../../../etc/passwd\ntags:')), options);
    expect(article?.slug).toBe('etcpasswd');
    expect(problems).toEqual([
      {
        severity: 'warning',
        file: 'content/world/story.md',
        line: 4,
        field: 'slug',
        message: '"../../../etc/passwd" is published as "etcpasswd"',
        hint: 'write slug: etcpasswd (a slug holds lower-case letters, digits and hyphens only)',
      },
    ]);
    expect(parseArticle(source(valid.replace('tags:', 'slug: Custom Slug\ntags:')), options).problems).toEqual([]);
  });

  it('should accept a single author or a list', () => {
    expect(parseArticle(source(valid.replace('tags:', 'authors: Ana Lima\ntags:')), options).article?.authors).toEqual(['Ana Lima']);
    expect(parseArticle(source(valid.replace('tags:', 'authors: [Ana Lima, Tom Reed]\ntags:')), options).article?.authors).toEqual([
      'Ana Lima',
      'Tom Reed',
    ]);
  });
});

describe('parseArticle: bad frontmatter is reported field by field, with lines and hints', () => {
  const cases: [string, string, Partial<{ field: string; line: number; message: string | RegExp }>][] = [
    ['a missing title', valid.replace('title: "North Korea readies troops"\n', ''), { field: 'title', message: 'is missing' }],
    ['an empty title', valid.replace('"North Korea readies troops"', '""'), { field: 'title', line: 2, message: 'is empty' }],
    ['a numeric title', valid.replace('"North Korea readies troops"', '2024'), { field: 'title', line: 2, message: 'is a number (2024)' }],
    ['a list as title', valid.replace('"North Korea readies troops"', '[a, b]'), { field: 'title', line: 2, message: 'is a list' }],
    [
      'the display date form',
      valid.replace('2024-10-25T19:13:00', '25/10/2024 19h13'),
      { field: 'date', line: 3, message: '"25/10/2024 19h13" is not an ISO 8601 date' },
    ],
    ['an impossible date', valid.replace('2024-10-25T19:13:00', '2024-02-30'), { field: 'date', line: 3 }],
    ['a quoted boolean', valid.replace('tags:', 'draft: "false"\ntags:'), { field: 'draft', line: 4, message: 'is the text "false"' }],
    [
      'tags as text',
      valid.replace('[North Korea, Russia]', 'North Korea'),
      { field: 'tags', line: 4, message: 'is the text "North Korea"' },
    ],
    [
      'updated before date',
      valid.replace('tags:', 'updated: 2024-10-01T00:00:00\ntags:'),
      { field: 'updated', line: 4, message: 'is before `date`' },
    ],
    [
      'an image without alt',
      valid.replace('tags:', 'image: ./x.jpg\ntags:'),
      { field: 'imageAlt', message: 'is missing but `image` is set' },
    ],
    [
      'a remote image',
      valid.replace('tags:', 'image: https://example.org/x.jpg\nimageAlt: x\ntags:'),
      { field: 'image', line: 4, message: /not a file next to the article/ },
    ],
  ];

  it.each(cases)('should report %s', (_name, text, expected) => {
    const { article, problems } = parseArticle(source(text), options);
    expect(article).toBeUndefined();
    const error = problems.find((p) => p.severity === 'error');
    expect(error).toMatchObject({ file: 'content/world/story.md', ...expected });
    expect(error?.hint).toMatch(/^expected |image/);
  });

  it('should report every problem of a file at once', () => {
    const text = valid
      .replace('"North Korea readies troops"', '42')
      .replace('2024-10-25T19:13:00', 'soon')
      .replace('tags:', 'draft: "no"\ntags:');
    const fields = parseArticle(source(text), options).problems.map((p) => p.field);
    expect(fields).toEqual(['title', 'date', 'draft']);
  });

  it('should report the other fields too when one is refused by the schema', () => {
    const text = ['---', 'date: 25/10/2024', 'image: ./x.jpg', 'tags: ["🔥"]', '---', 'Body'].join('\n');
    const found = parseArticle(source(text, 'x.md'), options).problems.map((p) => `${p.field}: ${p.message}`);
    expect(found).toEqual([
      'title: is missing',
      'date: "25/10/2024" is not an ISO 8601 date',
      'section: is missing',
      'tags: tag "🔥" has no letters or digits to make a URL from',
      'imageAlt: is missing but `image` is set',
    ]);
  });

  it('should read dated corrections, oldest first, and name a bad one by its place in the list', () => {
    const text = valid.replace(
      'tags:',
      'corrections:\n  - date: 2024-10-27T10:00:00\n    text: Second fix.\n  - date: 2024-10-26T09:00:00\n    text: First fix.\ntags:',
    );
    expect(parseArticle(source(text), options).article?.corrections).toEqual([
      { date: { iso: '2024-10-26T07:00:00.000Z', hasTime: true }, text: 'First fix.' },
      { date: { iso: '2024-10-27T09:00:00.000Z', hasTime: true }, text: 'Second fix.' },
    ]);
    const missing = valid.replace('tags:', 'corrections:\n  - date: 2024-10-27T10:00:00\ntags:');
    expect(parseArticle(source(missing), options).problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'corrections[1].text: is missing',
    ]);
    const early = valid.replace(
      'tags:',
      'corrections:\n  - date: 2024-10-27T10:00:00\n    text: Fine.\n  - date: 2024-10-01\n    text: Too early.\ntags:',
    );
    expect(parseArticle(source(early), options).problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'corrections[2]: correction 2 is dated before `date`',
    ]);
  });

  it('should check that a hero image exists beside the article', () => {
    const text = valid.replace('tags:', 'image: ./missing.jpg\nimageAlt: A map\ntags:');
    const { problems } = parseArticle(source(text, 'world/story.md', { fileExists: () => false }), options);
    expect(problems[0]).toMatchObject({ field: 'image', line: 4, message: '"./missing.jpg" does not exist next to the article' });
  });

  it('should warn about unknown fields and suggest the known one', () => {
    const { article, problems } = parseArticle(source(valid.replace('tags:', 'titel: x\ntags:')), options);
    expect(article).toBeDefined();
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', field: 'titel', line: 4, hint: 'did you mean `title`?' })]);
  });
});

describe('parseArticle: files that are not articles', () => {
  const bytes = (b: number[]) => ({ file: 'content/x.md', relPath: 'x.md', bytes: Uint8Array.from(b) });

  it.each([
    ['an empty file', bytes([]), /empty/],
    ['a blank file', bytes([0x20, 0x0a]), /empty/],
    ['a binary file', bytes([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), /binary/],
    ['Latin-1 text', bytes([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0xe9, 0x0a]), /not UTF-8/],
  ])('should refuse %s with a reason', (_name, input, message) => {
    const { article, problems } = parseArticle(input, options);
    expect(article).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', file: 'content/x.md', line: 1, message: expect.stringMatching(message) }),
    ]);
  });

  it('should report a file without frontmatter', () => {
    expect(parseArticle(source('Just text.'), options).problems[0]?.message).toBe('the file has no frontmatter');
  });

  it('should report an unclosed frontmatter block', () => {
    const { problems } = parseArticle(source('---\ntitle: x\ndate: 2024-10-25\n\nBody'), options);
    expect(problems[0]).toMatchObject({ line: 1, message: 'the frontmatter block is not closed', hint: expect.stringContaining('---') });
  });

  it('should report YAML syntax errors with the file line', () => {
    const { problems } = parseArticle(source('---\ntitle: "x\ndate: 2024-10-25\n---\nBody'), options);
    expect(problems[0]).toMatchObject({ severity: 'error', line: expect.any(Number), message: expect.stringContaining('not valid YAML') });
  });

  it('should report duplicate keys', () => {
    const { problems } = parseArticle(source('---\ntitle: a\ntitle: b\ndate: 2024-10-25\n---\nBody'), options);
    expect(problems[0]).toMatchObject({
      line: 3,
      message: expect.stringContaining('not valid YAML'),
      hint: expect.stringContaining('once'),
    });
  });

  it('should refuse a YAML alias bomb without expanding it', () => {
    const bomb = [
      '---',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'title: x',
      'date: 2024-10-25',
      '---',
      'Body',
    ].join('\n');
    const { article, problems } = parseArticle(source(bomb), options);
    expect(article).toBeUndefined();
    expect(problems[0]?.hint).toContain('aliases');
  });

  it('should refuse a body nested too deeply for the parser, naming the file instead of crashing', () => {
    const { article, problems } = parseArticle(source(`${valid}\n${'<div>'.repeat(5000)}\n`), options);
    expect(article).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'content/world/story.md',
        message: expect.stringContaining('nests quotes, lists or HTML elements too deeply'),
      }),
    ]);
  });

  it('should say a UTF-16 file is UTF-16, and name a value outside a list of choices', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(valid, 'utf16le'))]);
    expect(parseArticle({ ...source(''), bytes: utf16 }, options).problems[0]?.message).toBe('the file is UTF-16 text, not UTF-8');
    const { problems } = parseArticle(source(valid.replace('tags:', 'type: breaking\ntags:')), options);
    expect(problems[0]).toMatchObject({
      field: 'type',
      message: 'is the text "breaking"',
      hint: expect.stringContaining('news, analysis, opinion, live'),
    });
  });

  it('should read a file with a byte-order mark and CRLF line ends', () => {
    const text = `\uFEFF${valid.replace(/\n/g, '\r\n')}`;
    const { article, problems } = parseArticle(source(text), options);
    expect(problems).toEqual([]);
    expect(article?.title).toBe('North Korea readies troops');
  });
});
