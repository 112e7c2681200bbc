import { compareText } from './problems.ts';

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
 * The weight of sharing a tag used by `df` of `n` articles: an inverse document frequency. Sharing a rare
 * tag ("Kim Jong Un") counts for more than sharing a common one ("World"). `ln(1 + n/df)` rather than
 * `ln(n/df)` so a tag on every article still counts a little: sharing it is still sharing a subject.
 */
export function tagWeight(n: number, df: number): number {
  return Math.log(1 + n / df);
}

/**
 * Tags used by at most this many articles have their posting lists read in full. Longer lists (the
 * common tags) are never read in full: see `rankArticle`. Any value gives the same result; this one is fast.
 */
const SCAN_LIMIT = 512;

/**
 * Scores are rounded to nine decimals before ranking: sums of logarithms that are equal on paper
 * (ln(1+8/6) + ln(1+8/7) and ln(1+8/2) are both ln 5) can differ in the last bit, and the date must then
 * decide, not rounding noise.
 */
export function quantize(score: number): number {
  return Math.round(score * 1e9) / 1e9;
}

/**
 * Bounds are compared with this margin so that rounding in sums of weights never prunes a candidate that
 * could tie; it only ever makes the search look a little further.
 */
const EPSILON = 1e-9;

export interface RelatedOptions {
  /** Override of `SCAN_LIMIT`, for tests that exercise both ways of finding candidates. */
  scanLimit?: number;
}

/**
 * Related lists for every article, computed once per build from an inverted index (tag → articles).
 * The ranking is exact: score (sum of shared tag weights) descending, then closer publication date, then
 * slug; pinned articles first. Input order does not matter.
 */
export function computeRelated(
  articles: readonly RelatedCandidate[],
  count: number,
  options: RelatedOptions = {},
): Map<string, RelatedList> {
  const index = new RelatedIndex(articles);
  const bySection = newestFirstBySection(index);
  const result = new Map<string, RelatedList>();
  for (let self = 0; self < index.n; self++) {
    const article = index.articles[self]!;
    const related = rankArticle(index, self, count, options.scanLimit ?? SCAN_LIMIT);
    const listed = new Set([article.slug, ...related.map((link) => link.slug)]);
    const moreInSection =
      related.length >= count
        ? []
        : (bySection.get(article.sectionSlug) ?? []).filter((slug) => !listed.has(slug)).slice(0, count - related.length);
    result.set(article.slug, { related, moreInSection });
  }
  return result;
}

/** The inverted index, with tags and articles numbered so the hot loops use typed arrays. */
class RelatedIndex {
  /** Articles in slug order: an article's number is its rank in slug order (the last tie-break). */
  readonly articles: RelatedCandidate[];
  readonly n: number;
  readonly indexOf: Map<string, number>;
  readonly time: Float64Array;
  readonly tagNames: string[] = [];
  /** Each article's tag numbers. */
  readonly articleTags: Int32Array[];
  readonly df: Int32Array;
  readonly weight: Float64Array;
  /** Per tag: its articles sorted by publication time (then number), and those times, for walks by date. */
  readonly byDate: Int32Array[];
  readonly byDateTime: Float64Array[];
  /** Scratch marks, one per article, for the ranking of one article at a time (always left cleared). */
  readonly marks: Uint8Array;
  /** Scratch scores, one per article, likewise always left at zero. */
  readonly scores: Float64Array;
  /** Per tag, built on first use: membership as a bitset over article numbers (for common tags). */
  private readonly bitsets = new Map<number, Uint32Array>();

  constructor(input: readonly RelatedCandidate[]) {
    this.articles = [...input].sort((a, b) => compareText(a.slug, b.slug));
    this.n = this.articles.length;
    this.indexOf = new Map(this.articles.map((article, i) => [article.slug, i]));
    this.time = Float64Array.from(this.articles, (a) => Date.parse(a.date));
    this.marks = new Uint8Array(this.n);
    this.scores = new Float64Array(this.n);
    const tagIds = new Map<string, number>();
    this.articleTags = this.articles.map((article) =>
      Int32Array.from(article.tagSlugs, (tag) => {
        let id = tagIds.get(tag);
        if (id === undefined) {
          id = this.tagNames.length;
          tagIds.set(tag, id);
          this.tagNames.push(tag);
        }
        return id;
      }),
    );
    const postings: number[][] = this.tagNames.map(() => []);
    this.articleTags.forEach((tags, i) => tags.forEach((t) => postings[t]!.push(i)));
    this.df = Int32Array.from(postings, (list) => list.length);
    this.weight = Float64Array.from(this.df, (d) => tagWeight(this.n, d));
    this.byDate = postings.map((list) => Int32Array.from(list).sort((a, b) => this.time[a]! - this.time[b]! || a - b));
    this.byDateTime = this.byDate.map((list) => Float64Array.from(list, (i) => this.time[i]!));
  }

