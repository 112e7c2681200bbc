import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { modulesDigest } from '../build/code-digest.ts';

const require = createRequire(import.meta.url);

/** A package's installed version, read from its package.json (sharp's exports do not include it). */
function versionOf(name: string): string {
  let dir = path.dirname(require.resolve(name));
  while (path.basename(dir) !== name.split('/').at(-1) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * How a card's PNG is encoded (draw.ts). Level 3 writes the same pixels as zlib's default level 6 about a tenth
 * faster, in files about a tenth larger; adaptive filtering costs time and saves nothing on flat colours.
 */
export const PNG_ENCODING = { compressionLevel: 3, adaptiveFiltering: false } as const;

/**
 * The card's code (its look, the drawing thread and all they import), the packages that draw it, with their
 * versions, and the encoding: part of every card's cache key, so a change to any of them draws the cards
 * again instead of publishing the old pictures beside new ones. The build runs from the project root (the
 * drawing pool assumes it too: cards.ts).
 */
export const DRAWING_VERSION = [
  `code ${modulesDigest(process.cwd(), ['src/cards/worker.ts']).slice(0, 16)}`,
  ...['satori', 'sharp', '@fontsource/inter'].map((name) => `${name}@${versionOf(name)}`),
  `png ${JSON.stringify(PNG_ENCODING)}`,
].join(' ');
