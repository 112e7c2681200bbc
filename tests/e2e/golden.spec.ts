import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildSite, FIXTURE_SITE, ROOT } from './support/build.ts';

/**
 * Restructuring must not change what readers get: the sample newsroom and the fixture site (under a base
 * path) build to exactly the files recorded in tests/golden/, byte for byte (a SHA-256 each). A change that
 * means to change the output records the new files with `UPDATE_GOLDEN=1 npm run test:e2e -- golden` and says
 * why in its commit; the diff of the manifest shows which pages changed.
 */

const UPDATE = process.env.UPDATE_GOLDEN === '1';

function manifest(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(path.join(dir, file)).isFile())
    .map((file) => file.split(path.sep).join('/'))
    .sort();
  return Object.fromEntries(
    files.map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(path.join(dir, file)))
        .digest('hex'),
    ]),
  );
}

for (const [name, contentDir, env] of [
  ['sample', path.join(ROOT, 'content'), { DATELINE_NOW: '2025-02-01T12:00:00Z' }],
  ['fixture-news', FIXTURE_SITE, { BASE_PATH: '/news/' }],
] as const) {
  test(`the ${name} site builds to the recorded files, byte for byte`, () => {
    test.setTimeout(180_000);
    const build = buildSite({ contentDir, env });
    expect(build.status, build.output.slice(-3000)).toBe(0);
    const built = manifest(build.outDir);
    const file = path.join(ROOT, 'tests', 'golden', `${name}.json`);
    if (UPDATE) writeFileSync(file, `${JSON.stringify(built, null, 2)}\n`);
    expect(existsSync(file), `${file} records the files (UPDATE_GOLDEN=1 writes it)`).toBe(true);
    const recorded = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    const changed = Object.keys({ ...recorded, ...built })
      .filter((key) => recorded[key] !== built[key])
      .sort();
    expect(changed, 'files that differ from tests/golden (UPDATE_GOLDEN=1 records them, when the change is meant)').toEqual([]);
  });
}
