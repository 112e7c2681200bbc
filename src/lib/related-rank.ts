// The Related ranking, one job: each article's list, scored from the posting lists of its tags and tag
// pairs (related-index.ts), ties broken by distance in time, then slug.
import { OVERFLOW, pairNumber, type PostingLists, type RelatedIndex } from './related-index.ts';

/**
 * Scores are ranked as integers, `Math.round(score * 1e9)` (`quantize(score)` times 1e9): sums of
 * logarithms that are equal on paper (ln(1+8/6) + ln(1+8/7) and ln(1+8/2) are both ln 5) can differ in
 * the last bit, and the date must then decide, not rounding noise.
 */
export function scoreKey(score: number): number {
  return Math.round(score * 1e9);
}

/**
 * The largest key of any sum of some of the weights whose sum (in the same order) is `total`. Rounding
 * can make a part's sum exceed the whole's by a few units in the last place (~1e-13 here); the margin of
 * 1e-11 in score covers that many times over and only ever makes a search look a little further.
 */
function boundKey(total: number): number {
  return Math.round(total * 1e9 + 0.01);
}

/** Articles with more tags than this are ranked by scoring every candidate (bit masks hold 30 tags). */
const MASK_TAGS = 30;
/** Up to this many tags, the score of every subset of an article's tags is tabulated per article. */
const TABLE_TAGS = 12;

/**
 * Ranks one article at a time, exactly, reusing its buffers: the best `capacity` other articles sharing at
 * least one tag, by score key descending, then distance in time, then slug.
 *
 * Candidates fall into classes by the tags they share with the article (its tags numbered 0, 1, …
 * heaviest first), each class read from one list, so that every candidate is met once:
 * - "shares tag i first" (no heavier one), for a tag on few articles: its list is read in full;
 * - "shares tag i and no other", for a common tag: every candidate scores the weight of i;
 * - "shares tags i < j first", for common tags: the list of the articles with both.
 * A class's candidates score at most its bound: the weights of i (or i and j) and of every lighter tag.
 * Classes are taken by descending bound, and the search stops at the first class whose bound is below the
 * last place (MaxScore-style early termination). Lists longer than `scanLimit` are walked outward from the
 * article's own date, nearest first, and left as soon as the best they could still give would lose to the
 * last place: a lower bound, or the same bound further away. Walks are what make ties cheap: every
 * candidate of a "tag i only" class has the same score, so its walk stops after the nearest few.
 */
export class RelatedRanker {
  /**
   * Ranked candidates, best first, `size` of them: article number, score key, distance in ms, and the
   * tags shared as a mask over the article's tags (bit i: its tag i), or -1 when it has over `MASK_TAGS`.
   */
  readonly article: Int32Array;
  readonly key: Float64Array;
  readonly distance: Float64Array;
  readonly shared: Int32Array;
  size = 0;
  private capacity = 0;
  private readonly index: RelatedIndex;
  private readonly scanLimit: number;
  private readonly width: number;
  private readonly packed: boolean;
  private readonly slugs: readonly string[];
  /** The article being ranked, and whether it has pins (never ranked): `excluded[pin]` is 1 meanwhile. */
  private self = -1;
  private hasPins = false;
  private readonly excluded: Uint8Array;
  /** `bit[t]` is `1 << i` for the article's tag number i, 0 for other tags. */
  private readonly bit: Int32Array;
  /** The weights of the article's tags, heaviest first, and (up to `TABLE_TAGS`) the sum of each subset. */
  private weights = new Float64Array(8);
  private subsetScore = new Float64Array(1 << 8);
  private tabulated = false;
  /** Per class: bound, and the mask test `(shared & low) === want` that says a candidate is in it. */
  private classBound = new Float64Array(64);
  private classLow = new Int32Array(64);
  private classWant = new Int32Array(64);
  private classList = new Int32Array(64);
  private classOrder = new Int32Array(64);
  /** For articles with more than `MASK_TAGS` tags: scores by article, and the articles scored. */
  private scores: Float64Array | undefined;
  private scored: Int32Array | undefined;

  constructor(index: RelatedIndex, maxCapacity: number) {
    this.index = index;
    this.scanLimit = index.scanLimit;
    this.width = index.width;
    this.packed = index.packed;
    this.slugs = index.slugs;
    this.article = new Int32Array(maxCapacity);
    this.key = new Float64Array(maxCapacity);
    this.distance = new Float64Array(maxCapacity);
    this.shared = new Int32Array(maxCapacity);
    this.excluded = new Uint8Array(index.n);
    // One more for the number of no tag, which pads posting records.
    this.bit = new Int32Array(index.tagNames.length + 1);
  }

