import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/lib/build-report.ts';

describe('buildReport', () => {
  it('should give one line per category, naming drafts, scheduled and rejected files', () => {
    expect(
      buildReport(
        [
          { file: 'content/world/b.md', status: 'published' },
          { file: 'content/world/a.md', status: 'published' },
          { file: 'content/world/draft.md', status: 'draft' },
          { file: 'content/world/later.md', status: 'scheduled', when: '01/06/2030 07h00' },
        ],
        [
          { severity: 'error', file: 'content/world/bad.md', line: 3, field: 'date', message: 'is missing' },
          { severity: 'error', file: 'content/world/bad.md', line: 4, field: 'title', message: 'is empty' },
          { severity: 'warning', file: 'content/world/a.md', message: 'has no alt text' },
        ],
      ),
    ).toEqual([
      'published: 2',
      'drafts: 1: content/world/draft.md',
      'scheduled: 1: content/world/later.md (for 01/06/2030 07h00)',
      'rejected: 1: content/world/bad.md (date: is missing)',
    ]);
  });

  it('should count a file rejected by a check across files as rejected only', () => {
    const same = { severity: 'error' as const, field: 'slug', message: '"same" is also the slug of another file' };
    expect(
      buildReport(
        [
          { file: 'content/world/same.md', status: 'published' },
          { file: 'content/politics/same.md', status: 'draft' },
          { file: 'content/world/other.md', status: 'published' },
        ],
        [
          { ...same, file: 'content/world/same.md' },
          { ...same, file: 'content/politics/same.md' },
        ],
      ),
    ).toEqual([
      'published: 1',
      'drafts: 0',
      'scheduled: 0',
      'rejected: 2: content/politics/same.md (slug: "same" is also the slug of another file), content/world/same.md (slug: "same" is also the slug of another file)',
    ]);
  });

  it('should report empty categories as zero', () => {
    expect(buildReport([], [])).toEqual(['published: 0', 'drafts: 0', 'scheduled: 0', 'rejected: 0']);
  });

  it('should count, and name, the files that look like articles and are not read', () => {
    expect(buildReport([], [], ['content/world/b.md ', 'content/world/a.markdown'])).toEqual([
      'published: 0',
      'drafts: 0',
      'scheduled: 0',
      'rejected: 0',
      'not read: 2: content/world/a.markdown, content/world/b.md ',
    ]);
  });
});
