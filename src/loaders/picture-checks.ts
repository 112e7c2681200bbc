import { hash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { describeReference, type ImageUse } from '../lib/article/local-references.ts';
import type { Problem } from '../lib/problems.ts';

/**
 * The pictures an article uses, checked when the articles are read, so a broken one is an error of the
 * article with the line that names it, not a crash at the end of the build naming only the picture:
 * - a picture written as SVG is published as PNG, drawn by sharp (librsvg) when the pages are built
 *   (picture-format.ts); one it cannot draw (malformed XML, past the pixel limit, entities that multiply)
 *   is drawn here once, the way Astro's image service will draw it;
 * - any other picture must give Astro its size and format, read from its first bytes (a text file renamed
 *   `.jpg`, a download cut short before its header ends, stop the build otherwise).
 */

/** One picture an article uses: its hero (`image` field) or a picture in its body. */
export interface PictureUse {
  /** Relative to the article, as imported: `./chart.svg`. */
  path: string;
  line?: number | undefined;
  /** A body picture as written, for the message; none for the hero. */
  reference?: ImageUse;
  /** The field that names it, when it is not a body picture: `image` unless said (a profile's `photo`). */
  field?: string;
}

/** Earlier answers, by the picture's content digest: the empty string for "reads". The parse results keep them. */
export interface PictureVerdicts {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

const isSvg = (file: string) => /\.svg$/i.test(file);

/** The pictures beside the article among its hero (`image` and its line) and body pictures. */
export function pictureUses(image: string | undefined, imageLine: number | undefined, imageUses: readonly ImageUse[] = []): PictureUse[] {
  return [
    ...(image !== undefined ? [{ path: image, line: imageLine }] : []),
    ...imageUses.map((use) => ({ path: use.path, line: use.line, reference: use })),
  ];
}

/** Why sharp cannot draw these bytes as Astro's image service draws them, or '' when it can. */
async function drawingProblem(bytes: Buffer): Promise<string> {
  // Loaded when a picture is an SVG, which most articles have none of.
  const { default: sharp } = await import('sharp');
  try {
    // Astro's options (services/sharp.js), at a small size: the whole document is still parsed and drawn.
    await sharp(bytes, { failOn: 'none', pages: -1 }).resize({ width: 16, withoutEnlargement: true }).png().toBuffer();
    return '';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return message
      .replace(/^Input buffer has corrupt header: (?:glib: )?/, '')
      .replace(/ Error domain \d+ code \d+ on line (\d+) column (\d+) of data:/, ' at line $1, column $2:');
  }
}

/** How much of a picture is read for its size and format: its header, past any camera metadata before it. */
const HEAD_BYTES = 256 * 1024;

/** The first bytes of a file, or undefined when it cannot be read (a missing file is reported elsewhere). */
function headOf(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(HEAD_BYTES);
    return head.subarray(0, readSync(fd, head, 0, HEAD_BYTES, 0));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether Astro reads a size and a format from these bytes, as it does for every picture it publishes. */
async function readsSize(bytes: Buffer): Promise<boolean> {
  const { imageMetadata } = await import('astro/assets/utils');
  try {
    await imageMetadata(bytes, '');
    return true;
  } catch {
    return false;
  }
}

const NO_SIZE = 'is not a picture: its size and format cannot be read';
const NO_SIZE_HINT = 'open it in an image viewer and save it again as JPEG, PNG, WebP or AVIF (a file renamed to .jpg is not a JPEG)';
const DRAW_HINT =
  "pictures written as SVG are published as PNG, drawn at build time: check that it opens in a browser and has a picture's width and height, then save it again, or export it as PNG";

/** Why the picture at `file` cannot be published, or '' when it can; answers are kept by content digest. */
async function pictureProblem(file: string, verdicts: PictureVerdicts): Promise<string | undefined> {
  if (isSvg(file)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return undefined;
    }
    const key = `svg:${hash('sha1', bytes)}`;
    let reason = verdicts.get(key);
    if (reason === undefined) verdicts.set(key, (reason = await drawingProblem(bytes)));
    return reason && `cannot be drawn: ${reason}`;
  }
  const head = headOf(file);
  if (head === undefined) return undefined;
  const key = `size:${hash('sha1', head)}`;
  let reason = verdicts.get(key);
  // A header longer than the bytes read is read whole before the picture is refused.
  if (reason === undefined) verdicts.set(key, (reason = (await readsSize(head)) || (await readsSize(readFileSync(file))) ? '' : NO_SIZE));
  return reason;
}

/** An error for each picture of the article that cannot be published; a missing file is reported elsewhere. */
export async function pictureProblems(
  file: string,
  articlePath: string,
  uses: readonly PictureUse[],
  verdicts: PictureVerdicts,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const use of uses) {
    const reason = await pictureProblem(path.resolve(path.dirname(articlePath), use.path), verdicts);
    if (!reason) continue;
    const hint = isSvg(use.path) ? DRAW_HINT : NO_SIZE_HINT;
    problems.push(
      use.reference
        ? { severity: 'error', file, line: use.line, message: `${describeReference(use.reference, true)}: ${reason}`, hint }
        : { severity: 'error', file, line: use.line, field: use.field ?? 'image', message: `"${use.path}" ${reason}`, hint },
    );
  }
  return problems;
}
