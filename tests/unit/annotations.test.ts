import { describe, expect, it } from 'vitest';
import { githubAnnotation } from '../../src/lib/annotations.ts';
import { formatProblem } from '../../src/lib/problems.ts';

describe('githubAnnotation', () => {
  it('should write a workflow command GitHub shows on the file and line', () => {
    expect(
      githubAnnotation({
        severity: 'error',
        file: 'content/world/a.md',
        line: 3,
        field: 'date',
        message: 'is not a date',
        hint: 'write 2024-10-25',
      }),
    ).toBe('::error file=content/world/a.md,line=3,title=date::is not a date (write 2024-10-25)');
    expect(githubAnnotation({ severity: 'warning', file: 'content/a.md', message: 'long' })).toBe('::warning file=content/a.md::long');
    expect(githubAnnotation({ severity: 'notice', file: 'content/a.md', message: 'mapped' })).toBe('::notice file=content/a.md::mapped');
  });

  it('should escape what would end a property or the command: a file or message cannot forge another annotation', () => {
    const forged = githubAnnotation({
      severity: 'error',
      file: 'content/a,line=1::b.md',
      field: 'tags[0]: x',
      message: '100% wrong\n::error file=elsewhere::forged',
    });
    expect(forged).toBe('::error file=content/a%2Cline=1%3A%3Ab.md,title=tags[0]%3A x::100%25 wrong%0A::error file=elsewhere::forged');
    expect(forged.split('\n')).toHaveLength(1);
  });
});

describe('formatProblem', () => {
  it('should keep each problem on one line, so a value with line breaks cannot start a line of its own', () => {
    const line = formatProblem({
      severity: 'error',
      file: 'a.md',
      field: 'title',
      message: '"x\n::error file=b.md::forged\r\ny" is wrong',
    });
    expect(line).toBe('a.md: title: "x ::error file=b.md::forged y" is wrong');
  });
});
