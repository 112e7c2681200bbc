import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';

/**
 * Work shared between this thread and worker threads: every thread takes the next item number from one
 * shared counter until none is left, so a thread that drew short items simply takes more. Results are put
 * back in item order, so the outcome is the same however many threads ran and whichever took what.
 */

/**
 * Worker threads get about the main thread's stack (a worker's default is 4 MB, V8's main-thread limit
 * ~1 MB), so a body nested a thousand levels deep or more overflows and is reported (read.ts) at about the
 * same depth on every thread, in the build's pool and validate's alike: measured, 1,875 quotes / ~1,000 list
 * levels on both.
 */
export const WORKER_STACK_MB = 1.15;

/** Extra threads worth starting for `count` items, when starting one costs about as much as `perThread` items. */
export function extraThreadsFor(count: number, perThread: number): number {
  return Math.max(0, Math.min(availableParallelism() - 1, Math.floor(count / perThread)));
}

/** Runs `task` on item numbers taken from the shared counter until they pass `count`. */
export function takeFromCounter<T>(next: SharedArrayBuffer, count: number, task: (index: number) => T): [number, T][] {
  const counter = new Int32Array(next);
  const done: [number, T][] = [];
  for (let i = Atomics.add(counter, 0, 1); i < count; i = Atomics.add(counter, 0, 1)) done.push([i, task(i)]);
  return done;
}

/**
 * Runs `here` on this thread while the `workers` (each posting its `[index, result][]` once, when the
 * counter runs out) do the same; returns the results by item number.
 */
export async function shareOut<T>(count: number, workers: Worker[], here: () => Promise<[number, T][]> | [number, T][]): Promise<T[]> {
  const fromWorkers = workers.map(
    (worker) =>
      new Promise<[number, T][]>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`a worker thread stopped (exit code ${code}) before finishing its share`)));
      }),
  );
  const results = new Array<T>(count);
  for (const [i, result] of await here()) results[i] = result;
  for (const batch of await Promise.all(fromWorkers)) for (const [i, result] of batch) results[i] = result;
  return results;
}
