/**
 * A queue with back-pressure: jobs wait here, as plain data, and at most `limit` run at once. So a build can
 * queue every card of a 100,000-article archive and its memory holds `limit` drawings, not 100,000; what a
 * finished job leaves behind is its outcome, which should be small (a card's is the text no font could draw).
 *
 * A job someone is waiting for (`whenDone`) is started at once, ahead of the queue, so a page never waits
 * behind the whole backlog; those extra starts are bounded by how many pages render at a time.
 */
export interface BoundedQueue<J, R> {
  /** Queues a job under a key; a key already queued, running or finished is not queued again. */
  add(key: string, job: J): void;
  /** The job's outcome (starting it now if it still waits), or undefined for a key never added. */
  whenDone(key: string): Promise<R> | undefined;
  /** Lets a finished job (done or failed) be added again; a job waiting or running is kept. */
  forget(key: string): void;
  /** Jobs running now. */
  readonly running: number;
  /** Jobs waiting to start. */
  readonly waiting: number;
}

interface Pending<J, R> {
  job: J;
  promise: Promise<R>;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export function boundedQueue<J, R>(run: (job: J) => Promise<R>, limit: number): BoundedQueue<J, R> {
  // Insertion order is the order jobs start in.
  const waiting = new Map<string, Pending<J, R>>();
  const started = new Map<string, Promise<R>>();
  /** Keys of started jobs that have ended, done or failed. */
  const ended = new Set<string>();
  let running = 0;

  const start = (key: string, pending: Pending<J, R>) => {
    waiting.delete(key);
    started.set(key, pending.promise);
    running += 1;
    // Marked ended before its waiters hear of it, so a waiter can forget it straight away.
    const end = () => ended.add(key);
    run(pending.job)
      .then(
        (result) => (end(), pending.resolve(result)),
        (error: unknown) => (end(), pending.reject(error)),
      )
      .finally(() => {
        running -= 1;
        pump();
      });
  };
  const pump = () => {
    for (const [key, pending] of waiting) {
      if (running >= limit) return;
      start(key, pending);
    }
  };

  return {
    add(key, job) {
      if (waiting.has(key) || started.has(key)) return;
      let resolve!: (result: R) => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<R>((res, rej) => ((resolve = res), (reject = rej)));
      // A failure is reported to whoever awaits the job; until then it must not count as unhandled.
      promise.catch(() => undefined);
      waiting.set(key, { job, promise, resolve, reject });
      pump();
    },
    whenDone(key) {
      const pending = waiting.get(key);
      if (pending) start(key, pending);
      return started.get(key);
    },
    forget(key) {
      if (!ended.delete(key)) return;
      started.delete(key);
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.size;
    },
  };
}
