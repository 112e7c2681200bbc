import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import { boundedQueue, type BoundedQueue } from '../build/bounded-queue.ts';
import { cacheDir } from '../build-paths.ts';
import { cardHash, type CardContent } from '../lib/social-card.ts';
import type { CardJob } from './worker.ts';

/** Jobs in flight per drawing thread: one drawing, one ready to start, so a thread never waits for work. */
const JOBS_PER_THREAD = 2;

/** Draws a card into its cache file; resolves to the text no shipped font could draw. */
export type DrawToFile = (job: CardJob) => Promise<string[]>;

let pool: Piscina<CardJob, string[]> | undefined;

/**
 * The drawing threads, one per core, created on first use. Idle threads do not keep a finished build alive.
 * The worker is loaded from the project's source folder by path (the build runs from the project root, as
 * the cache folder assumes too): page code is bundled by Vite, but the worker runs as plain Node code.
 */
function drawInPool(job: CardJob): Promise<string[]> {
  pool ??= new Piscina({ filename: path.resolve(process.cwd(), 'src', 'cards', 'worker.ts'), maxThreads: availableParallelism() });
  return pool.run(job);
}

function cacheFile(content: CardContent): string {
  return path.join(cacheDir(), 'dateline-cards', `${cardHash(content)}.png`);
}

/** Social cards for one build: which are queued, drawn or in the cache. */
export interface CardDrawing {
  /**
   * Queues every card not in the cache yet, so they are drawn on every core while the other pages render.
   * At most a few are drawn at a time (the rest wait as plain data), each written to the cache when drawn.
   */
  prepare(contents: readonly CardContent[]): void;
  /**
   * The PNG of an article's social card, drawn once per content: a card whose headline, section, date and
   * publisher are unchanged is read from the cache. A card still queued is drawn now, ahead of the others.
   */
  png(content: CardContent): Promise<Buffer>;
  /** Cards queued and not started, and cards being drawn. */
  inQueue(): { waiting: number; running: number };
}

/** `draw` is the thread pool in a build; tests may draw on their own thread or count what is drawn. */
export function cardDrawing(
  draw: DrawToFile,
  warn: (message: string) => void,
  limit = availableParallelism() * JOBS_PER_THREAD,
): CardDrawing {
  const queue: BoundedQueue<CardJob, string[]> = boundedQueue(async (job) => {
    const missing = await draw(job);
    if (missing.length > 0)
      warn(`social card for "${job.content.title}": no shipped font draws "${missing.join('')}"; those characters show as boxes`);
    return missing;
  }, limit);
  const queueMissing = (content: CardContent) => {
    const file = cacheFile(content);
    if (!existsSync(file)) queue.add(cardHash(content), { content, file });
    return file;
  };
  return {
    prepare(contents) {
      for (const content of contents) queueMissing(content);
    },
    async png(content) {
      const file = queueMissing(content);
      await queue.whenDone(cardHash(content));
      return readFileSync(file);
    },
    inQueue: () => ({ waiting: queue.waiting, running: queue.running }),
  };
}

let shared: CardDrawing | undefined;
/** The build's cards, drawn by the thread pool. */
export function buildCards(): CardDrawing {
  shared ??= cardDrawing(drawInPool, console.warn);
  return shared;
}

/** `DATELINE_SKIP_CARDS=1` builds without social cards, for quick previews and benchmarks. */
export function skipCards(): boolean {
  return process.env.DATELINE_SKIP_CARDS === '1';
}
