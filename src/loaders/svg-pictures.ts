import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeReference, type ImageUse } from '../lib/article/local-references.ts';
import type { Problem } from '../lib/problems.ts';

/**
 * Pictures written as SVG are published as PNG, drawn by sharp (librsvg) when the pages are built
 * (picture-format.ts). One it cannot draw (malformed XML, past the pixel limit, entities that multiply) would
 * only show at the end of the build, as a hashed output file that is not the format its name says. So each
 * SVG an article uses is drawn once when the articles are read, the way Astro's image service will draw it,
 * and a failure is an error of the article, with the line that names the picture.
 */

/** One SVG picture an article uses: its hero (`image` field) or a picture in its body. */
export interface SvgUse {
  /** Relative to the article, as imported: `./chart.svg`. */
  path: string;
  line?: number | undefined;
  /** A body picture as written, for the message; none for the hero. */
  reference?: ImageUse;
}

/** Earlier answers, by the SVG's content digest: the empty string for "draws". The loader keeps them in its store's meta. */
export interface SvgVerdicts {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

const isSvg = (file: string) => /\.svg$/i.test(file);

/** The SVG pictures among an article's hero (`image` and its line) and body pictures. */
export function svgUses(image: string | undefined, imageLine: number | undefined, imageUses: readonly ImageUse[] = []): SvgUse[] {
  return [
    ...(image !== undefined && isSvg(image) ? [{ path: image, line: imageLine }] : []),
    ...imageUses.filter((use) => isSvg(use.path)).map((use) => ({ path: use.path, line: use.line, reference: use })),
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

/** An error for each SVG picture of the article that cannot be drawn; a missing file is reported elsewhere. */
export async function svgProblems(file: string, articlePath: string, uses: readonly SvgUse[], verdicts: SvgVerdicts): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const use of uses) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.resolve(path.dirname(articlePath), use.path));
    } catch {
      continue;
    }
    const key = `svg:${hash('sha1', bytes)}`;
    let reason = verdicts.get(key);
    if (reason === undefined) verdicts.set(key, (reason = await drawingProblem(bytes)));
    if (!reason) continue;
    const hint =
      "pictures written as SVG are published as PNG, drawn at build time: check that it opens in a browser and has a picture's width and height, then save it again, or export it as PNG";
    problems.push(
      use.reference
        ? {
            severity: 'error',
            file,
            line: use.line,
            message: `${describeReference(use.reference, true)}: cannot be drawn: ${reason}`,
            hint,
          }
        : { severity: 'error', file, line: use.line, field: 'image', message: `"${use.path}" cannot be drawn: ${reason}`, hint },
    );
  }
  return problems;
}
