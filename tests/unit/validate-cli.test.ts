import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const validate = (contentDir: string) =>
  spawnSync(process.execPath, [path.join(root, 'scripts', 'validate.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: contentDir, DATELINE_NOW: '2025-01-01T12:00:00Z' },
  });

describe('npm run validate', () => {
  it('should pass a good folder and say so', () => {
    const run = validate('tests/fixtures/site');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/25 files checked in \d+ ms: ready to publish\./);
  });

  it('should list every problem of a bad folder at once and exit 1', () => {
    const run = validate('tests/fixtures/bad-site');
    expect(run.status).toBe(1);
    for (const file of [
      'no-title',
      'display-date',
      'broken-yaml',
      'quoted-draft',
      'world/same-slug',
      'politics/same-slug',
      'unknown-pin',
      'unclosed',
      'empty',
    ]) {
      expect(run.stdout).toContain(`${file}.md`);
    }
    expect(run.stdout).toMatch(/tests\/fixtures\/bad-site\/world\/display-date\.md:3: date: "25\/10\/2024 19h13" is not an ISO 8601 date/);
    expect(run.stdout).toMatch(/9 errors in 9 files, 0 warnings\.\n10 files checked in \d+ ms: fix the errors above\./);
  });
});
