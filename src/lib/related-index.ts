// The Related index, one job: every tag's and tag pair's articles, as flat posting lists built once per
// collection, for the ranking (related-rank.ts) to read.
import { compareText } from './problems.ts';

/** What the index needs to know about one article (a `RelatedCandidate` fits). */
export interface IndexedArticle {
  slug: string;
  /** Publish instant, ISO 8601 UTC. */
  date: string;
  sectionSlug: string;
  /** Tag slugs, unique within the article. */
  tagSlugs: readonly string[];
}

/**
 * The weight of sharing a tag used by `df` of `n` articles: an inverse document frequency. Sharing a rare
 * tag ("Kim Jong Un") counts for more than sharing a common one ("World"). `ln(1 + n/df)` rather than
 * `ln(n/df)` so a tag on every article still counts a little: sharing it is still sharing a subject.
 */
export function tagWeight(n: number, df: number): number {
  return Math.log(1 + n / df);
}

/** Records hold up to this many tags; an article with more is marked `OVERFLOW` and read from `tags`. */
const RECORD_TAGS = 8;
/** In place of the first tag of a record: the article's tags did not fit. */
export const OVERFLOW = -1;

/**
 * Lists of postings, each in article number (date) order. Posting `p` is a fixed-size record of `width`
 * numbers from `records[p * width]`: its article's number, then that article's tag numbers in ascending
 * order, padded with the number of no tag (`tagNames.length`) and two to a number when `packed` (the
 * first in the low 16 bits), or `OVERFLOW` when they do not fit. Reading a list reads memory in order:
 * jumping to each article's own tags instead is what made ranking 100,000 articles slow.
 */
export interface PostingLists {
  records: Int32Array;
}

/**
 * The inverted index with everything numbered, in flat typed arrays: ranking reads nothing else and
 * allocates nothing per article.
 *
 * - Articles are numbered oldest first (then by slug), so ranking them in number order walks the same
 *   stretches of the long lists one after another.
 * - Tags are numbered heaviest first (rarest first, then by slug): the canonical order in which a score is
 *   summed and shared tags are listed, so any two articles sharing the same tags score bit-for-bit alike.
 */
export interface RelatedIndex<A extends IndexedArticle = IndexedArticle> {
  /** The articles by number, and their slugs. */
  articles: readonly A[];
  slugs: readonly string[];
  n: number;
  /** The number of each article of the input, by its place there. */
  numberOf: Int32Array;
  /** Publish instant of each article, in milliseconds (never decreasing). */
  time: Float64Array;
  /** Section number of each article; `sectionNames[s]` is its slug. */
  section: Int32Array;
  sectionNames: readonly string[];
  /** Tag slug by tag number. */
  tagNames: readonly string[];
  /** `tagWeight(n, df)` by tag number: never increasing. */
  weight: Float64Array;
  /** Each article's tag numbers, ascending: `tags[tagStart[a]]` to `tags[tagStart[a + 1] - 1]`. */
  tagStart: Int32Array;
  tags: Int32Array;
  /** Lists of at most this many articles are read in full when ranking; longer ones have pair lists. */
  scanLimit: number;
  /** Numbers per posting record, and whether two tags share one. */
  width: number;
  packed: boolean;
  /** The articles with tag `t`: postings `byTagStart[t]` to `byTagStart[t + 1] - 1` of `byTag`. */
  byTag: PostingLists;
  byTagStart: Int32Array;
  /**
   * The articles with both of two tags, for tags used by more than `scanLimit` articles: those are an
   * article's tags from position `paired[a]` of its list on. Its pair of the tags at positions p < q (both
   * from `paired[a]` on) has postings `pairRange[2e]` to `pairRange[2e + 1] - 1` of `byPair`, where
   * `e = pairStart[a] + pairNumber(p - paired[a], q - paired[a])`: kept with the article, so ranking reads
   * them in order, and knows without reading a list when the article is alone in it.
   */
  byPair: PostingLists;
  paired: Int32Array;
  pairStart: Int32Array;
  pairRange: Int32Array;
}

