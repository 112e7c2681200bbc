// A card-drawing thread of the pool (pool.ts): satori and the raster step are CPU-bound, so cards are drawn
// on every core. The thread writes the PNG itself and hands back only the text no font could draw, so no
// picture crosses threads or waits in memory for its page.
import type { CardContent } from '../lib/social-card.ts';
import { writeFileAtomically } from '../build/atomic-write.ts';
import { drawCard } from './draw.ts';

export interface CardJob {
  content: CardContent;
  /** Where the PNG goes (the card cache). */
  file: string;
}

export default async function drawToFile({ content, file }: CardJob): Promise<string[]> {
  const { png, missing } = await drawCard(content);
  writeFileAtomically(file, png);
  return missing;
}
