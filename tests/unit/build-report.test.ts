import { describe, expect, it } from 'vitest';
import { buildReport, reportLines } from '../../src/lib/build-report.ts';
import { leaveOutProblems } from '../../src/lib/leave-out.ts';

const lines = (...args: Parameters<typeof buildReport>) => reportLines(buildReport(...args));

describe('buildReport', () => {
  it('should give one line per category, naming drafts, scheduled and rejected files', () => {
    expect(
      lines(
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

  it('should name the stories taken down at their expires time, with when, and only when there are some', () => {
    expect(
      lines(
        [
          { file: 'content/world/a.md', status: 'published' },
          { file: 'content/world/gone.md', status: 'expired', when: '31/12/2024 23h59' },
        ],
        [],
      ),
    ).toEqual([
      'published: 1',
      'drafts: 0',
      'scheduled: 0',
      'expired: 1: content/world/gone.md (taken down 31/12/2024 23h59)',
      'rejected: 0',
    ]);
    expect(buildReport([{ file: 'content/world/gone.md', status: 'expired', when: '31/12/2024 23h59' }], []).expired).toEqual([
      { file: 'content/world/gone.md', when: '31/12/2024 23h59' },
    ]);
  });

  it('should count a file rejected by a check across files as rejected only', () => {
    const same = { severity: 'error' as const, field: 'slug', message: '"same" is also the slug of another file' };
    expect(
      lines(
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
    expect(lines([], [])).toEqual(['published: 0', 'drafts: 0', 'scheduled: 0', 'rejected: 0']);
  });

  it('should count, and name, the files that look like articles and are not read', () => {
    expect(lines([], [], ['content/world/b.md ', 'content/world/a.markdown'])).toEqual([
      'published: 0',
      'drafts: 0',
      'scheduled: 0',
      'rejected: 0',
      'not read: 2: content/world/a.markdown, content/world/b.md ',
    ]);
  });

  it('should give every error of each rejected file in the machine-readable report, and say when they were left out', () => {
    const report = buildReport(
      [{ file: 'content/world/a.md', status: 'published' }],
      [
        { severity: 'error', file: 'content/world/z.md', line: 1, message: 'the file is empty', hint: 'write the article' },
        { severity: 'error', file: 'content/world/bad.md', line: 3, field: 'date', message: 'is missing' },
        { severity: 'warning', file: 'content/world/a.md', message: 'has no alt text' },
        { severity: 'error', file: 'content/world/bad.md', line: 2, field: 'title', message: 'is empty' },
      ],
      [],
      true,
    );
    expect(report).toEqual({
      leftOut: true,
      published: 1,
      drafts: [],
      scheduled: [],
      expired: [],
      rejected: [
        {
          file: 'content/world/bad.md',
          problems: [
            { line: 2, field: 'title', message: 'is empty' },
            { line: 3, field: 'date', message: 'is missing' },
          ],
        },
        { file: 'content/world/z.md', problems: [{ line: 1, message: 'the file is empty', hint: 'write the article' }] },
      ],
      notRead: [],
    });
    expect(reportLines(report)[3]).toBe(
      'rejected and left out: 2: content/world/bad.md (title: is empty), content/world/z.md (the file is empty)',
    );
  });
});

describe('leaveOutProblems', () => {
  it('should keep publishing a file whose only error is a link or pin to a file left out, and say why the link is text', () => {
    const link = {
      severity: 'error' as const,
      file: 'content/world/a.md',
      line: 9,
      message: '[the talks](../politics/b.md): content/politics/b.md has errors of its own',
      hint: 'fix that file (see its errors in this report)',
      becauseOf: 'content/politics/b.md',
    };
    const own = { severity: 'error' as const, file: 'content/politics/b.md', line: 3, field: 'date', message: 'is missing' };
    expect(leaveOutProblems([link, own])).toEqual([
      {
        ...link,
        severity: 'warning',
        hint: 'content/politics/b.md is left out of this build, so the link is shown as plain text until that file is fixed',
      },
      own,
    ]);
    const pin = { ...link, field: 'related', line: undefined, message: '"b" is content/politics/b.md, which has errors of its own' };
    expect(leaveOutProblems([pin])[0]?.hint).toBe(
      'content/politics/b.md is left out of this build, so the pin is not shown until that file is fixed',
    );
  });
});
