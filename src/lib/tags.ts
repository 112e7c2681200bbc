import { compareText } from './problems.ts';
import { toSlug } from './slug.ts';

/**
 * A name as the site shows it (a tag, an author): one per slug, whatever spellings the articles used.
 */
export interface Named {
  slug: string;
  /** The most used spelling; on a tie, the first in code-point order, so builds agree. */
  name: string;
  /** How many of the given articles carry it. */
  count: number;
}

export type Tag = Named;
export type Author = Named;

/**
 * Every name of the given articles' lists, keyed by slug ("North Korea" and "north korea" are one tag),
 * in slug order. Names that make no slug are left out (the parser has already refused them for tags).
 */
export function collectNamed(lists: Iterable<readonly string[]>): Map<string, Named> {
  const spellings = new Map<string, Map<string, number>>();
  for (const list of lists) {
    for (const name of list) {
      const slug = toSlug(name);
      if (!slug) continue;
      const counts = spellings.get(slug) ?? new Map<string, number>();
      counts.set(name, (counts.get(name) ?? 0) + 1);
      spellings.set(slug, counts);
    }
  }
  const named = new Map<string, Named>();
  for (const slug of [...spellings.keys()].sort(compareText)) {
    const counts = spellings.get(slug)!;
    const [name] = [...counts].sort(([a, x], [b, y]) => y - x || compareText(a, b))[0]!;
    named.set(slug, { slug, name, count: [...counts.values()].reduce((a, b) => a + b, 0) });
  }
  return named;
}
