/**
 * Counting words for the reading time, the way the `reading-time` package counted them (so no article's
 * "min read" changed when it was replaced), with one regular expression instead of a loop over every
 * character: it was a tenth of the whole parsing time.
 *
 * A word is a run of characters between spaces, tabs and line breaks. Chinese, Japanese kana and Korean
 * are written without spaces, so each of their characters counts as a word, and punctuation right after
 * one is not a word of its own.
 */
const CJK = '\\u3040-\\u309f\\u4e00-\\u9fff\\uac00-\\ud7a3';
const SPACE = ' \\n\\r\\t';
/** ASCII punctuation and the CJK and full-width punctuation blocks. */
const PUNCTUATION = '!-/:-@\\[-`{-~\\u3000-\\u303f\\uff00-\\uffef';
const WORD = new RegExp(`[${CJK}][${PUNCTUATION}${SPACE}]*|[^${SPACE}${CJK}]+`, 'g');

/** Readers read about 200 words a minute. */
const WORDS_PER_MINUTE = 200;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Whole minutes, at least 1: a page never says "0 min read". */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
