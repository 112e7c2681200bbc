import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { articlesLoader } from '../../src/loaders/articles.ts';
import { testSite } from './support/site-config.ts';

// `astro dev` reloads the articles when the content folder changes. Its watcher passes on at most one change
// per file in 50 ms, and an editor often saves in two writes (empty the file, then write it): the second
// write may never be reported. This drives the loader with a watcher that reports only the first write.

const ARTICLE = '---\ntitle: Budget talks resume\ndate: 2024-10-25T19:13:00\n---\n\nTalks on the budget resumed on Friday.\n';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'dateline-watch-'));
  mkdirSync(path.join(root, 'content', 'politics'), { recursive: true });
  // The parsing threads run the project's src/loaders/parse-worker.ts.
  symlinkSync(path.resolve(import.meta.dirname, '..', '..', 'src'), path.join(root, 'src'));
  writeFileSync(path.join(root, 'content', 'politics', 'first.md'), ARTICLE.replace('Budget talks', 'Earlier talks'));
  vi.stubEnv('DATELINE_CACHE_DIR', path.join(root, 'cache'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

/** The parts of Astro's loader context the loader uses, in memory, with a watcher the test drives. */
function devContext() {
  const entries = new Map<string, { id: string; data: Record<string, unknown>; digest?: string }>();
  const meta = new Map<string, string>();
  const log: string[] = [];
  const watcher = Object.assign(new EventEmitter(), { add: () => undefined });
  const context = {
    collection: 'articles',
    config: { root: pathToFileURL(`${root}/`) },
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: { id: string; data: Record<string, unknown>; digest?: string }) => entries.set(entry.id, entry) && true,
      keys: () => [...entries.keys()],
      values: () => [...entries.values()],
      delete: (id: string) => entries.delete(id),
    },
    meta: {
      get: (key: string) => meta.get(key),
      set: (key: string, value: string) => meta.set(key, value),
      delete: (key: string) => meta.delete(key),
    },
    logger: { info: (m: string) => log.push(m), warn: (m: string) => log.push(m), error: (m: string) => log.push(m) },
    generateDigest: (value: unknown) => createHash('sha1').update(String(value)).digest('hex'),
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    watcher,
  } as unknown as LoaderContext;
  return { context, entries, log, watcher };
}

/** Lets real I/O run for `ms` (the test fakes only the loader's timers). */
async function realTime(ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) await new Promise((resolve) => setImmediate(resolve));
}

it('should read a file saved in two writes once it has settled, though only the first write was reported', async () => {
  const loader = articlesLoader({ contentDir: 'content', site: testSite, now: () => new Date('2025-01-01T12:00:00Z') });
  const { context, entries, log, watcher } = devContext();
  await loader.load(context);
  expect([...entries.keys()]).toEqual(['politics/first.md']);

  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const file = path.join(root, 'content', 'politics', 'budget-talks.md');
  writeFileSync(file, '');
  watcher.emit('all', 'add', file);
  await realTime(150); // time enough for a reload that does not wait to read the empty file
  writeFileSync(file, ARTICLE); // the second write: the watcher drops its event
  const loads = log.filter((line) => line.includes(' files: ')).length;
  vi.advanceTimersByTime(200);
  for (let waited = 0; waited < 3000 && log.filter((line) => line.includes(' files: ')).length === loads; waited += 10) await realTime(10);

  expect(entries.get('politics/budget-talks.md')?.data.title).toBe('Budget talks resume');
  expect(log.join('\n')).not.toContain('the file is empty');
});
