import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawInPool } from '../../src/data/card-pool.ts';
import { drawCard, prepareCards, socialCardPng } from '../../src/data/social-cards.ts';
import { cardHash, cardMarkup, type CardContent } from '../../src/lib/social-card.ts';

const content: CardContent = { title: 'North Korea readies troops', section: 'World', date: '25/10/2024 19h13', publisher: 'Dateline' };

describe('social cards', () => {
  let cache: string;
  beforeAll(() => {
    cache = mkdtempSync(path.join(tmpdir(), 'dateline-cards-'));
    process.env.DATELINE_CACHE_DIR = cache;
  });

  it('should key the cache by everything the card shows', () => {
    expect(cardHash(content)).toBe(cardHash({ ...content }));
    for (const change of [{ title: 'x' }, { section: 'x' }, { date: 'x' }, { publisher: 'x' }])
      expect(cardHash({ ...content, ...change })).not.toBe(cardHash(content));
  });

  it('should lay out section, headline, publisher and date', () => {
    expect(JSON.stringify(cardMarkup(content, 'Inter'))).toMatch(/"World".*"North Korea readies troops".*"Dateline".*"25\/10\/2024 19h13"/);
  });

  it('should draw a 1200×630 PNG once, then reuse it', async () => {
    const png = await socialCardPng(content);
    expect(Buffer.from(png.slice(1, 4)).toString()).toBe('PNG');
    expect(new DataView(png.buffer, png.byteOffset).getUint32(16)).toBe(1200);
    expect(new DataView(png.buffer, png.byteOffset).getUint32(20)).toBe(630);
    const folder = path.join(cache, 'dateline-cards');
    const [file] = readdirSync(folder);
    const drawnAt = statSync(path.join(folder, file!)).mtimeMs;
    expect(Buffer.from(await socialCardPng(content)).equals(Buffer.from(png))).toBe(true);
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
    await socialCardPng({ ...content, title: '北朝鮮 troops' }, (message) => warnings.push(message));
    expect(warnings).toEqual([expect.stringContaining('no shipped font draws "北朝鮮"')]);
  });

  it('should draw the same card on the pool threads as on the build thread', async () => {
    const [inPool, here] = await Promise.all([drawInPool({ ...content, title: 'Pool' }), drawCard({ ...content, title: 'Pool' })]);
    expect(Buffer.from(inPool.png).equals(Buffer.from(here.png))).toBe(true);
  });

  it('should start missing cards early and hand each to its page once drawn', async () => {
    const started: string[] = [];
    const cards = [1, 2, 3].map((n) => ({ ...content, title: `Prepared ${n}` }));
    prepareCards(cards, (card) => {
      started.push(card.title);
      return drawInPool(card);
    });
    expect(started).toEqual(['Prepared 1', 'Prepared 2', 'Prepared 3']);
    // Asked again (a second route, a rebuild in dev): nothing is drawn twice.
    prepareCards(cards, (card) => {
      started.push(card.title);
      return drawInPool(card);
    });
    expect(started).toHaveLength(3);
    for (const card of cards) expect(Buffer.from(await socialCardPng(card)).equals(Buffer.from((await drawCard(card)).png))).toBe(true);
  });
});
