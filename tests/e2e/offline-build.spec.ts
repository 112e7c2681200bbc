import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURE_NOW, ROOT } from './support/build.ts';

// "Nothing is fetched from the network at build time": the README's build command, with every DNS
// lookup and socket to another host refused and logged (support/no-network.mjs), still builds the site.
test('npm run build makes no request to another host', () => {
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
});
