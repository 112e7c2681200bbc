import { describe, expect, it } from 'vitest';
import { otherDateSpelling } from '../../src/lib/article/foreign-fields.ts';
import { parseArticle, type ArticleSource } from '../../src/lib/article/parse.ts';

const options = { timeZone: 'Europe/Paris', sections: ['World', 'Politics', 'Technology', 'Culture'] };

function parse(text: string, relPath: string, extra: Partial<ArticleSource> = {}) {
  return parseArticle({ file: `content/${relPath}`, relPath, bytes: new TextEncoder().encode(text), ...extra }, options);
}

const notices = (problems: { severity: string; message: string }[]) =>
  problems.filter((p) => p.severity === 'notice').map((p) => p.message);

describe('files written for other site generators', () => {
  it('should read a Hugo file with TOML frontmatter, lastmod, categories and summary', () => {
    const { article, problems } = parse(
      `+++
title = "Parliament delays budget vote"
date = 2024-10-25T19:13:00+02:00
lastmod = 2024-10-26T08:00:00
draft = false
categories = ["Politics", "Budget"]
tags = ["Parliament"]
summary = "The vote moves to next week."
weight = 10
+++

The vote was delayed.
`,
      'budget-vote.md',
    );
    expect(problems.filter((p) => p.severity !== 'notice')).toEqual([]);
    expect(article).toMatchObject({
      slug: 'budget-vote',
      title: 'Parliament delays budget vote',
      date: { iso: '2024-10-25T17:13:00.000Z', hasTime: true },
      updated: { iso: '2024-10-26T06:00:00.000Z', hasTime: true },
      section: 'Politics',
      tags: ['Parliament', 'Budget'],
      description: 'The vote moves to next week.',
      draft: false,
    });
    expect(notices(problems)).toEqual([
      'written for another site generator; read as Dateline fields: lastmod → updated, summary → description, categories → section and tags; ignored: weight',
    ]);
  });

  it('should report TOML syntax errors with the file line', () => {
    const { article, problems } = parse('+++\ntitle = "A"\ndate = 2024-10-25\nsection = "World\n+++\n\nText.\n', 'a.md');
    expect(article).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', line: 4, message: expect.stringContaining('not valid TOML') })]);
  });

  it('should name the line of a TOML field the schema refuses', () => {
    const { problems } = parse('+++\ntitle = "A"\ndate = 2024-10-25\ndraft = "no"\n+++\n\nText.\n', 'world/a.md');
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', line: 4, field: 'draft' })]);
  });

  it('should read a Jekyll post: date from the file name, category, layout, published', () => {
    const { article, problems } = parse(
      `---
layout: post
title: "Museum reopens after restoration"
categories: culture
published: true
author: Ana Lima
---

The museum reopened.
`,
      '2024-10-25-museum-reopens.md',
    );
    expect(problems.filter((p) => p.severity !== 'notice')).toEqual([]);
    expect(article).toMatchObject({
      slug: 'museum-reopens',
      date: { iso: '2024-10-24T22:00:00.000Z', hasTime: false },
      section: 'Culture',
      authors: ['Ana Lima'],
      draft: false,
    });
    expect(notices(problems)[0]).toContain('file name → date 2024-10-25');
    expect(notices(problems)[0]).toContain('ignored: layout');
  });

  it("should make Hugo's aliases and url, and Jekyll's redirect_from and permalink, former addresses of the story", () => {
    const hugo = parse(
      '+++\ntitle = "A"\ndate = 2024-10-25\naliases = ["/2019/old-a/", "renamed-a"]\nurl = "/posts/a/"\n+++\n\nThe story of the day, told in full.\n',
      'world/a.md',
    );
    expect(hugo.problems.filter((p) => p.severity !== 'notice')).toEqual([]);
    expect(hugo.article?.formerUrls).toEqual([
      { path: '/2019/old-a/', line: 4 },
      { path: '/world/renamed-a/', line: 4 },
      { path: '/posts/a/', line: 4 },
    ]);
    expect(notices(hugo.problems)[0]).toContain('aliases, url → formerUrls');

    const jekyll = parse(
      '---\ntitle: B\ndate: 2024-10-25\nredirect_from:\n  - /old/b.html\npermalink: /:categories/:title/\n---\n\nThe story of the day, told in full.\n',
      'world/b.md',
    );
    expect(jekyll.article?.formerUrls).toEqual([{ path: '/old/b.html', line: 4 }]);
    expect(jekyll.problems.filter((p) => p.severity === 'warning').map((p) => `${p.field}: ${p.message}`)).toEqual([
      'permalink: "/:categories/:title/" is a pattern, not an address, so no redirect is made from it',
    ]);
  });

  it('should name the field as written when an old address is refused', () => {
    const { article, problems } = parse(
      '---\ntitle: B\ndate: 2024-10-25\nredirect_from: https://old.example.org/b/\n---\n\nThe story of the day, told in full.\n',
      'world/b.md',
    );
    expect(article).toBeUndefined();
    expect(problems.filter((p) => p.severity === 'error')).toEqual([
      expect.objectContaining({
        field: 'redirect_from',
        line: 4,
        message: '"https://old.example.org/b/" is a full URL, not a path on this site',
      }),
    ]);
  });

  it("should read Jekyll's date with a space before the offset, and published: false as a draft", () => {
    const { article } = parse(
      '---\ntitle: A\ndate: 2024-10-25 19:13:00 +0200\ncategories: [World]\npublished: false\n---\n\nText.\n',
      '2024-10-25-a.md',
    );
    expect(article).toMatchObject({ date: { iso: '2024-10-25T17:13:00.000Z', hasTime: true }, section: 'World', draft: true });
  });

  it('should take the configured section among categories, else the folder, and keep the rest as tags', () => {
    const filed = parse('---\ntitle: A\ndate: 2024-10-25\ncategories: [News, Politics, Budget]\n---\n\nText.\n', 'a.md');
    expect(filed.article).toMatchObject({ section: 'Politics', tags: ['News', 'Budget'] });
    const inFolder = parse('---\ntitle: A\ndate: 2024-10-25\ncategories: [News]\n---\n\nText.\n', 'world/a.md');
    expect(inFolder.article).toMatchObject({ section: 'World', tags: ['News'] });
    // With neither, the first category is the section, and is reported as the field the writer wrote.
    const unknown = parse('---\ntitle: A\ndate: 2024-10-25\ncategories: [Nwes]\n---\n\nText.\n', 'a.md');
    expect(unknown.problems).toContainEqual(
      expect.objectContaining({ severity: 'error', line: 4, field: 'categories', message: `"Nwes" is not one of the newsroom's sections` }),
    );
  });

  it("should read a file from Astro's blog starter: pubDate, updatedDate, heroImage", () => {
    const { article, problems } = parse(
      `---
title: 'First post'
description: 'Lorem ipsum dolor sit amet'
pubDate: 'Jul 08 2022'
updatedDate: 'July 9, 2022'
heroImage: './blog-placeholder-3.jpg'
---

Text.
`,
      'technology/first-post.md',
      { fileExists: () => true },
    );
    expect(article).toMatchObject({
      date: { iso: '2022-07-07T22:00:00.000Z', hasTime: false },
      updated: { iso: '2022-07-08T22:00:00.000Z', hasTime: false },
      section: 'Technology',
      image: { src: './blog-placeholder-3.jpg', alt: '' },
    });
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', field: 'imageAlt' }));
    expect(notices(problems)[0]).toContain('pubDate → date');
    expect(notices(problems)[0]).toContain('heroImage → image');
  });

  it("should read Hugo's expiryDate as expires: the story is taken down at the first build after it", () => {
    const { article, problems } = parse(
      '---\ntitle: A\ndate: 2024-10-25T10:00:00\nexpiryDate: 2024-12-31T23:59:00\n---\n\nText.\n',
      'world/a.md',
    );
    expect(article?.expires).toBe('2024-12-31T22:59:00.000Z');
    expect(notices(problems)[0]).toContain('expiryDate → expires');
  });

  it('should read Markdown exported from WordPress: categories, tags and coverImage', () => {
    const { article, problems } = parse(
      `---
title: "Council approves the budget"
date: "2019-03-04"
categories:
  - "politics"
tags:
  - "budget"
coverImage: "council.jpg"
---

Text.
`,
      'council-approves-the-budget.md',
      { fileExists: () => true },
    );
    expect(article).toMatchObject({ section: 'Politics', tags: ['budget'], image: { src: 'council.jpg', alt: '' } });
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', field: 'imageAlt' }));
    expect(notices(problems)[0]).toContain('coverImage → image');
  });

  it('should read an AstroPaper post: pubDatetime, modDatetime, ogImage, featured, author', () => {
    const { article, problems } = parse(
      `---
author: Sat Naing
pubDatetime: 2022-09-23T15:22:00Z
modDatetime: 2023-12-21T09:12:47.400Z
title: Adding new posts in AstroPaper theme
featured: true
draft: false
tags:
  - docs
ogImage: https://example.com/og.png
canonicalURL: https://example.com/posts/adding-new-posts
description: Some rules & recommendations for creating or adding new posts.
---

Text.
`,
      'technology/adding-new-post.md',
    );
    expect(article).toMatchObject({
      date: { iso: '2022-09-23T15:22:00.000Z', hasTime: true },
      updated: { iso: '2023-12-21T09:12:47.400Z', hasTime: true },
      featured: true,
      authors: ['Sat Naing'],
      tags: ['docs'],
    });
    expect(article?.image).toBeUndefined();
    expect(problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        field: 'ogImage',
        message: expect.stringContaining('published without this picture'),
      }),
    );
    expect(notices(problems)[0]).toContain('ignored: canonicalURL');
  });

  it('should say which of our fields to add when no mapping gives a section', () => {
    const { problems } = parse('---\ntitle: A\npubDate: 2024-10-25\n---\n\nText.\n', 'a.md');
    expect(problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        field: 'section',
        message: 'is missing',
        hint: expect.stringContaining('section: Politics'),
      }),
    );
  });

  it('should name the field as written when a mapped value is refused', () => {
    const { problems } = parse('---\ntitle: A\npubDate: "someday"\n---\n\nText.\n', 'world/a.md');
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', field: 'pubDate', line: 3 }));
  });

  it('should keep our own field when both are written, with a warning', () => {
    const { article, problems } = parse('---\ntitle: A\ndate: 2024-10-25\npubDate: 2020-01-01\n---\n\nText.\n', 'world/a.md');
    expect(article?.date.iso).toBe('2024-10-24T22:00:00.000Z');
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', field: 'pubDate', line: 4 }));
  });

  it('should give a Dateline file no notice', () => {
    const { problems } = parse('---\ntitle: A\ndate: 2024-10-25\n---\n\nText.\n', 'world/a.md');
    expect(problems).toEqual([]);
  });
});

describe('otherDateSpelling', () => {
  it.each([
    ['2024-10-25 19:13:00 +0200', '2024-10-25T19:13:00+0200'],
    ['Jul 08 2022', '2022-07-08'],
    ['July 8, 2022', '2022-07-08'],
    ['Sept 1 2023', '2023-09-01'],
  ])('should read %s as %s', (input, expected) => {
    expect(otherDateSpelling(input)).toBe(expected);
  });

  it.each(['2024-10-25', '25/10/2024 19h13', 'Julius 8 2022', 'someday'])('should leave %s to the schema', (input) => {
    expect(otherDateSpelling(input)).toBeUndefined();
  });
});
