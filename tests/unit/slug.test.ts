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
  ])('should turn %j into %j', (input, expected) => {
    expect(slugFromFileName(input)).toBe(expected);
  });
});
