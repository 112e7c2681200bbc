// A worker for work-sharing.test.ts: each item is a word saying what to do with it; a run may also carry
// a shared flag, for items that wait for one another.
import { threadId } from 'node:worker_threads';
import { serveItems } from '../../../src/build/work-sharing.ts';

serveItems((words: (string | SharedArrayBuffer)[], i: number) => {
  const word = words[i] as string;
  const flag = words.find((w): w is SharedArrayBuffer => typeof w !== 'string');
  if (word === 'hang') for (;;);
  if (word === 'throw') throw new Error(`cannot do item ${i}`);
  if (word === 'exit') process.exit(3);
  if (word === 'grow') {
    const kept: string[] = [];
    for (let n = 0; ; n++) kept.push(`${n}`.repeat(1000));
  }
  if (word === 'wait') Atomics.wait(new Int32Array(flag!), 0, 0, 60_000);
  if (word === 'release') Atomics.notify(new Int32Array(flag!), 0, Atomics.store(new Int32Array(flag!), 0, 1));
  return { word: word.toUpperCase(), threadId };
});
