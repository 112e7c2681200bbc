import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH, cardMarkup, type CardContent } from '../lib/social-card.ts';
import { PNG_ENCODING } from './drawing-version.ts';

const require = createRequire(import.meta.url);

/**
 * Fonts shipped in an npm package (never fetched): Inter in Latin, Cyrillic and Greek, so headlines in those
 * scripts render; satori falls back across the list glyph by glyph.
 */
const FONT_FILES = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext'].flatMap((subset) =>
  [400, 700].map((weight) => ({ subset, weight: weight as 400 | 700 })),
);

type Font = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };
let fonts: Font[] | undefined;
/** Read once per thread, and always the same array: satori keeps its parsed fonts for as long as it sees that array. */
function loadFonts(): Font[] {
  // One family name per subset: satori falls back from family to family for glyphs a font lacks.
  fonts ??= FONT_FILES.map(({ subset, weight }) => ({
    name: `Inter ${subset}`,
    data: readFileSync(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`)),
    weight,
    style: 'normal' as const,
  }));
  return fonts;
}

/** The card's font stack: every subset of Inter, Latin first. */
export const CARD_FONT_FAMILY = [...new Set(FONT_FILES.map(({ subset }) => `Inter ${subset}`))].join(', ');

/** A drawn card, and the text no shipped font could draw (shown as boxes), so the build can say so. */
export interface DrawnCard {
  png: Buffer;
  missing: string[];
}

/**
 * Draws a card: satori lays it out as SVG (text as outlines), sharp rasterises and encodes it. sharp does
 * both in one native call, faster than resvg's raster and PNG steps; the card is opaque, so it is saved
 * without an alpha channel (smaller files), encoded as PNG_ENCODING says.
 */
export async function drawCard(content: CardContent): Promise<DrawnCard> {
  const missing: string[] = [];
  const svg = await satori(cardMarkup(content, CARD_FONT_FAMILY) as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: loadFonts(),
    loadAdditionalAsset: async (_language, segment) => {
      missing.push(segment);
      return [];
    },
  });
  const png = await sharp(Buffer.from(svg)).removeAlpha().png(PNG_ENCODING).toBuffer();
  return { png, missing };
}
