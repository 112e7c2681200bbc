import { describe, expect, it } from 'vitest';
import { checkFormerUrls, sitePath } from '../../src/lib/article/former-urls.ts';
import type { FieldContext } from '../../src/lib/article/field-context.ts';
import type { Problem } from '../../src/lib/problems.ts';

/** The field context of a file with these fields, collecting its problems. */
function contextOf(data: Record<string, unknown>, writtenAs = new Map()): { context: FieldContext; problems: Problem[] } {
  const problems: Problem[] = [];
  const file = 'content/world/a.md';
  const context: FieldContext = {
    file,
    data,
    refused: new Set(),
    lineOf: (field) => ({ formerUrls: 6, formerSlugs: 7 })[field as 'formerUrls'] ?? 1,
    writtenAs,
    error: (message, extra = {}) => problems.push({ severity: 'error', file, message, ...extra }),
    warn: (message, extra = {}) => problems.push({ severity: 'warning', file, message, ...extra }),
  };
  return { context, problems };
}

describe('sitePath: a former address as written, as a path on this site', () => {
  it.each([
    ['/2019/10/25/budget-vote.html', '/2019/10/25/budget-vote.html'],
    ['/2019/10/budget-vote', '/2019/10/budget-vote/'],
    ['/2019/10/budget-vote/', '/2019/10/budget-vote/'],
    ['/old/index.html', '/old/'],
    ['/caf%C3%A9/', '/café/'],
    ['/café/', '/café/'],
    // Hugo's aliases may be relative to the page's section.
    ['old-story', '/world/old-story/'],
    ['old-story.html', '/world/old-story.html'],
  ])('reads %j as %j', (written, path) => {
    expect(sitePath(written, 'world')).toBe(path);
  });

  it.each([
    ['https://old.example.org/2019/story/', 'is a full URL'],
    ['//old.example.org/story/', 'is a full URL'],
    ['/story/?id=4', 'query or a fragment'],
    ['/story/#top', 'query or a fragment'],
    ['/../../etc/passwd', 'not a path the site can hold'],
    ['/a/./b/', 'not a path the site can hold'],
    ['/a//b/', 'not a path the site can hold'],
    ['/.git/config', 'not a path the site can hold'],
    ['/a%2Fb/', 'not a path the site can hold'],
    ['/a%5C..%5Cb/', 'not a path the site can hold'],
    ['/a%00b/', 'not a path the site can hold'],
    // Names no file system of a newsroom's laptops may hold (Windows refuses them), nor an HTML attribute unescaped.
    ['/old/"><script>alert(1)</script>/', 'not a path the site can hold'],
    ['/a:b/', 'not a path the site can hold'],
    ['/%E0%A4%A/', 'not a percent-encoded character'],
    ['/_redirects', 'keeps its own files'],
    ['/_astro/x.js', 'keeps its own files'],
    ['/', "the site's front page"],
    ['/index.html', "the site's front page"],
    [`/${'a'.repeat(500)}/`, 'too long'],
    // Each segment is a file or folder name, which file systems cap at 255 bytes.
    [`/old/${'a'.repeat(201)}/`, 'segment too long'],
    [`/old/${'新'.repeat(70)}/`, 'segment too long'],
  ])('refuses %j: it %s', (written, problem) => {
    const read = sitePath(written, 'world');
    expect(typeof read).toBe('object');
    expect((read as { problem: string }).problem).toContain(problem);
  });
});

describe('checkFormerUrls', () => {
  it("gives the file's former addresses and former slugs as paths, once each, with their lines", () => {
    const { context, problems } = contextOf({
      formerUrls: ['/2019/old.html', '/2019/old.html', 'renamed'],
      formerSlugs: ['first-slug'],
    });
    expect(checkFormerUrls(context, 'world', 'a')).toEqual([
      { path: '/2019/old.html', line: 6 },
      { path: '/world/renamed/', line: 6 },
      { path: '/world/first-slug/', line: 7 },
    ]);
    expect(problems).toEqual([]);
  });

  it("reports a former slug that is no slug, a path that cannot be one, and the story's own address, naming the field as written", () => {
    const { context, problems } = contextOf(
      { formerUrls: ['https://example.org/x/', '/world/a/'], formerSlugs: ['Old Slug'] },
      new Map([['formerUrls', 'aliases']]),
    );
    expect(checkFormerUrls(context, 'world', 'a')).toEqual([]);
    expect(problems.map((p) => [p.severity, p.field, p.line, p.message])).toEqual([
      ['error', 'aliases', 6, '"https://example.org/x/" is a full URL, not a path on this site'],
      ['warning', 'aliases', 6, '"/world/a/" is the story\'s own address, not a former one'],
      ['error', 'formerSlugs', 7, '"Old Slug" is not a slug as the site writes them'],
    ]);
    expect(problems[2]!.hint).toContain('formerSlugs: [old-slug]');
  });
});
