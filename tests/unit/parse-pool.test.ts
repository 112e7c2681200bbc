import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBody } from '../../src/body-files.ts';
import { parseArticle } from '../../src/lib/article/parse.ts';
import { articleSource, parseOptionsFor } from '../../src/loaders/content-files.ts';
import { parseFiles } from '../../src/loaders/parse-pool.ts';
import { site } from '../../src/site.config.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
// 201 hostile articles: enough for the pool to start a worker thread on a machine with two cores or more.
const FOLDER = path.join(ROOT, 'tests', 'fixtures', 'xss');

describe('parseFiles', () => {
  it('gives, in file order, what parseArticle gives for each file, with each body in its body file', async () => {
    const files = readdirSync(FOLDER, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((relPath, i) => ({ relPath, bytes: readFileSync(path.join(FOLDER, relPath)), digest: `digest-${i}` }));
    expect(files.length).toBeGreaterThan(200);
    const bodies = mkdtempSync(path.join(tmpdir(), 'dateline-bodies-'));
    const options = parseOptionsFor(site);

    const pooled = await parseFiles(ROOT, FOLDER, files, options, bodies);

    expect(pooled).toHaveLength(files.length);
    files.forEach(({ relPath, bytes, digest }, i) => {
      const { article, ...rest } = parseArticle(articleSource(ROOT, FOLDER, relPath, bytes), options);
      const { article: pooledArticle, ...pooledRest } = pooled[i]!;
      expect(pooledRest, relPath).toEqual(rest);
      if (!article) return expect(pooledArticle, relPath).toBeUndefined();
      const { html, ...stored } = article;
      expect(pooledArticle, relPath).toEqual(stored);
      expect(readBody(bodies, digest), relPath).toBe(html);
    });
  });
});
