import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildSite, FIXTURE_SITE } from './support/build.ts';

function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  return new Map(
    files.filter((f) => !f.endsWith('/') && path.extname(f)).map((f) => [f, readFileSync(path.join(dir, f)).toString('base64')]),
  );
}

test('the same content builds a byte-identical site', () => {
  const builds = [0, 1].map(() => {
    const result = buildSite({ contentDir: FIXTURE_SITE, outDir: mkdtempSync(path.join(tmpdir(), 'dateline-same-')) });
    expect(result.status, result.output).toBe(0);
    return snapshot(result.outDir);
  });
  expect([...builds[0]!.keys()]).toEqual([...builds[1]!.keys()]);
  for (const [file, bytes] of builds[0]!) expect(builds[1]!.get(file), file).toBe(bytes);
});
