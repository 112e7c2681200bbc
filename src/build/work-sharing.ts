import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/**
 * Work shared among worker threads, each item under a time limit. Items are handed out one or two at a time
 * to every thread (a thread that drew short items simply takes more); each thread notes in shared memory
 * which item it is on and since when, so this thread, which only hands out and collects, can stop a thread
 * stuck on one item (a Markdown shape the parser takes minutes over), record that item as stopped and start
 * a replacement that goes on with the rest. No item is worked on here: synchronous work cannot be stopped.
 * Results are put back in item order, so the outcome is the same however many threads ran.
 */

/**
 * Worker threads get about the main thread's stack (a worker's default is 4 MB, V8's main-thread limit
 * ~1 MB), so a body nested a thousand levels deep or more overflows and is reported (read.ts) at about the
 * same depth on every thread, in the build's pool and validate's alike: measured, 1,875 quotes / ~1,000 list
 * levels on both.
 */
const WORKER_STACK_MB = 1.15;

/** Why an item has no result: past the time limit, past the heap limit, or its task failed. */
export type Stopped = { stopped: 'time' | 'memory' | 'crash'; detail: string };

/** What became of one item: the task's result, or why it has none. */
export type Outcome<R> = { result: R } | Stopped;

export interface PoolOptions {
  /** The worker script: it calls `serveItems` with the task. */
  script: string | URL;
  /** Starting a thread costs about as much as this many items (it loads the task's code). */
  itemsPerThread: number;
  /** An item that takes longer is stopped (its thread is terminated and replaced). */
  limitMs: number;
  /** The most heap a thread may use, in MiB: past it the thread is ended and its item stopped, not the whole process. */
  heapLimitMb?: number;
  /** Given to every thread as `workerData.setup` when it starts: what to load before it takes items. */
  setup?: unknown;
  /** Keep idle threads for the next run (`astro dev` reloads) rather than ending them after each run. */
  keepAlive?: boolean;
}

/** Batches a thread is sent at a time: it starts the next while this thread collects the last. */
const AHEAD = 2;

/**
 * Items per batch: a message costs this thread about as much as a small item costs a worker, so items go
 * and come back several at a time, fewer when there are few (so they spread over the threads). A thread
 * stopped on one item loses the answers of the others in its batch: they are worked on again elsewhere.
 */
const batchSize = (count: number, threads: number) => Math.max(1, Math.min(16, Math.floor(count / (threads * 16))));

/** A slot in shared memory, per thread: the item it is on (-1 when none) and when it started it (ms since the epoch). */
const NONE = -1;

type Answer = [index: number, answer: { result: unknown } | { error: string }];
type FromWorker = { run: number; answers: Answer[] };
type ToWorker = { run: number; payload: unknown } | { run: number; indexes: number[] };

interface Thread {
  worker: Worker;
  slot: Float64Array;
  /** The run whose payload this thread has been sent. */
  run: number;
  /** Items sent and not yet answered. */
  sent: number[];
  /** Batches sent and not yet answered. */
  batches: number;
  /** Items answered since it started: a thread that fails before answering any cannot run the task at all. */
  answered: number;
  /** Why it was ended, if this pool ended it. */
  stopping?: { index: number; outcome: Outcome<never> };
  error?: Error;
}

interface Run {
  id: number;
  payload: unknown;
  /** Threads working at once: one per core when there are enough items to pay for starting them. */
  threads: number;
  /** Items sent to a thread at a time. */
  batch: number;
  outcomes: Outcome<unknown>[];
  left: number;
  /** Items not yet sent to a thread, taken from the end (so the order is reversed once, at the start). */
  queue: number[];
  resolve: (outcomes: Outcome<unknown>[]) => void;
  reject: (error: Error) => void;
}

const now = () => performance.timeOrigin + performance.now();

export class WorkPool<P, R> {
  readonly #options: PoolOptions;
  readonly #threads = new Set<Thread>();
  #runs = 0;
  #current: Run | undefined;
  #watchdog: NodeJS.Timeout | undefined;
  #closed = false;
  #peak = 0;

  constructor(options: PoolOptions) {
    this.#options = options;
  }

