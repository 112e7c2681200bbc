import { compareText } from './problems.ts';
import { toSlug } from './slug.ts';

/** A tag as the site shows it: one per slug, whatever spellings the articles used. */
export interface Tag {
  slug: string;
  /** The most used spelling; on a tie, the first in code-point order, so builds agree. */
  name: string;
  /** How many of the given articles carry it. */
  count: number;
}

/** Every tag of the given articles, keyed by slug ("North Korea" and "north korea" are one tag). */
export function collectTags(tagLists: Iterable<readonly string[]>): Map<string, Tag> {
  const spellings = new Map<string, Map<string, number>>();
  for (const tags of tagLists) {
    for (const tag of tags) {
      const slug = toSlug(tag);
      const counts = spellings.get(slug) ?? new Map<string, number>();
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
      spellings.set(slug, counts);
    }
  }
  const tags = new Map<string, Tag>();
  for (const slug of [...spellings.keys()].sort(compareText)) {
    const counts = spellings.get(slug)!;
    const [name] = [...counts].sort(([a, x], [b, y]) => y - x || compareText(a, b))[0]!;
    tags.set(slug, { slug, name, count: [...counts.values()].reduce((a, b) => a + b, 0) });
  }
  return tags;
}
