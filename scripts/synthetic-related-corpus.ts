import type { RelatedCandidate } from '../src/lib/related.ts';

/** Deterministic pseudo-random numbers (fixed seed), so every run ranks the same corpus. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** n articles, 8 sections, 3–6 tags each from a pool of n/10 with Zipf-like popularity, dates over 3 years. */
export function syntheticCorpus(n: number): RelatedCandidate[] {
  const next = random(20241025);
  const pool = Math.max(10, Math.round(n / 10));
  // Zipf(s = 1) by inverse transform over the cumulative weights.
  const cumulative = new Float64Array(pool);
  let sum = 0;
  for (let i = 0; i < pool; i++) cumulative[i] = sum += 1 / (i + 1);
  const pickTag = () => {
    const x = next() * sum;
    let lo = 0;
    let hi = pool - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return `tag-${lo}`;
  };
  const start = Date.UTC(2022, 0, 1);
  return Array.from({ length: n }, (_, i) => {
    const tags = new Set<string>();
    const count = 3 + Math.floor(next() * 4);
    while (tags.size < count) tags.add(pickTag());
    return {
      slug: `article-${String(i).padStart(6, '0')}`,
      date: new Date(start + Math.floor(next() * 3 * 365 * 86_400_000)).toISOString(),
      sectionSlug: `section-${Math.floor(next() * 8)}`,
      tagSlugs: [...tags],
      pinned: [],
    };
  });
}