/** Builds the index; the input order does not matter. */
export function buildRelatedIndex<A extends IndexedArticle>(input: readonly A[], scanLimit: number): RelatedIndex<A> {
  // Strings are read in input order (likely their order in memory), then numbers put in article order.
  const n = input.length;
  const inputTime = new Float64Array(n);
  const inputSection = new Int32Array(n);
  const inputSlugs = new Array<string>(n);
  const sectionIds = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    inputTime[i] = parseInstant(input[i]!.date);
    inputSection[i] = number(sectionIds, input[i]!.sectionSlug);
    inputSlugs[i] = input[i]!.slug;
  }
  // Article numbers: oldest first, then by slug (only articles published at the same instant are compared).
  const order = oldestFirst(inputTime);
  const same = (i: number, j: number) => inputTime[i] === inputTime[j] || (Number.isNaN(inputTime[i]) && Number.isNaN(inputTime[j]));
  for (let start = 0, end = 1; start < n; start = end++) {
    while (end < n && same(order[end]!, order[start]!)) end++;
    if (end - start > 1) order.subarray(start, end).sort((i, j) => compareText(inputSlugs[i]!, inputSlugs[j]!));
  }
  const numberOf = new Int32Array(n);
  const articles = new Array<A>(n);
  const slugs = new Array<string>(n);
  const time = new Float64Array(n);
  const section = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    const i = order[a]!;
    numberOf[i] = a;
    articles[a] = input[i]!;
    slugs[a] = inputSlugs[i]!;
    time[a] = inputTime[i]!;
    section[a] = inputSection[i]!;
  }
  const { tagNames, weight, tagStart, tags } = numberTags(input, order);
  const tagCount = tagNames.length;
  const { byTag, byTagStart, width, packed } = tagPostings(tagStart, tags, tagCount);
  // Tags are numbered by ascending use, so the tags with pair lists are those from `firstPaired` on.
  let firstPaired = tagCount;
  while (firstPaired > 0 && byTagStart[firstPaired]! - byTagStart[firstPaired - 1]! > scanLimit) firstPaired--;
  const { byPair, paired, pairStart, pairRange } = pairPostings(byTag, byTagStart, tagStart, tags, firstPaired, width, packed);

  return {
    articles,
    slugs,
    n,
    numberOf,
    time,
    section,
    sectionNames: [...sectionIds.keys()],
    tagNames,
    weight,
    tagStart,
    tags,
    scanLimit,
    width,
    packed,
    byTag,
    byTagStart,
    byPair,
    paired,
    pairStart,
    pairRange,
  };
}

/**
 * `Date.parse(iso)`, three times faster for the form the newsroom stores, `toISOString()`'s
 * "2024-10-25T17:13:00.000Z": for a valid date in that form both are `Date.UTC` of its fields.
 */
export function parseInstant(iso: string): number {
  if (
    iso.length === 24 &&
    iso[4] === '-' &&
    iso[7] === '-' &&
    iso[10] === 'T' &&
    iso[13] === ':' &&
    iso[16] === ':' &&
    iso[19] === '.' &&
    iso[23] === 'Z'
  ) {
    const year = digits(iso, 0, 4);
    const month = digits(iso, 5, 2);
    const day = digits(iso, 8, 2);
    const hour = digits(iso, 11, 2);
    const minute = digits(iso, 14, 2);
    const second = digits(iso, 17, 2);
    const ms = digits(iso, 20, 3);
    // Years before 100 would be read as 19xx by Date.UTC.
    const valid = year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && hour >= 0 && hour <= 23;
    if (valid && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && ms >= 0)
      return Date.UTC(year, month - 1, day, hour, minute, second, ms);
  }
  return Date.parse(iso);
}

/** The decimal number written at `from` in `count` digits, or -1. */
function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The number of `key`, numbering keys in order of first use. */
function number(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size));
  return id;
}

/**
 * Indices oldest first, equal times in index order: a native sort of the times, then a counting sort by
 * rank. NaN (an unreadable date; the schema lets none through) goes last.
 */
function oldestFirst(time: Float64Array): Int32Array {
  const sorted = time.slice().sort();
  let dated = sorted.length;
  while (dated > 0 && Number.isNaN(sorted[dated - 1])) dated--;
  const count = new Int32Array(time.length + 1);
  const rank = new Int32Array(time.length);
  for (let i = 0; i < time.length; i++) {
    const t = time[i]!;
    // The first position of this time among the sorted times.
    let lo = 0;
    let hi = dated;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    rank[i] = Number.isNaN(t) ? dated : lo;
    count[rank[i]! + 1]!++;
  }
  for (let r = 0; r < time.length; r++) count[r + 1]! += count[r]!;
  const order = new Int32Array(time.length);
  for (let i = 0; i < time.length; i++) order[count[rank[i]!]!++] = i;
  return order;
}

