import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { PIPELINE_FINGERPRINT, PIPELINE_VERSION } from '../../src/lib/article/pipeline-version.ts';

const lib = path.join(import.meta.dirname, '..', '..', 'src', 'lib');
/** Everything parsing depends on: the article folder and the modules it imports. */
const files = [
  ...readdirSync(path.join(lib, 'article'))
    .filter((file) => file !== 'pipeline-version.ts')
    .map((file) => `article/${file}`),
  'dates.ts',
  'problems.ts',
  'slug.ts',
  'urls.ts',
].sort();

it('should have a new PIPELINE_VERSION whenever the article pipeline changes', () => {
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(lib, file)))
      .update('\0');
  const fingerprint = hash.digest('hex');
  expect(
    PIPELINE_FINGERPRINT,
    `the article pipeline changed: bump PIPELINE_VERSION (now ${PIPELINE_VERSION}) and set PIPELINE_FINGERPRINT to '${fingerprint}' in src/lib/article/pipeline-version.ts`,
  ).toBe(fingerprint);
});
