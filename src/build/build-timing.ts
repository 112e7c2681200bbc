/** Prefix of the timing lines `npm run bench` reads from the build's output (scripts/bench-build-log.ts). */
export const TIMING_PREFIX = '[dateline-timing]';

/**
 * Starts timing a build phase Astro's own log does not time (content parsing, the newsroom, the search
 * index); the returned function prints `[dateline-timing] <phase> <ms> ms`. Only with `DATELINE_TIMINGS=1`,
 * which the benchmark sets, so normal builds print nothing more.
 */
export function startTimer(phase: string): () => void {
  if (process.env.DATELINE_TIMINGS !== '1') return () => undefined;
  const started = performance.now();
  return () => console.log(`${TIMING_PREFIX} ${phase} ${Math.round(performance.now() - started)} ms`);
}
