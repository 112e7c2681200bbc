import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { cacheDir } from '../build-paths.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardHash, cardMarkup, type CardContent } from '../lib/social-card.ts';
import { drawInPool } from './card-pool.ts';

const require = createRequire(import.meta.url);

/**
 * Fonts shipped in an npm package (never fetched): Inter in Latin, Cyrillic and Greek, so headlines in those
 * scripts render; satori falls back across the list glyph by glyph.
 */
const FONT_FILES = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext'].flatMap((subset) =>
  [400, 700].map((weight) => ({ subset, weight: weight as 400 | 700 })),
);

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;
function loadFonts() {
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
  png: Uint8Array;
  missing: string[];
}

/** Draws a card (no cache). */
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
  return { png: new Resvg(svg, { fitTo: { mode: 'width', value: CARD_WIDTH } }).render().asPng(), missing };
}

/** Cards being drawn, by content hash: started early by `prepareCards`, awaited by `socialCardPng`. */
const drawing = new Map<string, Promise<DrawnCard>>();

function cacheFile(content: CardContent): string {
  return path.join(cacheDir(), 'dateline-cards', `${cardHash(content)}.png`);
}

/**
 * Starts drawing, on every core, the cards not in the cache yet, so they are ready by the time their pages
 * are written. `draw` is the pool by default (card-pool.ts); tests may draw on their own thread.
 */
export function prepareCards(contents: readonly CardContent[], draw: (content: CardContent) => Promise<DrawnCard> = drawInPool): void {
  for (const content of contents) {
    const hash = cardHash(content);
    if (drawing.has(hash) || existsSync(cacheFile(content))) continue;
    const card = draw(content);
    card.catch(() => undefined); // reported when its page awaits it
    drawing.set(hash, card);
  }
}

/**
 * The PNG of an article's social card, drawn once per content: a card whose headline, section, date and
 * publisher are unchanged is read from the cache instead of being drawn again.
 */
export async function socialCardPng(content: CardContent, warn: (message: string) => void = () => undefined): Promise<Uint8Array> {
  const file = cacheFile(content);
  const hash = cardHash(content);
  if (!drawing.has(hash) && existsSync(file)) return readFileSync(file);
  const { png, missing } = await (drawing.get(hash) ?? drawCard(content));
  drawing.delete(hash);
  if (missing.length > 0)
    warn(`social card for "${content.title}": no shipped font draws "${missing.join('')}"; those characters show as boxes`);
  mkdirSync(path.dirname(file), { recursive: true });
  // Written under a temporary name first, so a build stopped half-way never leaves a broken card.
  writeFileSync(`${file}.tmp`, png);
  renameSync(`${file}.tmp`, file);
  return png;
}

/** `DATELINE_SKIP_CARDS=1` builds without social cards, for quick previews and benchmarks. */
export function skipCards(): boolean {
  return process.env.DATELINE_SKIP_CARDS === '1';
}
