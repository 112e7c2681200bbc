/** One page of a paginated list. */
export interface Page<T> {
  /** 1-based. */
  number: number;
  total: number;
  items: T[];
  /** Site path of this page (without the base): the list's path for page 1, `…/page/N/` after. */
  path: string;
  prevPath?: string;
  nextPath?: string;
}

/**
 * Splits a list into pages of `size` for a list living at `basePath` (`/world/`): page 1 at the list's own
 * path, page N at `/world/page/N/`. An empty list still has one (empty) page, so its URL exists.
 */
export function paginate<T>(items: readonly T[], size: number, basePath: string): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a whole number above 0, got ${size}`);
  const total = Math.max(1, Math.ceil(items.length / size));
  const pathOf = (n: number) => (n === 1 ? basePath : `${basePath}page/${n}/`);
  return Array.from({ length: total }, (_, i) => {
    const number = i + 1;
    return {
      number,
      total,
      items: items.slice(i * size, (i + 1) * size),
      path: pathOf(number),
      ...(number > 1 && { prevPath: pathOf(number - 1) }),
      ...(number < total && { nextPath: pathOf(number + 1) }),
    };
  });
}