/**
 * Tags numbered heaviest first, and each article's tag numbers in ascending order, by article number
 * (`inputOf[a]` is article `a`'s place in `articles`).
 */
function numberTags(articles: readonly IndexedArticle[], inputOf: Int32Array) {
  const n = articles.length;
  const firstUse = new Map<string, number>();
  const tagStart = new Int32Array(n + 1);
  let total = 0;
  for (const article of articles) total += article.tagSlugs.length;
  const raw = new Int32Array(total);
  let end = 0;
  for (let a = 0; a < n; a++) {
    for (const slug of articles[a]!.tagSlugs) {
      const id = number(firstUse, slug);
      // Defensive: a repeated tag would be counted, and its article offered, twice.
      let seen = false;
      for (let p = tagStart[a]!; p < end && !seen; p++) seen = raw[p] === id;
      if (!seen) raw[end++] = id;
    }
    tagStart[a + 1] = end;
  }
  const names = [...firstUse.keys()];
  const df = new Int32Array(names.length);
  for (let p = 0; p < end; p++) df[raw[p]!]!++;
  const rawWeight = Float64Array.from(df, (d) => tagWeight(n, d));
  const order = Int32Array.from(names, (_, id) => id).sort((a, b) => rawWeight[b]! - rawWeight[a]! || compareText(names[a]!, names[b]!));
  const renumber = new Int32Array(order.length);
  for (let rank = 0; rank < order.length; rank++) renumber[order[rank]!] = rank;
  const numberedStart = new Int32Array(n + 1);
  const tags = new Int32Array(end);
  for (let a = 0; a < n; a++) {
    const s = inputOf[a]!;
    const from = numberedStart[a]!;
    numberedStart[a + 1] = from + tagStart[s + 1]! - tagStart[s]!;
    // An insertion sort: an article has a handful of tags.
    for (let p = tagStart[s]!, to = from; p < tagStart[s + 1]!; p++, to++) {
      const t = renumber[raw[p]!]!;
      let at = to;
      for (; at > from && tags[at - 1]! > t; at--) tags[at] = tags[at - 1]!;
      tags[at] = t;
    }
  }
  const tagNames: string[] = [];
  const weight = new Float64Array(order.length);
  for (let rank = 0; rank < order.length; rank++) {
    tagNames.push(names[order[rank]!]!);
    weight[rank] = rawWeight[order[rank]!]!;
  }
  return { tagNames, weight, tagStart: numberedStart, tags };
}

/**
 * The list of every tag. Postings placed in article order come out in date order (a counting sort by
 * tag). Tag numbers are packed two to a number when they fit in 16 bits with the number of no tag, and
 * two of them cannot make `OVERFLOW`.
 */
function tagPostings(tagStart: Int32Array, tags: Int32Array, tagCount: number) {
  const n = tagStart.length - 1;
  const byTagStart = new Int32Array(tagCount + 1);
  for (const t of tags) byTagStart[t + 1]!++;
  for (let t = 0; t < tagCount; t++) byTagStart[t + 1]! += byTagStart[t]!;
  let most = 0;
  for (let a = 0; a < n; a++) most = Math.max(most, tagStart[a + 1]! - tagStart[a]!);
  const packed = tagCount < 0xffff;
  const perNumber = packed ? 2 : 1;
  const width = 1 + Math.ceil(Math.min(most, RECORD_TAGS) / perNumber);
  const byTag = postingLists(tags.length, width);
  const { records } = byTag;
  const cursor = byTagStart.slice(0, tagCount);
  for (let a = 0; a < n; a++) {
    const from = tagStart[a]!;
    const count = tagStart[a + 1]! - from;
    const tag = (i: number) => (i < count ? tags[from + i]! : tagCount);
    for (let p = from; p < from + count; p++) {
      const at = cursor[tags[p]!]!++ * width;
      records[at] = a;
      if (count > (width - 1) * perNumber) records[at + 1] = OVERFLOW;
      else for (let i = 0; i < width - 1; i++) records[at + 1 + i] = packed ? tag(2 * i) | (tag(2 * i + 1) << 16) : tag(i);
    }
  }
  return { byTag, byTagStart, width, packed };
}

