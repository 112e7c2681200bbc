import { describe, expect, it } from 'vitest';
import { boundedQueue } from '../../src/build/bounded-queue.ts';

/** A job runner whose jobs finish when the test says, recording how many ran at once. */
function controlledRunner() {
  const finishers = new Map<string, () => void>();
  let running = 0;
  let peak = 0;
  const order: string[] = [];
  const run = (job: string) =>
    new Promise<string>((resolve) => {
      running += 1;
      peak = Math.max(peak, running);
      order.push(job);
      finishers.set(job, () => {
        running -= 1;
        resolve(`done ${job}`);
      });
    });
  const finish = async (job: string) => {
    finishers.get(job)!();
    // Let the queue's then/finally callbacks run.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { run, finish, order, peak: () => peak };
}

describe('boundedQueue', () => {
  it('should run at most `limit` jobs at once however many are queued', async () => {
    const runner = controlledRunner();
    const queue = boundedQueue(runner.run, 3);
    for (let i = 0; i < 1000; i++) queue.add(`k${i}`, `j${i}`);
    expect(queue.running).toBe(3);
    expect(queue.waiting).toBe(997);
    for (let i = 0; i < 1000; i++) await runner.finish(`j${i}`);
    expect(runner.peak()).toBe(3);
    expect(queue.running).toBe(0);
    expect(queue.waiting).toBe(0);
    expect(runner.order.slice(0, 5)).toEqual(['j0', 'j1', 'j2', 'j3', 'j4']);
  });

  it('should start a waited-for job at once, ahead of the queue', async () => {
    const runner = controlledRunner();
    const queue = boundedQueue(runner.run, 1);
    for (const key of ['a', 'b', 'c']) queue.add(key, key);
    expect(runner.order).toEqual(['a']);
    const c = queue.whenDone('c');
    expect(runner.order).toEqual(['a', 'c']);
    await runner.finish('c');
    await expect(c).resolves.toBe('done c');
    // `a` still holds the one slot; `b` starts only when it ends.
    expect(runner.order).toEqual(['a', 'c']);
    await runner.finish('a');
    expect(runner.order).toEqual(['a', 'c', 'b']);
  });

  it('should queue a key once, and give its outcome to every later asker', async () => {
    const runner = controlledRunner();
    const queue = boundedQueue(runner.run, 2);
    queue.add('a', 'a');
    queue.add('a', 'a again');
    await runner.finish('a');
    queue.add('a', 'a once more');
    expect(runner.order).toEqual(['a']);
    await expect(queue.whenDone('a')).resolves.toBe('done a');
    expect(queue.whenDone('never added')).toBeUndefined();
  });

  it('should hand a failure to whoever waits for that job, and go on with the others', async () => {
    const queue = boundedQueue(async (job: string) => {
      if (job === 'bad') throw new Error('cannot draw');
      return job;
    }, 1);
    queue.add('bad', 'bad');
    queue.add('good', 'good');
    await expect(queue.whenDone('bad')).rejects.toThrow('cannot draw');
    await expect(queue.whenDone('good')).resolves.toBe('good');
  });

  it('should let a finished job be added again once forgotten, never one still running', async () => {
    const runner = controlledRunner();
    const queue = boundedQueue(runner.run, 2);
    queue.add('a', 'a');
    queue.forget('a');
    queue.add('a', 'a');
    expect(runner.order).toEqual(['a']);
    await runner.finish('a');
    queue.forget('a');
    queue.add('a', 'a again');
    expect(runner.order).toEqual(['a', 'a again']);
  });

  it('should let a failed job be added again once forgotten', async () => {
    let attempts = 0;
    const queue = boundedQueue(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('first attempt fails');
      return attempts;
    }, 1);
    queue.add('a', 'a');
    // Forgotten by its waiter as soon as it hears of the failure, as a page asking for a card does.
    const retried = queue.whenDone('a')!.catch(() => {
      queue.forget('a');
      queue.add('a', 'a');
      return queue.whenDone('a');
    });
    await expect(retried).resolves.toBe(2);
    expect(attempts).toBe(2);
  });
});