  has(article: number, tag: number): boolean {
    return this.articleTags[article]!.includes(tag);
  }

  /** The membership bitset of a tag; built once per tag, only for tags whose lists are walked. */
  bitset(tag: number): Uint32Array {
    let bits = this.bitsets.get(tag);
    if (!bits) {
      bits = new Uint32Array((this.n + 31) >>> 5);
      for (const article of this.byDate[tag]!) bits[article >>> 5]! |= 1 << (article & 31);
      this.bitsets.set(tag, bits);
    }
    return bits;
  }
}

/** A ranked candidate: higher score first, then closer date, then lower number (slug order). */
interface Ranked {
  article: number;
  score: number;
  distance: number;
}

/** Whether a candidate (score, distance, article number) ranks above `b`. */
function ranksAbove(score: number, distance: number, article: number, b: Ranked): boolean {
  return score !== b.score ? score > b.score : distance !== b.distance ? distance < b.distance : article < b.article;
}

/** The best `k` candidates offered so far, kept sorted (k is small: the Related count). */
class TopK {
  readonly items: Ranked[] = [];
  private readonly k: number;

  constructor(k: number) {
    this.k = k;
  }

  get capacity(): number {
    return this.k;
  }

  get full(): boolean {
    return this.items.length >= this.k;
  }

  get worst(): Ranked | undefined {
    return this.items[this.items.length - 1];
  }

  offer(article: number, score: number, distance: number): void {
    if (this.k === 0 || (this.full && !ranksAbove(score, distance, article, this.worst!))) return;
    let i = this.items.length;
    while (i > 0 && ranksAbove(score, distance, article, this.items[i - 1]!)) i--;
    this.items.splice(i, 0, { article, score, distance });
    if (this.items.length > this.k) this.items.pop();
  }
}

/**
 * One article's Related list, exactly, without reading the long posting lists of common tags:
 *
 * 1. Tags are taken rarest first. Posting lists of at most `scanLimit` articles are read in full: every
 *    article found there is a candidate and gets its exact score.
 * 2. Any other article shares only common tags. Each common tag's date-sorted posting list is walked
 *    outward from the article's own date (nearest first: the date is the tie-break), considering the
 *    articles whose rarest shared common tag it is. A walk stops as soon as nothing further along it can
 *    enter the list (the best it could still find scores below the current last place, or equal but
 *    further away), and is skipped when that holds from the start.
 */