function postingLists(postings: number, width: number): PostingLists {
  return { records: new Int32Array(postings * width) };
}

/**
 * Where each article's paired tags begin (the last of its ascending list, from `paired[a]` on), where its
 * pairs begin among all articles' pairs, and the most tags an article has.
 */
function pairedTags(tagStart: Int32Array, tags: Int32Array, firstPaired: number) {
  const n = tagStart.length - 1;
  const paired = new Int32Array(n);
  const pairStart = new Int32Array(n + 1);
  let most = 0;
  for (let a = 0; a < n; a++) {
    let from = tagStart[a + 1]!;
    while (from > tagStart[a]! && tags[from - 1]! >= firstPaired) from--;
    paired[a] = from;
    const k = tagStart[a + 1]! - from;
    pairStart[a + 1] = pairStart[a]! + (k * (k - 1)) / 2;
    most = Math.max(most, tagStart[a + 1]! - tagStart[a]!);
  }
  return { paired, pairStart, most };
}

/**
 * Every pair of tags from `firstPaired` on that some article has, with its articles in date order. The
 * lists of the pairs (t, u > t) are cut from the list of t, read in order (a counting sort by u), and
 * each article gets the ranges of its own pairs.
 */
function pairPostings(
  byTag: PostingLists,
  byTagStart: Int32Array,
  tagStart: Int32Array,
  tags: Int32Array,
  firstPaired: number,
  width: number,
  packed: boolean,
) {
  const tagCount = byTagStart.length - 1;
  const { paired, pairStart, most } = pairedTags(tagStart, tags, firstPaired);
  const total = pairStart[tagStart.length - 1]!;
  const byPair = postingLists(total, width);
  const pairRange = new Int32Array(2 * total);
  const { records } = byTag;
  // One article's tags, read from its record in the list (in order) unless they overflowed it.
  const own = new Int32Array(most);
  const read = (p: number) => {
    const at = p * width;
    if (records[at + 1] === OVERFLOW) {
      const a = records[at]!;
      own.set(tags.subarray(tagStart[a], tagStart[a + 1]));
      return tagStart[a + 1]! - tagStart[a]!;
    }
    let count = 0;
    for (let i = 1; i < width; i++) {
      const x = records[at + i]!;
      if (!packed) {
        if (x !== tagCount) own[count++] = x;
        continue;
      }
      if ((x & 0xffff) !== tagCount) own[count++] = x & 0xffff;
      if (x >>> 16 !== tagCount) own[count++] = x >>> 16;
    }
    return count;
  };
  // Per u, while the pairs of one t are cut: how many, then where the list of (t, u) begins and ends.
  const count = new Int32Array(tagCount);
  const begin = new Int32Array(tagCount);
  const cursor = new Int32Array(tagCount);
  const seen: number[] = [];
  let next = 0;
  for (let t = firstPaired; t < tagCount; t++) {
    const start = byTagStart[t]!;
    const end = byTagStart[t + 1]!;
    for (let p = start; p < end; p++) {
      for (let q = read(p) - 1; own[q]! > t; q--) if (count[own[q]!]!++ === 0) seen.push(own[q]!);
    }
    for (const u of seen) {
      begin[u] = cursor[u] = next;
      next += count[u]!;
    }
    for (let p = start; p < end; p++) {
      const a = records[p * width]!;
      const from = paired[a]! - tagStart[a]!;
      const k = read(p);
      let i = from;
      while (own[i] !== t) i++;
      for (let q = k - 1; q > i; q--) {
        const u = own[q]!;
        const slot = cursor[u]!++;
        for (let j = 0; j < width; j++) byPair.records[slot * width + j] = records[p * width + j]!;
        const e = pairStart[a]! + pairNumber(i - from, q - from);
        pairRange[2 * e] = begin[u]!;
        pairRange[2 * e + 1] = begin[u]! + count[u]!;
      }
    }
    for (const u of seen) count[u] = 0;
    seen.length = 0;
  }
  return { byPair, paired, pairStart, pairRange };
}

/** The number of the pair (p < q) among the pairs of 0, 1, 2, …: (0, 1), (0, 2), (1, 2), (0, 3), … */
export function pairNumber(p: number, q: number): number {
  return (q * (q - 1)) / 2 + p;
}
