import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkPool, type Outcome } from '../../src/build/work-sharing.ts';

const SUPPORT = path.join(import.meta.dirname, 'support');
type Done = { word: string; threadId: number };

let pools: WorkPool<string[], Done>[] = [];
afterEach(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
  pools = [];
});

function pool(options: { limitMs?: number; keepAlive?: boolean; script?: string; heapLimitMb?: number } = {}): WorkPool<string[], Done> {
  const made = new WorkPool<string[], Done>({
    script: path.join(SUPPORT, options.script ?? 'items-worker.ts'),
    itemsPerThread: 10,
    limitMs: options.limitMs ?? 300,
    keepAlive: options.keepAlive ?? false,
    ...(options.heapLimitMb !== undefined && { heapLimitMb: options.heapLimitMb }),
  });
  pools.push(made);
  return made;
}

const words = (count: number, special: Record<number, string> = {}) => Array.from({ length: count }, (_, i) => special[i] ?? `item${i}`);
const word = (outcome: Outcome<Done> | undefined) => (outcome && 'result' in outcome ? outcome.result.word : outcome);

describe('WorkPool', () => {
  it('gives every item its result, in item order', async () => {
    const items = words(120);
    const outcomes = await pool().run(items, items.length);
    expect(outcomes.map(word)).toEqual(items.map((item) => item.toUpperCase()));
  });

  it('stops an item past the time limit, and a thread that fails on one, and goes on with the rest', async () => {
    const items = words(120, { 5: 'hang', 6: 'throw', 60: 'exit', 61: 'hang', 119: 'hang' });
    const outcomes = await pool({ limitMs: 200 }).run(items, items.length);

    expect(outcomes[5]).toEqual({ stopped: 'time', detail: 'took longer than 0.2 s' });
    expect(outcomes[61]).toEqual({ stopped: 'time', detail: 'took longer than 0.2 s' });
    expect(outcomes[119]).toEqual({ stopped: 'time', detail: 'took longer than 0.2 s' });
    expect(outcomes[6]).toEqual({ stopped: 'crash', detail: 'cannot do item 6' });
    expect(outcomes[60]).toEqual({ stopped: 'crash', detail: 'its thread exited (code 3)' });
    const others = items.flatMap((item, i) => ([5, 6, 60, 61, 119].includes(i) ? [] : [[i, item.toUpperCase()]]));
    expect(others.map(([i]) => [i, word(outcomes[i as number])])).toEqual(others);
  });

  it('stops an item whose thread runs past its heap limit, and goes on with the rest', async () => {
    const outcomes = await pool({ limitMs: 60_000, heapLimitMb: 64 }).run(words(4, { 1: 'grow' }), 4);
    expect(outcomes[1]).toEqual({ stopped: 'memory', detail: 'needed more than 64 MiB' });
    expect([0, 2, 3].map((i) => word(outcomes[i]))).toEqual(['ITEM0', 'ITEM2', 'ITEM3']);
  });

  it('goes on with the other items while one holds up its thread', async () => {
    // One thread is enough for four items; the first waits for the last, which only another thread can reach.
    const flag = new SharedArrayBuffer(4);
    const items = ['wait', 'second', 'third', 'release', flag];
    const outcomes = await (pool({ limitMs: 30_000 }) as unknown as WorkPool<unknown[], Done>).run(items, 4);
    expect(outcomes.map(word)).toEqual(['WAIT', 'SECOND', 'THIRD', 'RELEASE']);
  });

  it('starts at most twice its number of threads, however many items hold theirs up', async () => {
    // One thread's worth of items (each thread is sent two at a time): while the first thread hangs, a second
    // starts, and hangs too; no third starts until one of them is stopped.
    const capped = pool({ limitMs: 400 });
    const outcomes = await capped.run(words(6, { 0: 'hang', 1: 'hang', 2: 'hang', 3: 'hang' }), 6);
    expect(outcomes.map(word)).toEqual([...Array(4).fill({ stopped: 'time', detail: 'took longer than 0.4 s' }), 'ITEM4', 'ITEM5']);
    expect(capped.peakThreads).toBe(2);
  });

  it('keeps its threads between runs when asked to, and runs again after a stop', async () => {
    const kept = pool({ keepAlive: true, limitMs: 200 });
    const first = await kept.run(words(20), 20);
    const threads = new Set(first.map((outcome) => ('result' in outcome ? outcome.result.threadId : 0)));
    const second = await kept.run(words(20), 20);
    for (const outcome of second) expect(threads).toContain('result' in outcome ? outcome.result.threadId : 0);

    const third = await kept.run(words(20, { 0: 'hang' }), 20);
    expect(third[0]).toEqual({ stopped: 'time', detail: 'took longer than 0.2 s' });
    expect((await kept.run(['after'], 1)).map(word)).toEqual(['AFTER']);
  });

  it('ends a run under way when closed, and runs nothing after', async () => {
    const closing = pool();
    const run = closing.run(words(3, { 0: 'hang' }), 3);
    await closing.close();
    await expect(run).rejects.toThrow('WorkPool: closed during a run');
    await expect(closing.run(words(1), 1)).rejects.toThrow('WorkPool: closed');
  });

  it('fails the run, rather than starting threads forever, when its worker script cannot start', async () => {
    await expect(pool({ script: 'broken-worker.ts' }).run(words(3), 3)).rejects.toThrow(
      /could not start: Error: this worker script cannot start/,
    );
  });
});