  /** Runs the task on items `0 … count - 1`, each given `payload`; outcomes by item number. One run at a time. */
  run(payload: P, count: number): Promise<Outcome<R>[]> {
    if (this.#current) return Promise.reject(new Error('WorkPool: a run is already under way'));
    if (this.#closed) return Promise.reject(new Error('WorkPool: closed'));
    if (count === 0) {
      if (!this.#options.keepAlive) void this.#endThreads();
      return Promise.resolve([]);
    }
    return new Promise<Outcome<unknown>[]>((resolve, reject) => {
      const queue = Array.from({ length: count }, (_, i) => count - 1 - i);
      const threads = Math.max(1, Math.min(availableParallelism(), Math.ceil(count / this.#options.itemsPerThread)));
      this.#current = {
        id: ++this.#runs,
        payload,
        threads,
        batch: batchSize(count, threads),
        outcomes: new Array(count),
        left: count,
        queue,
        resolve,
        reject,
      };
      for (const thread of this.#threads) thread.worker.ref();
      this.#staff();
      const every = Math.min(250, Math.max(20, this.#options.limitMs / 8));
      this.#watchdog = setInterval(() => this.#watch(), every);
    }) as Promise<Outcome<R>[]>;
  }

  /** The most threads alive at once since the pool was made. */
  get peakThreads(): number {
    return this.#peak;
  }

  /**
   * Starts a thread ahead of a run, so that it loads the task's code while this thread does other work (the
   * loader reading every file to see which changed). It does not keep the process alive.
   */
  warm(): void {
    if (this.#closed || this.#threads.size > 0) return;
    this.#start();
    for (const thread of this.#threads) thread.worker.unref();
  }

  /** Ends every thread and any run under way (after a build; `astro dev` keeps them until it restarts). */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#current) this.#finish(this.#current, new Error('WorkPool: closed during a run'));
    await this.#endThreads();
  }

  async #endThreads(): Promise<void> {
    const ending = [...this.#threads].map((thread) => thread.worker.terminate());
    this.#threads.clear();
    await Promise.all(ending);
  }

  /**
   * Starts threads until the run's number are working, not counting threads held up on one item: the
   * other items go on in the meantime, rather than waiting for a slow item's thread to finish or be stopped.
   * At most twice the run's number in all, so many slow items cannot start a thread each (and each its heap).
   * Then gives every thread its share.
   */
  #staff(): void {
    const run = this.#current;
    if (!run || this.#closed) return;
    const heldUpSince = now() - this.#heldUpMs();
    const working = [...this.#threads].filter((thread) => !thread.stopping && !(thread.slot[0] !== NONE && thread.slot[1]! < heldUpSince));
    const most = 2 * run.threads;
    for (let n = working.length; n < run.threads && this.#threads.size < most && run.queue.length > 0; n++) this.#start();
    for (const thread of this.#threads) this.#feed(thread);
  }

  /** On one item this long, a thread counts as held up (a file parses in milliseconds; the largest in seconds). */
  #heldUpMs(): number {
    return Math.min(1000, this.#options.limitMs / 4);
  }

  #start(): void {
    const slot = new Float64Array(new SharedArrayBuffer(2 * Float64Array.BYTES_PER_ELEMENT)).fill(NONE);
    const worker = new Worker(this.#options.script, {
      workerData: { slot: slot.buffer, setup: this.#options.setup },
      resourceLimits: {
        stackSizeMb: WORKER_STACK_MB,
        ...(this.#options.heapLimitMb !== undefined && { maxOldGenerationSizeMb: this.#options.heapLimitMb }),
      },
    });
    const thread: Thread = { worker, slot, run: 0, sent: [], batches: 0, answered: 0 };
    this.#threads.add(thread);
    this.#peak = Math.max(this.#peak, this.#threads.size);
    worker.on('message', (message: FromWorker) => this.#answer(thread, message));
    worker.on('error', (error) => (thread.error = error));
    worker.on('exit', (code) => this.#ended(thread, code));
  }

  /** Sends the thread batches of items until it has AHEAD of them; the run's payload first if it has not had it. */
  #feed(thread: Thread): void {
    const run = this.#current;
    if (!run || thread.stopping) return;
    while (thread.batches < AHEAD && run.queue.length > 0) {
      if (thread.run !== run.id) {
        thread.worker.postMessage({ run: run.id, payload: run.payload } satisfies ToWorker);
        thread.run = run.id;
        // An answer of the run before may still be on its way (an item it worked on twice): not this run's.
        thread.batches = 0;
      }
      const indexes = run.queue.splice(-run.batch).reverse();
      thread.sent.push(...indexes);
      thread.batches++;
      thread.worker.postMessage({ run: run.id, indexes } satisfies ToWorker);
    }
  }

  #answer(thread: Thread, message: FromWorker): void {
    const run = this.#current;
    if (!run || message.run !== run.id) return;
    const answered = new Set(message.answers.map(([index]) => index));
    thread.sent = thread.sent.filter((index) => !answered.has(index));
    thread.batches--;
    thread.answered += answered.size;
    for (const [index, answer] of message.answers)
      this.#settle(run, index, 'result' in answer ? { result: answer.result } : { stopped: 'crash', detail: answer.error });
    this.#feed(thread);
  }

  #settle(run: Run, index: number, outcome: Outcome<unknown>): void {
    if (run.outcomes[index] !== undefined) return;
    run.outcomes[index] = outcome;
    if (--run.left === 0) this.#finish(run);
  }

  /**
   * Ends the thread of any item past the limit (the item is settled when the thread has exited: its last
   * answers arrive first), and starts others beside threads held up.
   */
  #watch(): void {
    const late = now() - this.#options.limitMs;
    for (const thread of this.#threads) {
      const index = thread.slot[0]!;
      if (thread.stopping || index === NONE || thread.slot[1]! > late) continue;
      const seconds = this.#options.limitMs / 1000;
      thread.stopping = { index, outcome: { stopped: 'time', detail: `took longer than ${seconds} s` } };
      void thread.worker.terminate();
    }
    this.#staff();
  }

  /** A thread ended: its item is stopped (timed out or crashed), the items sent ahead go back in the queue, and a replacement starts. */
  #ended(thread: Thread, code: number): void {
    this.#threads.delete(thread);
    const run = this.#current;
    if (!run || thread.run !== run.id) return;
    const outOfMemory = (thread.error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
    const crashed = thread.stopping ?? {
      index: thread.slot[0]!,
      outcome: {
        stopped: outOfMemory ? ('memory' as const) : ('crash' as const),
        detail: outOfMemory
          ? `needed more than ${this.#options.heapLimitMb} MiB`
          : (thread.error?.message ?? `its thread exited (code ${code})`),
      },
    };
    if (crashed.index === NONE && thread.answered === 0) {
      this.#finish(run, new Error(`a worker thread could not start: ${thread.error?.stack ?? `exit code ${code}`}`));
      return;
    }
    for (const index of thread.sent) {
      if (index === crashed.index) this.#settle(run, index, crashed.outcome);
      else if (run.outcomes[index] === undefined) run.queue.push(index);
    }
    this.#staff();
  }

  #finish(run: Run, error?: Error): void {
    this.#current = undefined;
    clearInterval(this.#watchdog);
    if (this.#options.keepAlive && !error) for (const thread of this.#threads) thread.worker.unref();
    else void this.#endThreads();
    if (error) run.reject(error);
    else run.resolve(run.outcomes);
  }
}

/**
 * The worker side: runs `task` on each item sent, one after another, noting in the shared slot which item
 * it is on and since when, and answers each item as soon as it is done. A task that throws answers with
 * its error (a stopped item, not a stopped run).
 */
export function serveItems<P, R>(task: (payload: P, index: number) => R | Promise<R>): void {
  const slot = new Float64Array((workerData as { slot: SharedArrayBuffer }).slot);
  let payload: P;
  let queue = Promise.resolve();
  parentPort!.on('message', (message: ToWorker) => {
    queue = queue.then(async () => {
      if ('payload' in message) {
        payload = message.payload as P;
        return;
      }
      const answers: Answer[] = [];
      for (const index of message.indexes) {
        slot[1] = now();
        slot[0] = index;
        try {
          answers.push([index, { result: await task(payload, index) }]);
        } catch (error) {
          answers.push([index, { error: error instanceof Error ? error.message : String(error) }]);
        }
      }
      slot[0] = NONE;
      parentPort!.postMessage({ run: message.run, answers } satisfies FromWorker);
    });
  });
}
