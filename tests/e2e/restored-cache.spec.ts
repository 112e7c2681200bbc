import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURE_NOW, ROOT } from './support/build.ts';
import { differingFiles, filesIn } from './support/site-files.ts';

// The deploy workflow restores the build's cache folder into a fresh checkout, runs `npm ci` and builds.
// That build must be warm (nothing parsed, drawn or rendered again) and publish exactly what a build from
// scratch publishes. Both checkouts sit at the same path, as on a CI runner.

/** A fresh checkout of the project as it is now: every tracked file, nothing else (no node_modules, no caches). */
function checkout(to: string): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  const tracked = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  for (const file of tracked) {
    if (existsSync(path.join(ROOT, file))) cpSync(path.join(ROOT, file), path.join(to, file), { recursive: true });
  }
}

function run(cwd: string, args: string[]): string {
  // The checkout's defaults are under test: its own content, cache folder and dist/.
  const overrides = new Set(['DATELINE_CACHE_DIR', 'DATELINE_OUT_DIR', 'CONTENT_DIR']);
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !overrides.has(name))),
    DATELINE_NOW: FIXTURE_NOW,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  const result = spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 300_000 });
  const output = `${result.stdout}\n${result.stderr}`;
  expect(result.status, `npm ${args.join(' ')}\n${output.slice(-4000)}`).toBe(0);
  return output;
}

/**
 * The routes Astro wrote and whether each came from the incremental cache. With pages rendered several at a
 * time, a route's render time is printed later on a line of its own, but "(cached)" or "(restored)"
 * follows its path at once (after a `/` for an endpoint's file, which Astro prints as a folder).
 */
function writtenRoutes(log: string): { route: string; fromCache: boolean }[] {
  return log
    .split(/[├└]─ /)
    .slice(1)
    .map((chunk) => /^(\/\S+?\.(?:html|png|xml|json|txt))\/?(\s+\((?:cached|restored)\))?/.exec(chunk))
    .filter((match) => match !== null)
    .map((match) => ({ route: match[1]!, fromCache: match[2] !== undefined }));
}

/** `/<section>/<slug>/index.html`, not a list page at that depth. */
function isArticlePage(route: string): boolean {
  const parts = route.split('/').filter(Boolean);
  return parts.length === 3 && !['tags', 'authors', 'archive', 'sections'].includes(parts[0]!) && !/^\d+$/.test(parts[1]!);
}

test('a fresh checkout with the cache folder restored builds warm after `npm ci` and writes what a cold build writes', () => {
  test.setTimeout(600_000);
  const work = mkdtempSync(path.join(tmpdir(), 'dateline-restored-'));
  const project = path.join(work, 'project');
  const saved = path.join(work, 'saved');
  mkdirSync(saved);
  try {
    checkout(project);
    run(project, ['ci', '--prefer-offline', '--no-audit', '--no-fund']);
    const cold = run(project, ['run', 'build']);
    expect(cold).toMatch(/(\d+) files: \1 parsed, 0 unchanged/);
    // What CI keeps between runs: the cache folder; the published site, to compare.
    renameSync(path.join(project, '.dateline-cache'), path.join(saved, '.dateline-cache'));
    renameSync(path.join(project, 'dist'), path.join(saved, 'dist'));

    checkout(project);
    cpSync(path.join(saved, '.dateline-cache'), path.join(project, '.dateline-cache'), { recursive: true });
    run(project, ['ci', '--prefer-offline', '--no-audit', '--no-fund']);
    const warm = run(project, ['run', 'build']);
    expect(warm).toMatch(/(\d+) files: 0 parsed, \d+ unchanged/);
    // validate keeps its results in the same cache as the build: after a build it parses nothing.
    const validated = run(project, ['run', 'validate']);
    expect(validated).toMatch(/(\d+) files checked in \d+ ms \(\1 unchanged since the last run\)/);
    // Every article page comes from the cache, and no social card is drawn again.
    const articles = writtenRoutes(warm).filter(({ route }) => isArticlePage(route));
    expect(articles.length).toBeGreaterThan(20);
    expect(articles.filter(({ fromCache }) => !fromCache)).toEqual([]);
    expect(warm).toMatch(/social cards: (\d+) \(0 drawn, \1 from the cache/);
    expect(cold).toMatch(/social cards: (\d+) \(\1 drawn, 0 from the cache/);
    // Nor is the search index made again: the article pages are those it was made from.
    expect(warm).toMatch(/search index unchanged/);

    const files = filesIn(path.join(saved, 'dist'));
    expect(filesIn(path.join(project, 'dist'))).toEqual(files);
    expect(differingFiles(files, path.join(project, 'dist'), path.join(saved, 'dist'))).toEqual([]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