function rankArticle(index: RelatedIndex, self: number, count: number, scanLimit: number): RelatedLink[] {
  const { articles, weight, df, tagNames } = index;
  const article = articles[self]!;
  const pinned = article.pinned.filter((slug, i, all) => slug !== article.slug && index.indexOf.has(slug) && all.indexOf(slug) === i);
  const pinnedSet = new Set(pinned.map((slug) => index.indexOf.get(slug)!));
  const tags = [...index.articleTags[self]!].sort((a, b) => weight[b]! - weight[a]! || compareText(tagNames[a]!, tagNames[b]!));
  const selfTime = index.time[self]!;
  const excluded = (other: number) => other === self || pinnedSet.has(other);
  const top = new TopK(Math.max(0, count - Math.min(count, pinned.length)));

  // Phase 1. Scores accumulate tag by tag in the canonical order, in buffers shared across articles and
  // cleared after each, so two articles sharing the same tags score bit-for-bit equal.
  const { marks: scanned, scores: partial } = index;
  const offered: number[] = [];
  // unread[i]: the most an article not yet seen could score once tags before i are read.
  const unread = new Float64Array(tags.length + 1);
  for (let i = tags.length - 1; i >= 0; i--) unread[i] = unread[i + 1]! + weight[tags[i]!]!;
  const wanted = top.capacity;
  const shared = (other: number) => tags.filter((t) => index.has(other, t)).map((t) => tagNames[t]!);
  const pinnedLinks = pinned
    .slice(0, count)
    .map((slug) => ({ slug, score: Infinity, sharedTags: shared(index.indexOf.get(slug)!), pinned: true }));
  // Pins can fill the whole list: then there is nothing to rank.
  if (wanted === 0) return pinnedLinks;
  let split = 0;
  for (; split < tags.length && df[tags[split]!]! <= scanLimit; split++) {
    if (wanted > 0 && offered.length >= wanted && kthLargest(offered, partial, wanted) > unread[split]! + EPSILON) break;
    const t = tags[split]!;
    for (const other of index.byDate[t]!) {
      if (excluded(other)) continue;
      if (!scanned[other]) {
        scanned[other] = 1;
        offered.push(other);
      }
      partial[other]! += weight[t]!;
    }
  }
  // Only candidates that could still reach the k-th best partial score need their exact score.
  const floor = wanted > 0 && offered.length >= wanted ? kthLargest(offered, partial, wanted) - unread[split]! - EPSILON : -Infinity;
  for (const other of offered) {
    if (partial[other]! < floor) continue;
    let score = partial[other]!;
    for (let j = split; j < tags.length; j++) if (index.has(other, tags[j]!)) score += weight[tags[j]!]!;
    top.offer(other, quantize(score), Math.abs(index.time[other]! - selfTime));
  }

  // Phase 2. Each remaining article is found once, in the walk of its rarest common tag; the walk of common
  // tag i can at best find an article sharing it and every common tag after it. Such an article has none of
  // the tags read in phase 1, so its score is the sum over the common tags it has.
  const common = tags.slice(split);
  const bits = common.map((t) => index.bitset(t));
  const hasCommon = (other: number, i: number) => (bits[i]![other >>> 5]! & (1 << (other & 31))) !== 0;
  for (let i = 0; i < common.length; i++) {
    const best = common.slice(i).reduce((sum, t) => sum + weight[t]!, 0);
    const cannotEnter = (distance: number) => {
      const last = top.worst;
      return top.full && (best < last!.score - EPSILON || (best <= last!.score && distance > last!.distance));
    };
    if (cannotEnter(-1)) continue;
    walk: for (const other of walkByDate(index, common[i]!, selfTime)) {
      const distance = Math.abs(index.time[other]! - selfTime);
      if (cannotEnter(distance)) break;
      if (excluded(other) || scanned[other]) continue;
      for (let j = 0; j < i; j++) if (hasCommon(other, j)) continue walk;
      let score = 0;
      for (let j = i; j < common.length; j++) if (hasCommon(other, j)) score += weight[common[j]!]!;
      top.offer(other, quantize(score), distance);
    }
  }

  for (const other of offered) {
    scanned[other] = 0;
    partial[other] = 0;
  }

  return [
    ...pinnedLinks,
    ...top.items.map(({ article: other, score }) => ({ slug: articles[other]!.slug, score, sharedTags: shared(other), pinned: false })),
  ];
}

/** The k-th largest score among the candidates (1 ≤ k ≤ candidates.length). */
function kthLargest(candidates: readonly number[], score: Float64Array, k: number): number {
  const top: number[] = [];
  for (const c of candidates) {
    const s = score[c]!;
    if (top.length < k || s > top[k - 1]!) {
      let i = Math.min(top.length, k - 1);
      top[i] = s;
      while (i > 0 && top[i - 1]! < s) {
        top[i] = top[i - 1]!;
        top[--i] = s;
      }
    }
  }
  return top[k - 1]!;
}

/** A tag's articles in order of distance from `time`, nearest first (either side). */
function* walkByDate(index: RelatedIndex, tag: number, time: number): Generator<number> {
  const list = index.byDate[tag]!;
  const times = index.byDateTime[tag]!;
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < time) lo = mid + 1;
    else hi = mid;
  }
  let left = lo - 1;
  let right = lo;
  while (left >= 0 || right < list.length) {
    const takeRight = left < 0 || (right < list.length && times[right]! - time <= time - times[left]!);
    yield takeRight ? list[right++]! : list[left--]!;
  }
}

/** Slugs per section, newest first (then slug), for "More in {section}". */
function newestFirstBySection(index: RelatedIndex): Map<string, string[]> {
  const order = index.articles.map((_, i) => i).sort((a, b) => index.time[b]! - index.time[a]! || a - b);
  const bySection = new Map<string, string[]>();
  for (const i of order) {
    const article = index.articles[i]!;
    const list = bySection.get(article.sectionSlug) ?? [];
    list.push(article.slug);
    bySection.set(article.sectionSlug, list);
  }
  return bySection;
}