  /** Fills `article`, `key` and `distance` with the best `capacity` candidates for `self`, pins excluded. */
  rank(self: number, pins: readonly number[], capacity: number): void {
    this.size = 0;
    this.capacity = capacity;
    if (capacity === 0) return;
    this.self = self;
    this.hasPins = pins.length > 0;
    for (const other of pins) this.excluded[other] = 1;
    const m = this.index.tagStart[self + 1]! - this.index.tagStart[self]!;
    if (m > MASK_TAGS) this.rankByScoringAll();
    else this.rankByClasses(m);
    for (const other of pins) this.excluded[other] = 0;
  }

  private rankByClasses(m: number): void {
    const { index, bit } = this;
    const first = index.tagStart[this.self]!;
    const at = index.time[this.self]!;
    if (m > this.weights.length) this.weights = new Float64Array(m);
    const { weights } = this;
    for (let i = 0; i < m; i++) {
      const tag = index.tags[first + i]!;
      bit[tag] = 1 << i;
      weights[i] = index.weight[tag]!;
    }
    this.tabulate(m);

    // The classes, with their bounds summed in the canonical order like the score of a candidate sharing
    // all those tags (a short list is one class; a long one, "i only" and one per j).
    const maxClasses = m + (m * (m - 1)) / 2;
    if (maxClasses > this.classBound.length) this.growClasses(maxClasses);
    const { classBound, classLow, classWant, classList, classOrder } = this;
    const start = index.byTagStart;
    let classes = 0;
    for (let i = 0; i < m; i++) {
      const tag = index.tags[first + i]!;
      if (start[tag + 1]! - start[tag]! <= this.scanLimit) {
        let best = 0;
        for (let k = i; k < m; k++) best += weights[k]!;
        classBound[classes] = boundKey(best);
        classLow[classes] = (2 << i) - 1;
        classWant[classes] = 1 << i;
        classList[classes++] = ~tag;
        continue;
      }
      classBound[classes] = scoreKey(weights[i]!);
      classLow[classes] = -1;
      classWant[classes] = 1 << i;
      classList[classes++] = ~tag;
      for (let j = i + 1; j < m; j++) {
        let best = weights[i]!;
        for (let k = j; k < m; k++) best += weights[k]!;
        classBound[classes] = boundKey(best);
        classLow[classes] = (2 << j) - 1;
        classWant[classes] = (1 << i) | (1 << j);
        // The pair list is looked up only if the class is searched.
        classList[classes++] = j;
      }
    }
    for (let k = 0; k < classes; k++) {
      let slot = k;
      while (slot > 0 && classBound[classOrder[slot - 1]!]! < classBound[k]!) {
        classOrder[slot] = classOrder[slot - 1]!;
        slot--;
      }
      classOrder[slot] = k;
    }

    for (let k = 0; k < classes; k++) {
      const cls = classOrder[k]!;
      const best = classBound[cls]!;
      if (this.size === this.capacity && best < this.key[this.capacity - 1]!) break;
      let lists: PostingLists;
      let from: number;
      let to: number;
      if (classList[cls]! < 0) {
        lists = index.byTag;
        from = index.byTagStart[~classList[cls]!]!;
        to = index.byTagStart[~classList[cls]! + 1]!;
      } else {
        const want = classWant[cls]!;
        const i = 31 - Math.clz32(want & -want);
        const paired = index.paired[this.self]! - first;
        const pair = index.pairStart[this.self]! + pairNumber(i - paired, classList[cls]! - paired);
        lists = index.byPair;
        from = index.pairRange[2 * pair]!;
        to = index.pairRange[2 * pair + 1]!;
      }
      // A list of one is the article alone.
      if (to - from > 1) this.search(lists, from, to, best, classLow[cls]!, classWant[cls]!, at);
    }

    for (let i = 0; i < m; i++) bit[index.tags[first + i]!] = 0;
  }

