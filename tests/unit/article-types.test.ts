import { describe, expect, it } from 'vitest';
import { disclaimerFor, isLabelled, SCHEMA_ORG_TYPE } from '../../src/lib/article-types.ts';
import { parseArticle } from '../../src/lib/article/parse.ts';

const site = { disclaimer: 'Checked by an editor.', typeDisclaimers: { opinion: 'The author’s view.', live: '' } };

describe('article types', () => {
  it('should default to news and read the other types from frontmatter', () => {
    const parse = (type: string) =>
      parseArticle(
        {
          file: 'content/world/a.md',
          relPath: 'world/a.md',
          bytes: new TextEncoder().encode(`---\ntitle: A\ndate: 2024-10-25\n${type}---\n\nText.\n`),
        },
        { timeZone: 'Europe/Paris', sections: ['World'] },
      );
    expect(parse('').article?.type).toBe('news');
    expect(parse('type: opinion\n').article?.type).toBe('opinion');
    expect(parse('type: editorial\n').problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        field: 'type',
        line: 4,
        hint: expect.stringContaining('news, analysis, opinion, live'),
      }),
    ]);
  });

  it('should print the type’s own disclaimer, none when it is empty, else the outlet’s', () => {
    expect(disclaimerFor('opinion', site)).toBe('The author’s view.');
    expect(disclaimerFor('live', site)).toBe('');
    expect(disclaimerFor('news', site)).toBe('Checked by an editor.');
    expect(disclaimerFor('analysis', site)).toBe('Checked by an editor.');
  });

  it('should label every type but news, and give each its schema.org type', () => {
    expect(isLabelled('news')).toBe(false);
    expect(isLabelled('opinion')).toBe(true);
    expect(SCHEMA_ORG_TYPE).toEqual({
      news: 'NewsArticle',
      analysis: 'AnalysisNewsArticle',
      opinion: 'OpinionNewsArticle',
      live: 'LiveBlogPosting',
    });
  });
});
