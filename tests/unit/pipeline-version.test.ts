import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { PIPELINE_FINGERPRINT, PIPELINE_VERSION } from '../../src/lib/article/pipeline-version.ts';

const folder = path.join(import.meta.dirname, '..', '..', 'src', 'lib', 'article');

it('should have a new PIPELINE_VERSION whenever the article pipeline changes', () => {
  const hash = createHash('sha256');
  for (const file of readdirSync(folder).sort()) {
    if (file === 'pipeline-version.ts') continue;
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(folder, file)))
      .update('\0');
  }
  const fingerprint = hash.digest('hex');
  expect(
    PIPELINE_FINGERPRINT,
    `src/lib/article changed: bump PIPELINE_VERSION (now ${PIPELINE_VERSION}) and set PIPELINE_FINGERPRINT to '${fingerprint}' in src/lib/article/pipeline-version.ts`,
  ).toBe(fingerprint);
});
