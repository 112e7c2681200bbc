// Summaries shared by the benchmarks (bench.ts, bench-related.ts): a few runs are reported as their
// median and range, never as a mean a single slow run can drag.

export interface Summary {
  median: number;
  min: number;
  max: number;
}

/** The middle value (the mean of the two middle ones for an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median, minimum and maximum of some runs' values. */
export function summarise(values: readonly number[]): Summary {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}
