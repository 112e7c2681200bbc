import { describe, expect, it } from 'vitest';
import { slugFromFileName, toSlug } from '../../src/lib/slug.ts';

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
  ])('should turn %j into %j', (input, expected) => {
    expect(toSlug(input)).toBe(expected);
  });
});

describe('slugFromFileName', () => {
  it.each([
    ['world/north-korea-troops-russia.md', 'north-korea-troops-russia'],
    ["Kim Jong-un's visit.md", 'kim-jong-uns-visit'],
    ['Budget Vote.MD', 'budget-vote'],
    ['politics\\Café crème.md', 'cafe-creme'],
    ['Ærø Łódź Straße.md', 'aero-lodz-strasse'],
    ['北朝鮮 report.md', 'report'],
    ['北朝鮮.md', ''],
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
