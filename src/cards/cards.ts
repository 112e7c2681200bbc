import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import { boundedQueue } from '../build/bounded-queue.ts';
import { cacheDir } from '../build/build-paths.ts';
import { cardHash, type CardContent } from '../lib/social-card.ts';
import { DRAWING_VERSION } from './drawing-version.ts';
import { placeFile } from '../build/place-file.ts';
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

function cardsCache(): string {
  return path.join(cacheDir(), 'dateline-cards');
}

function cardKey(content: CardContent): string {
  return cardHash(content, DRAWING_VERSION);
}

function cacheFile(content: CardContent): string {
  return path.join(cardsCache(), `${cardKey(content)}.png`);
}

/** A card the build publishes: its file name in the output's cards folder, and what it shows. */
export interface PublishedCard {
  name: string;
  content: CardContent;
}

/** What writing the cards did, for the build's log. */
export interface CardsWritten {
  cards: number;
  drawn: number;
  /** Files of the output's cards folder written or replaced (the others were already in place). */
  written: number;
  removed: number;
}

/** Social cards for one build: which are queued, drawn or in the cache. */
export interface CardDrawing {
  /**
   * Queues every card not in the cache yet, so they are drawn on every core while the pages render, and
   * notes the cards the build publishes. At most a few are drawn at a time (the rest wait as plain data),
   * each written to the cache as soon as it is drawn.
   */
  prepare(cards: readonly PublishedCard[]): void;
  /**
   * The PNG of a card, drawn once per content: a card whose headline, section, date and publisher are
   * unchanged is read from the cache. A card still queued is drawn now, ahead of the others.
   */
  png(content: CardContent): Promise<Buffer>;
  /**
   * Puts every card of the last `prepare` into `dir` as soon as it is drawn, removes other files there, and
   * empties the cache of cards the build no longer has. Fails naming every card that could not be drawn.
   */
  writeAll(dir: string): Promise<CardsWritten>;
  /** Cards queued and not started, and cards being drawn. */
  inQueue(): { waiting: number; running: number };
}

/** `draw` is the thread pool in a build; tests may draw on their own thread or count what is drawn. */
export function cardDrawing(
  draw: DrawToFile,
  warn: (message: string) => void,
  limit = availableParallelism() * JOBS_PER_THREAD,
): CardDrawing {
  let drawn = 0;
  const queue = boundedQueue(async (job: CardJob) => {
    const missing = await draw(job);
    drawn += 1;
    if (missing.length > 0)
      warn(`social card for "${job.content.title}": no shipped font draws "${missing.join('')}"; those characters show as boxes`);
    return missing;
  }, limit);
  const queueMissing = (content: CardContent) => {
    const file = cacheFile(content);
    if (!existsSync(file)) {
      // Drawn before but gone since (the cache folder cleared while `astro dev` runs): drawn again.
      queue.forget(cardKey(content));
      queue.add(cardKey(content), { content, file });
    }
    return file;
  };
  let published: readonly PublishedCard[] = [];
  return {
    prepare(cards) {
      published = cards;
      for (const { content } of cards) queueMissing(content);
    },
    async png(content) {
      const file = queueMissing(content);
      try {
        await queue.whenDone(cardKey(content));
      } catch (error) {
        // Asked for again (a reload in `astro dev`), it is drawn again rather than failing for good.
        queue.forget(cardKey(content));
        throw error;
      }
      return readFileSync(file);
    },
    async writeAll(dir) {
      mkdirSync(dir, { recursive: true });
      const failures: string[] = [];
      const names = new Set<string>();
      const cached = new Set<string>();
      let written = 0;
      for (const { name, content } of published) {
        names.add(name);
        const file = cacheFile(content);
        cached.add(path.basename(file));
        try {
          await queue.whenDone(cardKey(content));
        } catch (error) {
          failures.push(`"${content.title}" (${name}): ${(error as Error).message}`);
          continue;
        }
        if (placeFile(file, path.join(dir, name))) written += 1;
      }
      if (failures.length > 0) throw new Error(`These social cards could not be drawn:\n${failures.join('\n')}`);
      const removed = removeOthers(dir, names);
      removeOthers(cardsCache(), cached);
      return { cards: published.length, drawn, written, removed };
    },
    inQueue: () => ({ waiting: queue.waiting, running: queue.running }),
  };
}

/** Removes the files of a folder not named in `keep`; says how many. */
function removeOthers(dir: string, keep: ReadonlySet<string>): number {
  let removed = 0;
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (keep.has(name)) continue;
    rmSync(path.join(dir, name), { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}

/**
 * The build's cards, shared by the page code (bundled by Vite, which queues them) and the integration that
 * publishes them (loaded with the configuration): two copies of this module, one process, one queue.
 */
const SHARED = Symbol.for('dateline.social-cards');
export function buildCards(): CardDrawing {
  const global = globalThis as { [SHARED]?: CardDrawing };
  global[SHARED] ??= cardDrawing(drawInPool, console.warn);
  return global[SHARED];
}

/** `DATELINE_SKIP_CARDS=1` builds without social cards, for quick previews and benchmarks. */
export function skipCards(): boolean {
  return process.env.DATELINE_SKIP_CARDS === '1';
}
