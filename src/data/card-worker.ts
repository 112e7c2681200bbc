// A worker thread that draws social cards (see card-pool.ts): satori and resvg are CPU-bound and
// synchronous, so cards are drawn on every core instead of one after another on the build's thread.
import { parentPort } from 'node:worker_threads';
import type { CardContent } from '../lib/social-card.ts';
import { drawCard } from './social-cards.ts';

parentPort!.on('message', async ({ id, content }: { id: number; content: CardContent }) => {
  try {
    const { png, missing } = await drawCard(content);
    // Copied, not transferred: resvg's buffer is native memory that cannot move between threads.
    parentPort!.postMessage({ id, png: new Uint8Array(png), missing });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
