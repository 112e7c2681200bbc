import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURE_NOW, ROOT } from './support/build.ts';
import { builtFiles } from './support/site-files.ts';

// "Nothing is fetched from the network at build time": the README's build command, with every DNS
// lookup and socket to another host refused and logged (support/no-network.mjs), still builds the site.
test('npm run build makes no request to another host, and builds the search index after Astro exits', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'dateline-offline-'));
  const log = path.join(work, 'network.log');
  const guard = path.join(ROOT, 'tests', 'e2e', 'support', 'no-network.mjs');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONTENT_DIR: 'tests/fixtures/site',
    DATELINE_OUT_DIR: path.join(work, 'dist'),
    DATELINE_CACHE_DIR: path.join(work, 'cache'),
    DATELINE_NOW: FIXTURE_NOW,
    DATELINE_NETWORK_LOG: log,
    NODE_OPTIONS: `--import=${guard}`,
    npm_config_update_notifier: 'false',
  };
  // The package script itself must keep Astro's telemetry off: nothing here turns it off for it.
  delete env.ASTRO_TELEMETRY_DISABLED;
  delete env.CI;
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, env, encoding: 'utf8', timeout: 300_000 });
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  expect(existsSync(log), 'the guard was loaded').toBe(true);
  expect(readFileSync(log, 'utf8')).toBe('');
  expect(existsSync(path.join(work, 'dist', 'world', 'reference-story', 'index.html'))).toBe(true);

  // The search index is its own step of `npm run build`, after Astro has exited (searchIndex in
  // src/integrations/search-index.ts): it is built, and it is the index a bare `astro build` of the same
  // content makes (the site the other browser tests search, built by support/build-and-serve.ts).
  expect(build.stdout).toContain('search index: left to the step after the build');
  expect(build.stdout).toMatch(/search index built from \d+ pages/);
  const index = path.join(work, 'dist', 'pagefind');
  const served = path.join(ROOT, 'tests', '.out', 'site', 'pagefind');
  const files = builtFiles(index, '');
  expect(files).toContain('shards.json');
  expect(files).toContain(path.join('2024', 'pagefind-entry.json'));
  expect(files).toEqual(builtFiles(served, ''));
  for (const file of files.filter((name) => statSync(path.join(index, name)).isFile()))
    expect(readFileSync(path.join(index, file)).equals(readFileSync(path.join(served, file))), file).toBe(true);
});
