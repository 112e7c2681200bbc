import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CardContent } from '../lib/social-card.ts';
import type { DrawnCard } from './social-cards.ts';

/**
 * A pool of card-drawing threads, one per core, created on first use. Each job goes to the thread with the
 * fewest waiting; threads are unreferenced, so they never keep a finished build alive.
 *
 * The worker is loaded from the project's source folder by path (the build runs from the project root, as
 * the cache folder assumes too): page code is bundled by Vite, but the worker runs as plain Node code.
 */
interface PoolThread {
  worker: Worker;
  waiting: Map<number, { resolve: (card: DrawnCard) => void; reject: (error: Error) => void }>;
}

let threads: PoolThread[] | undefined;
let nextId = 0;

function pool(): PoolThread[] {
  threads ??= Array.from({ length: availableParallelism() }, () => {
    const worker = new Worker(path.resolve(process.cwd(), 'src', 'data', 'card-worker.ts'));
    const thread: PoolThread = { worker, waiting: new Map() };
    worker.on('message', (message: { id: number; png?: Uint8Array; missing?: string[]; error?: string }) => {
      const job = thread.waiting.get(message.id);
      thread.waiting.delete(message.id);
      if (thread.waiting.size === 0) worker.unref();
      if (message.error !== undefined) job?.reject(new Error(message.error));
      else job?.resolve({ png: message.png!, missing: message.missing ?? [] });
    });
    worker.on('error', (error) => {
      for (const job of thread.waiting.values()) job.reject(error);
      thread.waiting.clear();
    });
    worker.unref();
    return thread;
  });
  return threads;
}

/** Draws a card on the least busy thread of the pool. */
export function drawInPool(content: CardContent): Promise<DrawnCard> {
  const thread = pool().reduce((best, candidate) => (candidate.waiting.size < best.waiting.size ? candidate : best));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    thread.waiting.set(id, { resolve, reject });
    thread.worker.ref();
    thread.worker.postMessage({ id, content });
  });
}
