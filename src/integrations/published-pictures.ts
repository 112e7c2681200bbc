import { closeSync, openSync, readSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { filesBelow } from './output-folder.ts';

/** The first bytes of each picture format the build publishes. */
const SIGNATURES: Record<string, (head: Buffer) => boolean> = {
  png: (head) => head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  jpg: (head) => head[0] === 0xff && head[1] === 0xd8,
  jpeg: (head) => head[0] === 0xff && head[1] === 0xd8,
  webp: (head) => head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP',
  avif: (head) => head.toString('latin1', 4, 8) === 'ftyp',
  gif: (head) => head.toString('latin1', 0, 4) === 'GIF8',
};

/**
 * Removes the SVG files under `_astro/`: Astro emits a picture written as SVG as it is, beside the PNGs the
 * pages use (picture-format.ts), and the site's own code imports no SVG, so each is a content file as
 * written, never to be published. Says how many it removed.
 */
export function removeSvgAsWritten(outDir: string): number {
  const svg = filesBelow(path.join(outDir, '_astro')).filter((file) => /\.svg$/i.test(file));
  for (const file of svg) unlinkSync(path.join(outDir, '_astro', file));
  return svg.length;
}

/** Published pictures (`_astro/`, relative paths) whose bytes are not the format their name says. */
export function mislabelledPictures(outDir: string): string[] {
  return filesBelow(path.join(outDir, '_astro'))
    .filter((file) => {
      const isFormat = SIGNATURES[path.extname(file).slice(1).toLowerCase()];
      if (!isFormat) return false;
      const head = Buffer.alloc(16);
      const fd = openSync(path.join(outDir, '_astro', file), 'r');
      try {
        readSync(fd, head, 0, head.length, 0);
      } finally {
        closeSync(fd);
      }
      return !isFormat(head);
    })
    .map((file) => `_astro/${file.split(path.sep).join('/')}`)
    .sort();
}

/**
 * Keeps pictures from the content folder to what the pages use: the SVG files as written are removed, and
 * the build fails when a published picture is not what its name says. When sharp cannot convert a picture
 * (an SVG librsvg refuses), Astro warns and writes the original bytes under the new name: an SVG, script and
 * all, as `x.png`. Browsers do not run it there (`nosniff`, an image type), but the page shows a broken
 * picture and the file is the SVG as written: the build stops instead.
 */
export function publishedPictures(): AstroIntegration {
  return {
    name: 'dateline-published-pictures',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const removed = removeSvgAsWritten(fileURLToPath(dir));
        if (removed > 0) logger.info(`removed ${removed} pictures written as SVG (published as PNG)`);
        const wrong = mislabelledPictures(fileURLToPath(dir));
        if (wrong.length === 0) return;
        throw new Error(
          `${wrong.length} published picture(s) are not the format their name says: ${wrong.join(', ')}. Astro could not convert the picture each was made from (see the warnings above: a picture written as SVG that could not be drawn?) and wrote its bytes unchanged. Fix or replace that picture (export the chart as PNG).`,
        );
      },
    },
  };
}
