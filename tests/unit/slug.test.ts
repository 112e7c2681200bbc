import { describe, expect, it } from 'vitest';
import { isSlugTooLong, MAX_SLUG_BYTES, slugFromFileName, spellingKey, toSlug } from '../../src/lib/slug.ts';

describe('toSlug', () => {
  it.each([
    ['North Korea', 'north-korea'],
    ['north  korea', 'north-korea'],
    ['NORTH KOREA', 'north-korea'],
    ['Nörth Koréa', 'north-korea'],
    ['Kim Jong Un', 'kim-jong-un'],
    ['Élection présidentielle 2027', 'election-presidentielle-2027'],
    ['snake_case tag', 'snake-case-tag'],
    ['../../etc/passwd', 'etcpasswd'],
    ['-- padded --', 'padded'],
    ['北朝鮮', '北朝鮮'],
    ['🔥', ''],
    // Nothing that climbs out of a folder or encodes a path survives.
    ['..', ''],
    ['%2e%2e%2f', '2e2e2f'],
    ['..\\..\\windows', 'windows'],
    // Symbols that make a name are spelled out; a hashtag's # and a lone & are not.
    ['C++', 'c-plus-plus'],
    ['C#', 'c-sharp'],
    ['R&D', 'r-and-d'],
    ['Arts & Culture', 'arts-culture'],
    ['#MeToo', 'metoo'],
    ['Disney+', 'disney-plus'],
    // Accents of Latin, Greek and Cyrillic letters go, so capitals written without them match.
    ['ΑΘΗΝΑ', 'αθηνα'],
    ['Αθήνα', 'αθηνα'],
    ['Ёлка', 'елка'],
    // Marks of other scripts are vowels and sounds: kept, and recomposed.
    ['काम', 'काम'],
    ['कम', 'कम'],
    ['プラン', 'プラン'],
    ['フラン', 'フラン'],
    ['북한'.normalize('NFD'), '북한'.normalize('NFC')],
    ['ＡＢＣ ﬁle', 'abc-file'],
  ])('should turn %j into %j', (input, expected) => {
    expect(toSlug(input)).toBe(expected);
  });

  it('should never keep a character that could leave a folder or encode a path, whatever the input', () => {
    const unsafe: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const slug = toSlug(`a${String.fromCodePoint(cp)}b${String.fromCodePoint(cp)}.`);
      if (/[/\\.%?#:\s\p{Cc}\p{Cf}]/u.test(slug) || !slug.startsWith('a')) unsafe.push(`U+${cp.toString(16)}: ${slug}`);
    }
    expect(unsafe).toEqual([]);
  });
});

describe('spellingKey', () => {
  it.each([
    ['North Korea', 'north korea'],
    ['North Korea', 'North-Korea'],
    ['North Korea', 'North  Korea'],
    ['North Korea', 'north_korea'],
    ['North Korea', 'Nörth Koréa'],
    ['COVID-19', 'Covid–19'],
    ["Sam O'Neil", 'Sam O\u2019Neil'],
    ['Lee Min-ho', 'lee min ho'],
  ])('should see %j and %j as one name written two ways', (a, b) => {
    expect(spellingKey(a)).toBe(spellingKey(b));
  });

  it.each([
    ['C++', 'C#'],
    ['U.S.', 'US'],
    ["Sam O'Neil", 'Sam ONeil'],
    ['½', '12'],
    ['काम', 'कम'],
  ])('should see %j and %j as different names', (a, b) => {
    expect(spellingKey(a)).not.toBe(spellingKey(b));
  });
});

describe('isSlugTooLong', () => {
  it('should allow a slug up to the limit in bytes, whatever its script', () => {
    expect(isSlugTooLong('a'.repeat(MAX_SLUG_BYTES))).toBe(false);
    expect(isSlugTooLong('a'.repeat(MAX_SLUG_BYTES + 1))).toBe(true);
    // A Chinese character takes three bytes of a file name.
    expect(isSlugTooLong('北'.repeat(Math.floor(MAX_SLUG_BYTES / 3)))).toBe(false);
    expect(isSlugTooLong('北'.repeat(Math.floor(MAX_SLUG_BYTES / 3) + 1))).toBe(true);
  });
});

describe('slugFromFileName', () => {
  it.each([
    ['world/north-korea-troops-russia.md', 'north-korea-troops-russia'],
    ["Kim Jong-un's visit.md", 'kim-jong-uns-visit'],
    ['Budget Vote.MD', 'budget-vote'],
    ['politics\\Café crème.md', 'cafe-creme'],
    ['Ærø Łódź Straße.md', 'aero-lodz-strasse'],
    // Other scripts are transliterated; Chinese characters are a word each.
    ['北朝鮮 report.md', 'bei-chao-xian-report'],
    ['北朝鮮.md', 'bei-chao-xian'],
    ['Выборы в Москве перенесены.md', 'vybory-v-moskve-pereneseny'],
    ['Йошкар-Ола.md', 'yoshkar-ola'],
    ['Η Αθήνα ψηφίζει.md', 'i-athina-psifizei'],
    ['الانتخابات في القاهرة.md', 'lntkhbt-fy-lqhrh'],
    ['서울에서 회담.md', 'seouleseo-hoedam'],
    ['東京で地震.md', 'dong-jing-de-de-zhen'],
    // Symbols and emoji are not letters: nothing to make a URL from.
    ['🔥🔥.md', ''],
    // An article in its own folder, pictures beside it, is named after the folder.
    ['politics/my-story/index.md', 'my-story'],
    ['politics/2024/My Story/INDEX.md', 'my-story'],
    ['politics\\my-story\\index.md', 'my-story'],
    // An index.md directly in a section folder, or at the top, is an article named index.
    ['politics/index.md', 'index'],
    ['index.md', 'index'],
    ['politics/my-story/notes.md', 'notes'],
    // A Jekyll-style date before the name is not part of the slug; only a calendar-like date counts.
    ['politics/2024-10-25-my-story.md', 'my-story'],
    ['politics/2024-10-25-my-story/index.md', 'my-story'],
    ['science/2024-hottest-year-copernicus.md', '2024-hottest-year-copernicus'],
    ['world/2024-13-25-not-a-date.md', '2024-13-25-not-a-date'],
    ['world/2024-10-25.md', '2024-10-25'],
    ['world/2024-10-25-2025-review.md', '2025-review'],
  ])('should turn %j into %j', (input, expected) => {
    expect(slugFromFileName(input)).toBe(expected);
  });
});
