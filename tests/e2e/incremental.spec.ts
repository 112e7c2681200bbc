import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { NEW_ARTICLE } from './support/articles.ts';
import { buildSite, FIXTURE_SITE } from './support/build.ts';
import { differingFiles, filesIn } from './support/site-files.ts';

// Rebuilds skip every page whose key (src/lib/page-keys.ts) and code are unchanged, keeping last build's
// file. A key that misses something a page shows would leave a stale page behind: the only proof there is
// none is that a rebuild after edits writes exactly the site a build from scratch writes.

test('a rebuild after edits renders only some pages again and writes the same files as a build from scratch', () => {
  const contentDir = mkdtempSync(path.join(tmpdir(), 'dateline-content-'));
  cpSync(FIXTURE_SITE, contentDir, { recursive: true });
  const outDir = mkdtempSync(path.join(tmpdir(), 'dateline-out-'));
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'dateline-cache-'));
  const first = buildSite({ contentDir, outDir, cacheDir });
  expect(first.status, first.output).toBe(0);

  const edit = (file: string, change: (text: string) => string) => {
    const at = path.join(contentDir, file);
    writeFileSync(at, change(readFileSync(at, 'utf8')));
  };
  // A headline shown in other articles' Related lists, in lists and feeds.
  edit('world/kim-putin-summit.md', (text) => text.replace('sign defence pact in Pyongyang', 'seal a defence pact'));
  // A body: its page, the feeds that carry it.
  edit('world/kursk-incursion.md', (text) => `${text}\nA new paragraph from the front.\n`);
  // An article removed (its page must go) and one added (new page, new Related entries, new tag lists).
  rmSync(path.join(contentDir, 'world', 'weather-brief-15.md'));
  writeFileSync(path.join(contentDir, 'world', 'kim-artillery.md'), NEW_ARTICLE);

  const rebuilt = buildSite({ contentDir, outDir, cacheDir });
  expect(rebuilt.status, rebuilt.output).toBe(0);
  const kept = rebuilt.output.match(/\((?:cached|restored)\)/g)?.length ?? 0;
  const rendered = rebuilt.output.match(/\(\+\d+(?:\.\d+)?m?s\)/g)?.length ?? 0;
  expect(kept, 'pages kept from the last build').toBeGreaterThan(15);
  expect(rendered, 'pages rendered again').toBeGreaterThan(5);
  // Social cards are drawn again only for the edited headline and the added article.
  expect(rebuilt.output).toMatch(/social cards: \d+ \(2 drawn, \d+ from the cache; 2 written, 1 removed\)/);
  // The output folder is not emptied: what this build did not write (the removed article's page, the old
  // search index) is removed after it, and nothing else.
  expect(rebuilt.output).toMatch(/removed \d+ files of the last build that this one did not write/);

  const fresh = buildSite({ contentDir });
  expect(fresh.status, fresh.output).toBe(0);
  const files = filesIn(fresh.outDir);
  expect(filesIn(outDir)).toEqual(files);
  expect(differingFiles(files, outDir, fresh.outDir)).toEqual([]);
  expect(files).not.toContain('world/weather-brief-15/index.html');
  expect(readFileSync(path.join(outDir, 'world', 'reference-story', 'index.html'), 'utf8')).toContain('Kim and Putin seal a defence pact');
});
