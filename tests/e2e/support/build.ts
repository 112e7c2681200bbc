import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const FIXTURE_SITE = path.join(ROOT, 'tests', 'fixtures', 'site');
/** The clock every fixture build runs at: after every fixture date except the scheduled one. */
export const FIXTURE_NOW = '2025-01-01T12:00:00Z';

export interface BuildResult {
  status: number | null;
  /** stdout and stderr together, colours off. */
  output: string;
  outDir: string;
  /** The build ran past `timeoutMs` and was killed (a hang). */
  timedOut: boolean;
}

/**
 * Runs a real `astro build` of a content folder into its own output and cache folders, so builds of
 * different content never share state. Runs on the same Node as the tests (Node 22 from the project).
 */
export function buildSite(options: {
  contentDir: string;
  outDir?: string;
  cacheDir?: string;
  env?: Record<string, string>;
  /** Kill the build after this long, so a hang fails the test instead of stalling it. */
  timeoutMs?: number;
}): BuildResult {
  // In a folder of its own: build-report.json is written beside the output folder.
  const outDir = options.outDir ?? path.join(mkdtempSync(path.join(tmpdir(), 'dateline-out-')), 'dist');
  const cacheDir = options.cacheDir ?? mkdtempSync(path.join(tmpdir(), 'dateline-cache-'));
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    ...(options.timeoutMs !== undefined && { timeout: options.timeoutMs, killSignal: 'SIGKILL' as const }),
    env: {
      ...process.env,
      CONTENT_DIR: options.contentDir,
      DATELINE_OUT_DIR: outDir,
      DATELINE_CACHE_DIR: cacheDir,
      DATELINE_NOW: FIXTURE_NOW,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      // No editor unless a test asks for one (cms.spec.ts): fixture builds stay the same when a newsroom turns it on.
      SITE_CMS: 'false',
      ...options.env,
    },
  });
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir, timedOut };
}
