import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildCards, cardDrawing, type DrawToFile } from '../../src/cards/cards.ts';
import { drawCard } from '../../src/cards/draw.ts';
import { DRAWING_VERSION } from '../../src/cards/drawing-version.ts';
import drawToFile from '../../src/cards/worker.ts';
import { cardHash, cardMarkup, type CardContent } from '../../src/lib/social-card.ts';

const content: CardContent = { title: 'North Korea readies troops', section: 'World', date: '25/10/2024 19h13', publisher: 'Dateline' };

function pngSize(png: Uint8Array): [number, number] {
  const view = new DataView(png.buffer, png.byteOffset);
  return [view.getUint32(16), view.getUint32(20)];
}

describe('social cards', () => {
  let cache: string;
  beforeEach(() => {
    cache = mkdtempSync(path.join(tmpdir(), 'dateline-cards-'));
    process.env.DATELINE_CACHE_DIR = cache;
  });

  it('should key the cache by everything the card shows, the drawing code and the packages that draw it', () => {
    expect(cardHash(content, DRAWING_VERSION)).toBe(cardHash({ ...content }, DRAWING_VERSION));
    for (const change of [{ title: 'x' }, { section: 'x' }, { date: 'x' }, { publisher: 'x' }])
      expect(cardHash({ ...content, ...change }, DRAWING_VERSION)).not.toBe(cardHash(content, DRAWING_VERSION));
    expect(DRAWING_VERSION).toMatch(
      /^code [0-9a-f]{16} satori@\d+\.\d+\.\d+ sharp@\d+\.\d+\.\d+ @fontsource\/inter@\d+\.\d+\.\d+ png {"compressionLevel":3,"adaptiveFiltering":false}$/,
    );
    expect(cardHash(content, DRAWING_VERSION.replace(/sharp@[\d.]+/, 'sharp@99.0.0'))).not.toBe(cardHash(content, DRAWING_VERSION));
  });

  it('should lay out section, headline, publisher and date', () => {
    expect(JSON.stringify(cardMarkup(content, 'Inter'))).toMatch(/"World".*"North Korea readies troops".*"Dateline".*"25\/10\/2024 19h13"/);
  });

  it('should draw a 1200×630 PNG once, then reuse it', async () => {
    const cards = cardDrawing(drawToFile, () => undefined);
    const png = await cards.png(content);
    expect(Buffer.from(png.subarray(1, 4)).toString()).toBe('PNG');
    expect(pngSize(png)).toEqual([1200, 630]);
    const folder = path.join(cache, 'dateline-cards');
    const [file] = readdirSync(folder);
    const drawnAt = statSync(path.join(folder, file!)).mtimeMs;
    // A later build (a new queue) reads the cached file.
    expect((await cardDrawing(drawToFile, () => undefined).png(content)).equals(png)).toBe(true);
    expect(statSync(path.join(folder, file!)).mtimeMs).toBe(drawnAt);
  });

  it.each([
    ['Latin with accents', 'Élection présidentielle : la Pologne et l’Islande votent'],
    ['Cyrillic', 'Северная Корея готовит войска'],
    ['Greek', 'Η Βόρεια Κορέα ετοιμάζει στρατό'],
  ])('should draw %s headlines with real glyphs', async (_script, title) => {
    expect((await drawCard({ ...content, title })).missing).toEqual([]);
  });

  it('should say which characters no shipped font draws', async () => {
    const warnings: string[] = [];
    await cardDrawing(drawToFile, (message) => warnings.push(message)).png({ ...content, title: '北朝鮮 troops' });
    expect(warnings).toEqual([expect.stringContaining('no shipped font draws "北朝鮮"')]);
  });

  it('should draw the same card on the pool threads as on the build thread', async () => {
    const card = { ...content, title: 'Pool' };
    const inPool = await buildCards().png(card);
    expect(inPool.equals((await drawCard(card)).png)).toBe(true);
  });

  it('should keep a bounded number of cards in flight however many are queued', async () => {
    let drawing = 0;
    let peak = 0;
    const drawn: string[] = [];
    const slowDraw: DrawToFile = async (job) => {
      drawing += 1;
      peak = Math.max(peak, drawing);
      const missing = await drawToFile(job);
      drawn.push(job.content.title);
      drawing -= 1;
      return missing;
    };
    const cards = cardDrawing(slowDraw, () => undefined, 2);
    const contents = Array.from({ length: 12 }, (_, n) => ({ ...content, title: `Queued ${n}` }));
    cards.prepare(contents.map((card, n) => ({ name: `${n}.png`, content: card })));
    expect(cards.inQueue()).toEqual({ waiting: 10, running: 2 });
    // Asked again (a second route, a rebuild in dev): nothing is queued twice.
    cards.prepare(contents.map((card, n) => ({ name: `${n}.png`, content: card })));
    expect(cards.inQueue().waiting).toBe(10);
    for (const card of contents) expect(pngSize(await cards.png(card))).toEqual([1200, 630]);
    expect(drawn).toHaveLength(12);
    // Pages awaiting a card start it ahead of the queue: at most one more than the limit here, one page at a time.
    expect(peak).toBeLessThanOrEqual(3);
  });

  it('should publish every prepared card into the output, remove others there, and keep only those in the cache', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'dateline-cards-out-'));
    writeFileSync(path.join(out, 'deleted-article.png'), 'stale');
    const first = cardDrawing(drawToFile, () => undefined);
    const kept = { name: 'kept.png', content: { ...content, title: 'Kept' } };
    const dropped = { name: 'dropped.png', content: { ...content, title: 'Dropped' } };
    first.prepare([kept, dropped]);
    expect(await first.writeAll(out)).toEqual({ cards: 2, drawn: 2, written: 2, removed: 1 });
    expect(readdirSync(out).sort()).toEqual(['dropped.png', 'kept.png']);
    expect(pngSize(readFileSync(path.join(out, 'kept.png')))).toEqual([1200, 630]);

    // The next build: one card gone, one new, one unchanged (taken from the cache, its file left in place).
    const next = cardDrawing(drawToFile, () => undefined);
    const added = { name: 'added.png', content: { ...content, title: 'Added' } };
    next.prepare([kept, added]);
    expect(await next.writeAll(out)).toEqual({ cards: 2, drawn: 1, written: 1, removed: 1 });
    expect(readdirSync(out).sort()).toEqual(['added.png', 'kept.png']);
    expect(readdirSync(path.join(cache, 'dateline-cards')).sort()).toEqual(
      [`${cardHash(added.content, DRAWING_VERSION)}.png`, `${cardHash(kept.content, DRAWING_VERSION)}.png`].sort(),
    );
  });

  it('should fail naming every card that could not be drawn, after publishing the others', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'dateline-cards-out-'));
    const failing: DrawToFile = async (job) => {
      if (job.content.title.startsWith('Broken')) throw new Error('satori gave up');
      return drawToFile(job);
    };
    const cards = cardDrawing(failing, () => undefined);
    cards.prepare(['Broken one', 'Fine', 'Broken two'].map((title, n) => ({ name: `${n}.png`, content: { ...content, title } })));
    await expect(cards.writeAll(out)).rejects.toThrow(/"Broken one" \(0\.png\): satori gave up\n"Broken two" \(2\.png\): satori gave up/);
    expect(readdirSync(out)).toEqual(['1.png']);
  });

  it('should draw a card again when its file left the cache, and retry one that failed', async () => {
    let attempts = 0;
    const flaky: DrawToFile = async (job) => {
      attempts += 1;
      if (attempts === 1) throw new Error('out of memory');
      return drawToFile(job);
    };
    const cards = cardDrawing(flaky, () => undefined);
    await expect(cards.png(content)).rejects.toThrow('out of memory');
    expect(pngSize(await cards.png(content))).toEqual([1200, 630]);
    rmSync(path.join(cache, 'dateline-cards'), { recursive: true });
    expect(pngSize(await cards.png(content))).toEqual([1200, 630]);
    expect(attempts).toBe(3);
  });
});
