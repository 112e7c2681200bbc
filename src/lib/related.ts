import { buildRelatedIndex, type RelatedIndex } from './related-index.ts';
import { RelatedRanker } from './related-rank.ts';

export { tagWeight } from './related-index.ts';

/** What ranking needs to know about one published article. */
export interface RelatedCandidate {
  slug: string;
  /** Publish instant, ISO 8601 UTC. */
  date: string;
  sectionSlug: string;
  /** Tag slugs, unique within the article. */
  tagSlugs: readonly string[];
  /** Slugs an editor pinned to the top of this article's Related list, in order. */
  pinned: readonly string[];
}

/** One Related link and why it is there. */
export interface RelatedLink {
  slug: string;
  /** Sum of the weights of the shared tags; `Infinity` for a pinned article. */
  score: number;
  /** Shared tag slugs, rarest (heaviest) first: "North Korea · Russia". */
  sharedTags: string[];
  pinned: boolean;
}

export interface RelatedList {
  /** Up to `count` articles that share at least one tag (or are pinned), best first. */
  related: RelatedLink[];
  /** When Related is short: newest articles of the same section not already listed, to fill up to `count`. */
  moreInSection: string[];
}

/**
 * Scores are rounded to nine decimals before ranking: sums of logarithms that are equal on paper
 * (ln(1+8/6) + ln(1+8/7) and ln(1+8/2) are both ln 5) can differ in the last bit, and the date must then
 * decide, not rounding noise.
 */
export function quantize(score: number): number {
  return Math.round(score * 1e9) / 1e9;
}

/**
 * Lists of at most this many articles are read in full. Longer ones (common tags, and pairs of them) are
 * walked outward from the article's date and left as soon as nothing further along can enter the list.
 * Any value gives the same result; this one is fast (`npm run bench:related`).
 */
const SCAN_LIMIT = 32;

export interface RelatedOptions {
  /** Override of `SCAN_LIMIT`, for tests that exercise both ways of finding candidates. */
  scanLimit?: number;
}

/**
 * Related lists for every article, computed once per build from an inverted index (tag → articles),
 * without comparing every pair. The ranking is exact: score (sum of shared tag weights) descending, then
 * closer publication date, then slug; pinned articles first. Input order does not matter to the lists;
 * the map keeps it.
 */