  /** Reads one list, in full if short, otherwise nearest first while something in it could still enter. */
  private search(lists: PostingLists, start: number, end: number, best: number, low: number, want: number, at: number): void {
    if (end - start <= this.scanLimit) {
      for (let p = start; p < end; p++) this.consider(lists, p, low, want, at);
      return;
    }
    // Articles are numbered in date order, and the article itself is in the list: start from it.
    const { records } = lists;
    const { width, self } = this;
    const { time } = this.index;
    let lo = start;
    let hi = end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (records[mid * width]! < self) lo = mid + 1;
      else hi = mid;
    }
    let left = lo - 1;
    let right = lo;
    const last = this.capacity - 1;
    const gap = (p: number) => Math.abs(time[records[p * width]!]! - at);
    while (left >= start || right < end) {
      const p = left < start || (right < end && gap(right) <= gap(left)) ? right++ : left--;
      if (this.size > last) {
        const lastKey = this.key[last]!;
        if (best < lastKey || (best === lastKey && gap(p) > this.distance[last]!)) return;
      }
      this.consider(lists, p, low, want, at);
    }
  }

  /** Offers posting `p` if its article is in the class being searched. */
  private consider(lists: PostingLists, p: number, low: number, want: number, at: number): void {
    const { records } = lists;
    const { bit, width } = this;
    const record = p * width;
    const other = records[record]!;
    if (other === this.self || (this.hasPins && this.excluded[other] === 1)) return;
    let shared = 0;
    if (records[record + 1] === OVERFLOW) {
      const { tagStart, tags } = this.index;
      for (let q = tagStart[other]!; q < tagStart[other + 1]!; q++) shared |= bit[tags[q]!]!;
    } else if (this.packed) {
      for (let q = record + 1; q < record + width; q++) shared |= bit[records[q]! & 0xffff]! | bit[records[q]! >>> 16]!;
    } else {
      for (let q = record + 1; q < record + width; q++) shared |= bit[records[q]!]!;
    }
    if ((shared & low) !== want) return;
    const key = scoreKey(this.score(shared));
    // Most candidates lose on score alone: their date is not even read.
    if (this.size === this.capacity && key < this.key[this.capacity - 1]!) return;
    this.offer(other, key, Math.abs(this.index.time[other]! - at), shared);
  }

  /** Sums for `tabulate`d subsets, otherwise adds the weights in the same (canonical) order. */
  private score(shared: number): number {
    if (this.tabulated) return this.subsetScore[shared]!;
    let score = 0;
    for (let rest = shared; rest !== 0; rest &= rest - 1) score += this.weights[31 - Math.clz32(rest & -rest)]!;
    return score;
  }

  /** Tabulates the score of every subset of the article's `m` tags, each summed heaviest first. */
  private tabulate(m: number): void {
    this.tabulated = m <= TABLE_TAGS;
    if (!this.tabulated) return;
    const size = 1 << m;
    if (size > this.subsetScore.length) this.subsetScore = new Float64Array(size);
    const { subsetScore, weights } = this;
    subsetScore[0] = 0;
    for (let mask = 1; mask < size; mask++) {
      const high = 31 - Math.clz32(mask);
      subsetScore[mask] = subsetScore[mask ^ (1 << high)]! + weights[high]!;
    }
  }

  private growClasses(size: number): void {
    this.classBound = new Float64Array(size);
    this.classLow = new Int32Array(size);
    this.classWant = new Int32Array(size);
    this.classList = new Int32Array(size);
    this.classOrder = new Int32Array(size);
  }

  /** The plain way, for an article with very many tags: score every article sharing one, then rank. */
  private rankByScoringAll(): void {
    const { index } = this;
    this.scores ??= new Float64Array(index.n);
    this.scored ??= new Int32Array(index.n);
    const { scores, scored } = this;
    let count = 0;
    for (let q = index.tagStart[this.self]!; q < index.tagStart[this.self + 1]!; q++) {
      const tag = index.tags[q]!;
      const w = index.weight[tag]!;
      for (let p = index.byTagStart[tag]!; p < index.byTagStart[tag + 1]!; p++) {
        const other = index.byTag.records[p * this.width]!;
        if (other === this.self || this.excluded[other] === 1) continue;
        if (scores[other] === 0) scored[count++] = other;
        scores[other]! += w;
      }
    }
    const at = index.time[this.self]!;
    for (let k = 0; k < count; k++) {
      const other = scored[k]!;
      this.offer(other, scoreKey(scores[other]!), Math.abs(index.time[other]! - at), -1);
      scores[other] = 0;
    }
  }

  private offer(other: number, key: number, distance: number, mask: number): void {
    const { article, key: keys, distance: distances, shared, capacity, slugs } = this;
    let i = this.size;
    if (i === capacity) {
      const last = i - 1;
      if (!(
        key > keys[last]! ||
        (key === keys[last]! && (distance < distances[last]! || (distance === distances[last]! && slugs[other]! < slugs[article[last]!]!)))
      ))
        return;
      i = last;
    } else {
      this.size++;
    }
    while (i > 0) {
      const above = i - 1;
      const k = keys[above]!;
      if (
        key < k ||
        (key === k && (distance > distances[above]! || (distance === distances[above]! && slugs[other]! > slugs[article[above]!]!)))
      )
        break;
      article[i] = article[above]!;
      keys[i] = k;
      distances[i] = distances[above]!;
      shared[i] = shared[above]!;
      i = above;
    }
    article[i] = other;
    keys[i] = key;
    distances[i] = distance;
    shared[i] = mask;
  }
}
