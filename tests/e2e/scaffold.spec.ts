import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildSite, ROOT } from './support/build.ts';

// The newsroom's first step: `npm run new` writes a draft that `npm run validate` accepts and the build
// reports as a draft; marked ready with its placeholder still in it, it is refused; written, it is published.
test('the scaffolded article validates, builds as a draft, is refused while it holds the placeholder, and is published once written', () => {
  const contentDir = mkdtempSync(path.join(tmpdir(), 'dateline-scaffold-'));
  const env = {
    ...process.env,
    CONTENT_DIR: contentDir,
    DATELINE_NOW: '2024-10-25T17:13:00Z',
    DATELINE_CACHE_DIR: mkdtempSync(path.join(tmpdir(), 'dateline-scaffold-cache-')),
  };
  const node = (script: string, args: string[] = []) =>
    spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, env, encoding: 'utf8' });

  const created = node('new-article.ts', [
    'Seoul briefs lawmakers on troop movements',
    '--section',
    'Politics',
    '--tags',
    'North Korea, Russia',
  ]);
  expect(created.status, created.stderr).toBe(0);
  const file = path.join(contentDir, 'politics', 'seoul-briefs-lawmakers-on-troop-movements.md');
  expect(existsSync(file)).toBe(true);

  const validated = node('validate.ts');
  expect(validated.status, validated.stdout).toBe(0);
  expect(validated.stdout).toMatch(/1 files checked in \d+ ms.*: ready to publish\./);

  const draft = buildSite({ contentDir, env: { DATELINE_NOW: '2024-10-25T18:00:00Z', DATELINE_SKIP_CARDS: '1' } });
  expect(draft.status, draft.output).toBe(0);
  expect(draft.output).toMatch(/published: 0 · drafts: 1: .*seoul-briefs-lawmakers-on-troop-movements\.md · scheduled: 0 · rejected: 0/);

  writeFileSync(file, readFileSync(file, 'utf8').replace('draft: true', 'draft: false'));
  const unwritten = buildSite({ contentDir, env: { DATELINE_NOW: '2024-10-25T18:00:00Z', DATELINE_SKIP_CARDS: '1' } });
  expect(unwritten.status).not.toBe(0);
  expect(unwritten.output).toMatch(
    /seoul-briefs-lawmakers-on-troop-movements\.md:\d+: the body still holds the placeholder "Write the story here\." \(write the story in its place, or keep draft: true/,
  );

  writeFileSync(file, readFileSync(file, 'utf8').replace('Write the story here.', 'South Korean officials briefed lawmakers on Thursday.'));
  const ready = buildSite({ contentDir, env: { DATELINE_NOW: '2024-10-25T18:00:00Z', DATELINE_SKIP_CARDS: '1' } });
  expect(ready.status, ready.output).toBe(0);
  const page = readFileSync(path.join(ready.outDir, 'politics', 'seoul-briefs-lawmakers-on-troop-movements', 'index.html'), 'utf8');
  expect(page).toContain('Seoul briefs lawmakers on troop movements');
});
