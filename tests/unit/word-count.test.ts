import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes } from '../../src/lib/article/word-count.ts';

// Expected counts are the ones the `reading-time` package (which this replaced) gave for the same text.
describe('countWords', () => {
  it.each([
    ['Hello world', 2],
    ['  leading and trailing  ', 3],
    ['one,two three. Four!', 3],
    ['em—dash and “quotes”', 3],
    ['', 0],
    ['\n\t', 0],
    ['a\u00a0b', 1],
  ])('counts runs between spaces: %j → %i', (text, words) => {
    expect(countWords(text)).toBe(words);
  });

  it.each([
    ['日本語のテキスト', 5],
    ['北朝鮮。ロシア、ウクライナ abc', 5],
    ['한국어 텍스트입니다', 9],
    ['mixed日本text', 4],
    ['CJK then space 日 本 x', 6],
  ])('counts each Chinese, kana or Korean character as a word, not the punctuation after it: %j → %i', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

describe('readingMinutes', () => {
  it('is words at 200 a minute, rounded, and never 0', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(299)).toBe(1);
    expect(readingMinutes(300)).toBe(2);
    expect(readingMinutes(850)).toBe(4);
  });
});
