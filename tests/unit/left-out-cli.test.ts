import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/lib/build-report.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

function run(report: BuildReport) {
  const dir = mkdtempSync(path.join(tmpdir(), 'dateline-left-out-'));
  writeFileSync(path.join(dir, 'build-report.json'), JSON.stringify(report));
  const output = path.join(dir, 'github-output');
  writeFileSync(output, '');
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'left-out.ts'), path.join(dir, 'build-report.json')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_OUTPUT: output },
  });
  return { ...result, githubOutput: readFileSync(output, 'utf8') };
}

const empty: BuildReport = { leftOut: true, published: 12, drafts: [], scheduled: [], expired: [], rejected: [], notRead: [] };

describe('npm run left-out', () => {
  it('should list each file left out with every error, for the run summary, and count them for the workflow', () => {
    const result = run({
      ...empty,
      rejected: [
        {
          file: 'content/world/a.md',
          problems: [
            { line: 3, field: 'date', message: '"25/10/2024" is not an ISO 8601 date', hint: 'write 2024-10-25T19:13:00' },
            { line: 9, message: 'image ./x.jpg does not exist next to the article' },
          ],
        },
        { file: 'content/politics/b.md', problems: [{ line: 1, message: 'the file is empty' }] },
      ],
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      [
        '**2 article files were left out of the published site**, each for the errors listed; the other 12 are published. Fix each file and push: the next build publishes it.',
        '',
        '- `content/world/a.md`',
        '  - line 3: date: "25/10/2024" is not an ISO 8601 date (write 2024-10-25T19:13:00)',
        '  - line 9: image ./x.jpg does not exist next to the article',
        '- `content/politics/b.md`',
        '  - line 1: the file is empty',
        '',
      ].join('\n'),
    );
    expect(result.githubOutput).toBe('left-out=2\n');
  });

  it('should say that nothing was left out, and count zero', () => {
    const result = run(empty);
    expect(result.stdout).toContain('none was left out');
    expect(result.githubOutput).toBe('left-out=0\n');
  });
});
