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
 * Related lists for every article, computed once per build from an inverted index (tag → articles).
 *
 * Exact top-k without comparing every pair: an article's tags are visited rarest first, accumulating
 * scores for the articles in each tag's posting list. Once the k-th best score so far is strictly greater
 * than the most any unseen article could still reach (the sum of the weights not yet visited), no new
 * article can enter the list, so the remaining common tags (the long posting lists) are only checked
 * against the candidates already found. Ties: closer publication date, then slug.
 *
 * Input order does not matter: the result depends only on the articles' contents.
 */
export function computeRelated(articles: readonly RelatedCandidate[], count: number): Map<string, RelatedList> {
  const sorted = [...articles].sort((a, b) => compareText(a.slug, b.slug));
  const n = sorted.length;
  const indexOf = new Map(sorted.map((article, i) => [article.slug, i]));
  const time = Float64Array.from(sorted, (a) => Date.parse(a.date));

  // Tags are numbered so posting lists and per-article tag sets are plain integer arrays.
  const tagIds = new Map<string, number>();
  const tagNames: string[] = [];
  const articleTags: Int32Array[] = sorted.map((article) =>
    Int32Array.from(article.tagSlugs, (tag) => {
      let id = tagIds.get(tag);
      if (id === undefined) {
        id = tagNames.length;
        tagIds.set(tag, id);
        tagNames.push(tag);
      }
      return id;
    }),
  );
  const df = new Int32Array(tagNames.length);
  for (const tags of articleTags) for (const t of tags) df[t]!++;
  const postings: Int32Array[] = Array.from(df, (size) => new Int32Array(size));
  const fill = new Int32Array(tagNames.length);
  for (let i = 0; i < n; i++) for (const t of articleTags[i]!) postings[t]![fill[t]!++] = i;
  const weight = Float64Array.from(df, (d) => tagWeight(n, d));

  const bySection = newestFirstBySection(sorted, time);
  const score = new Float64Array(n);
  const seen = new Uint8Array(n);
  const result = new Map<string, RelatedList>();

  for (let self = 0; self < n; self++) {
    const article = sorted[self]!;
    const pinned = article.pinned.filter((slug, i, all) => slug !== article.slug && indexOf.has(slug) && all.indexOf(slug) === i);
    const pinnedSet = new Set(pinned.map((slug) => indexOf.get(slug)!));
    const wanted = count - Math.min(count, pinned.length);
    const tags = [...articleTags[self]!].sort((a, b) => weight[b]! - weight[a]! || compareText(tagNames[a]!, tagNames[b]!));

    const touched: number[] = [];
    let remaining = tags.reduce((sum, t) => sum + weight[t]!, 0);
    let scanning = true;
    for (const t of tags) {
      if (scanning && wanted > 0 && touched.length >= wanted && kthLargest(touched, score, wanted) > remaining) scanning = false;
      const w = weight[t]!;
      if (scanning) {
        for (const other of postings[t]!) {
          if (other === self || pinnedSet.has(other)) continue;
          if (!seen[other]) {
            seen[other] = 1;
            touched.push(other);
          }
          score[other]! += w;
        }
      } else {
        for (const other of touched) if (articleTags[other]!.includes(t)) score[other]! += w;
      }
      remaining -= w;
    }

    const selfTime = time[self]!;
    const ranked = touched
      .sort(
        (a, b) =>
          score[b]! - score[a]! ||
          Math.abs(time[a]! - selfTime) - Math.abs(time[b]! - selfTime) ||
          compareText(sorted[a]!.slug, sorted[b]!.slug),
      )
      .slice(0, wanted);
    const shared = (other: number) => tags.filter((t) => articleTags[other]!.includes(t)).map((t) => tagNames[t]!);
    const related: RelatedLink[] = [
      ...pinned.slice(0, count).map((slug) => ({ slug, score: Infinity, sharedTags: shared(indexOf.get(slug)!), pinned: true })),
      ...ranked.map((other) => ({ slug: sorted[other]!.slug, score: score[other]!, sharedTags: shared(other), pinned: false })),
    ];
    for (const other of touched) {
      score[other] = 0;
      seen[other] = 0;
    }

    const listed = new Set([article.slug, ...related.map((link) => link.slug)]);
    const moreInSection =
      related.length >= count
        ? []
        : (bySection.get(article.sectionSlug) ?? []).filter((slug) => !listed.has(slug)).slice(0, count - related.length);
    result.set(article.slug, { related, moreInSection });
  }
  return result;
}

/** The k-th largest score among the candidates (k ≥ 1, candidates.length ≥ k). */
function kthLargest(candidates: readonly number[], score: Float64Array, k: number): number {
  if (k === 1) {
    let best = -Infinity;
    for (const c of candidates) if (score[c]! > best) best = score[c]!;
    return best;
  }
  const top: number[] = [];
  for (const c of candidates) {
    const s = score[c]!;
    if (top.length < k) {
      top.push(s);
      top.sort((a, b) => b - a);
    } else if (s > top[k - 1]!) {
      top[k - 1] = s;
      top.sort((a, b) => b - a);
    }
  }
  return top[k - 1]!;
}

/** Slugs per section, newest first (then slug), for "More in {section}". */
function newestFirstBySection(sorted: readonly RelatedCandidate[], time: Float64Array): Map<string, string[]> {
  const order = sorted.map((_, i) => i).sort((a, b) => time[b]! - time[a]! || compareText(sorted[a]!.slug, sorted[b]!.slug));
  const bySection = new Map<string, string[]>();
  for (const i of order) {
    const article = sorted[i]!;
    const list = bySection.get(article.sectionSlug) ?? [];
    list.push(article.slug);
    bySection.set(article.sectionSlug, list);
  }
  return bySection;
}
