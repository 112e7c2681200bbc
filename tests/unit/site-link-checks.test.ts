import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../src/lib/article/body-scan.ts';
import { parseArticle, type ArticleSource } from '../../src/lib/article/parse.ts';
import { checkAcrossFiles } from '../../src/loaders/content-files.ts';
import { toRecord } from '../../src/loaders/parse-results.ts';

const options = { timeZone: 'Europe/Paris', sections: ['World', 'Politics'] };
const BODY = 'The council voted on Tuesday to delay the budget by a week, officials said after a long meeting in the capital.';
const source = (relPath: string, fields: string, body = ''): ArticleSource => ({
  file: `content/${relPath}`,
  relPath,
  bytes: Buffer.from(`---\ntitle: ${relPath}\ndate: 2024-10-24T10:00:00\n${fields}---\n\n${BODY}\n\n${body}\n`),
});
const record = (file: ArticleSource) => toRecord(file, 'sha', new Map(), parseArticle(file, options)).article!;

describe("links written as a story's address", () => {
  const linker = source(
    'world/linker.md',
    '',
    'See [the missing one](/world/never-written/), [the expired one](/world/taken-down/#part), [a good one](/world/still-up/), [its old address](/world/old-address/), [a list](/world/page/2/), [a feed](/world/rss.xml), [a tag](/tags/budget/), [elsewhere](/about/us/) and [a file](./still-up.md).',
  );
  const files = [
    linker,
    source('world/still-up.md', 'formerSlugs: [old-address]\n'),
    source('world/taken-down.md', 'expires: 2024-11-01T00:00:00\n'),
    source('politics/draft.md', 'draft: true\n', 'A draft linking to [a story of another section](/politics/not-yet/).'),
  ];

  it('warns of a link to no story of a section, or to one not published, with its line; the rest are left alone', () => {
    const problems = checkAcrossFiles(files.map(record), [], new Date('2025-01-01T00:00:00Z'), 6).filter((p) =>
      p.message.startsWith('link '),
    );
    expect(problems.map(({ severity, file, line, message }) => ({ severity, file, line, message }))).toEqual([
      {
        severity: 'warning',
        file: 'content/world/linker.md',
        line: 8,
        message: 'link /world/never-written/ ("the missing one"): no story of the site is at /world/never-written/',
      },
      {
        severity: 'warning',
        file: 'content/world/linker.md',
        line: 8,
        message:
          'link /world/taken-down/#part ("the expired one"): content/world/taken-down.md is not published (expired), so the link leads to a missing page',
      },
      {
        severity: 'warning',
        file: 'content/politics/draft.md',
        line: 9,
        message: 'link /politics/not-yet/ ("a story of another section"): no story of the site is at /politics/not-yet/',
      },
    ]);
    expect(problems[0]?.hint).toContain("link to the story's file, such as ../world/story.md, instead");
  });

  it('finds the same links in the quick reading npm run validate uses as in the build', () => {
    const built = parseArticle(linker, options).article!.siteLinks;
    expect(built.map((l) => l.written)).toEqual([
      '/world/never-written/',
      '/world/taken-down/#part',
      '/world/still-up/',
      '/world/old-address/',
      '/world/rss.xml',
      '/tags/budget/',
      '/about/us/',
    ]);
    expect(checkArticle(linker, options)?.article?.siteLinks).toEqual(built);
  });
});