export function computeRelated(
  articles: readonly RelatedCandidate[],
  count: number,
  options: RelatedOptions = {},
): Map<string, RelatedList> {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Related count must be a whole number, not ${count}`);
  const index = buildRelatedIndex(articles, options.scanLimit ?? SCAN_LIMIT);
  const { slugs } = index;
  const pinsByArticle = new Map<number, readonly number[]>();
  let numberOf: Map<string, number> | undefined;
  for (let i = 0; i < articles.length; i++) {
    const { pinned } = articles[i]!;
    if (pinned.length === 0) continue;
    numberOf ??= new Map(slugs.map((slug, other) => [slug, other]));
    pinsByArticle.set(index.numberOf[i]!, pinnedNumbers(numberOf, index.numberOf[i]!, pinned));
  }
  const pinsOf = (self: number) => (pinsByArticle.size === 0 ? NO_PINS : (pinsByArticle.get(self) ?? NO_PINS));

  // Ranked in number (date) order, so consecutive articles walk the same stretches of the long lists.
  const ranker = new RelatedRanker(index, count);
  const lists = new Array<RelatedList>(index.n);
  const links: RelatedLink[] = [];
  const names: string[] = [];
  // Built when first needed: most articles have a full Related list.
  let bySection: Int32Array[] | undefined;
  for (let self = 0; self < index.n; self++) {
    const pins = pinsOf(self);
    ranker.rank(self, pins, Math.max(0, count - pins.length));
    const shownPins = pins.length > count ? pins.slice(0, count) : pins;
    for (let i = 0; i < shownPins.length; i++) {
      const other = shownPins[i]!;
      links[i] = { slug: slugs[other]!, score: Infinity, sharedTags: sharedTags(index, self, other), pinned: true };
    }
    for (let i = 0; i < ranker.size; i++) {
      const other = ranker.article[i]!;
      const mask = ranker.shared[i]!;
      links[shownPins.length + i] = {
        slug: slugs[other]!,
        score: ranker.key[i]! / 1e9,
        sharedTags: mask === -1 ? sharedTags(index, self, other) : maskedTags(index, self, mask, names),
        pinned: false,
      };
    }
    const related = exactly(links, shownPins.length + ranker.size);
    const moreInSection: string[] = [];
    if (related.length < count) {
      bySection ??= newestFirstBySection(index);
      for (const other of bySection[index.section[self]!]!) {
        if (other === self || related.some((link) => link.slug === slugs[other])) continue;
        moreInSection.push(slugs[other]!);
        if (moreInSection.length >= count - related.length) break;
      }
    }
    lists[self] = { related, moreInSection };
  }
  // In input order: the order in which the slugs were read (and hashed), likely their order in memory.
  const result = new Map<string, RelatedList>();
  for (let i = 0; i < articles.length; i++) result.set(articles[i]!.slug, lists[index.numberOf[i]!]!);
  return result;
}

const NO_PINS: readonly number[] = [];

/** The article numbers of an article's valid pins: known, not itself, each once, in the editor's order. */
function pinnedNumbers(numberOf: ReadonlyMap<string, number>, self: number, pinned: readonly string[]): number[] {
  const pins: number[] = [];
  for (const slug of pinned) {
    const other = numberOf.get(slug);
    if (other !== undefined && other !== self && !pins.includes(other)) pins.push(other);
  }
  return pins;
}

/** The tags two articles share, heaviest first (for pins, and articles with too many tags for a mask). */
function sharedTags(index: RelatedIndex, a: number, b: number): string[] {
  const { tagStart, tags, tagNames } = index;
  const shared: string[] = [];
  // Both lists are ascending: a merge.
  let i = tagStart[a]!;
  let j = tagStart[b]!;
  const endA = tagStart[a + 1]!;
  const endB = tagStart[b + 1]!;
  while (i < endA && j < endB) {
    if (tags[i]! < tags[j]!) i++;
    else if (tags[i]! > tags[j]!) j++;
    else {
      shared.push(tagNames[tags[i]!]!);
      i++;
      j++;
    }
  }
  return shared.slice();
}

/**
 * The names of an article's tags whose bits are set in `mask` (bit i: its tag i), heaviest first, as an
 * array of that size (gathered in `buffer`).
 */
function maskedTags(index: RelatedIndex, self: number, mask: number, buffer: string[]): string[] {
  let count = 0;
  for (let i = 0, first = index.tagStart[self]!; mask >>> i !== 0; i++)
    if ((mask >>> i) & 1) buffer[count++] = index.tagNames[index.tags[first + i]!]!;
  return exactly(buffer, count);
}

/**
 * The first `count` items of `buffer`, as a new array of that length. A build keeps 600,000 of these
 * small arrays: made by a literal, they have an allocation site, and V8 soon allocates them straight in
 * the old generation, where copies made by `slice` all pass through the young one (more scavenging,
 * measured with `--trace-gc`: docs/performance.md).
 */
function exactly<T>(buffer: readonly T[], count: number): T[] {
  switch (count) {
    case 0:
      return [];
    case 1:
      return [buffer[0]!];
    case 2:
      return [buffer[0]!, buffer[1]!];
    case 3:
      return [buffer[0]!, buffer[1]!, buffer[2]!];
    case 4:
      return [buffer[0]!, buffer[1]!, buffer[2]!, buffer[3]!];
    case 5:
      return [buffer[0]!, buffer[1]!, buffer[2]!, buffer[3]!, buffer[4]!];
    default:
      return buffer.slice(0, count);
  }
}

/** Article numbers per section number, newest first (then slug), for "More in {section}". */
function newestFirstBySection(index: RelatedIndex): Int32Array[] {
  const { time, section } = index;
  const size = new Int32Array(index.sectionNames.length);
  for (let a = 0; a < index.n; a++) size[section[a]!]!++;
  const bySection = Array.from(size, (length) => new Int32Array(length));
  const filled = new Int32Array(size.length);
  // Articles are numbered oldest first, then by slug: backwards, each run of equal times forwards (an
  // unreadable date, NaN, counts as equal to another).
  const same = (a: number, b: number) => time[a] === time[b] || (Number.isNaN(time[a]) && Number.isNaN(time[b]));
  for (let end = index.n; end > 0;) {
    let start = end - 1;
    while (start > 0 && same(start - 1, end - 1)) start--;
    for (let a = start; a < end; a++) bySection[section[a]!]![filled[section[a]!]!++] = a;
    end = start;
  }
  return bySection;
}
