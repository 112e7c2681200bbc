// Reads the phases of one build (`npm run build`: `astro build`, then the search index) from what it printed, for `npm run bench`: Astro's own timings
// (content sync, Vite bundling, page generation with a time per route, total) and the
// `[dateline-timing]` lines our code prints with DATELINE_TIMINGS=1 (src/build/build-timing.ts) for phases
// Astro does not time. Pure: text in, numbers out.
import { TIMING_PREFIX } from '../src/build/build-timing.ts';

/** Routes grouped by what they are, to see where rendering time goes. */
export type RouteKind = 'article' | 'list' | 'feed';

export interface BuildLog {
  /** `[types] Generated …`: Astro's content sync (our loader included) and type generation, ms. */
  sync?: number | undefined;
  /** Sum of Vite's `✓ built in …` lines, ms. */
  bundling: number;
  /** `generating static routes` … `✓ Completed in …`: every route's getStaticPaths and rendering, ms. */
  generate?: number | undefined;
  /** `N page(s) built in …`: Astro's total, from its start to the end of the build:done hooks, ms. */
  total?: number | undefined;
  /** Per kind of route: how many were written and the sum of their `(+…)` render times, ms. */
  routes: Record<RouteKind, { count: number; ms: number }>;
  /**
   * `[dateline-timing] <phase> <ms> ms` lines: content, bodies, newsroom, and search-index (inside Astro's
   * total, a bare `astro build`) or search-index-after-build (the step after it, `npm run build`).
   */
  timings: Record<string, number>;
  /** The loader's `N files: P parsed, U unchanged.` (a warm rebuild should parse only the edited file). */
  files?: { parsed: number; unchanged: number };
  /** `social cards: N (D drawn, …)`: cards published and drawn (the rest came from the card cache). */
  cards?: { published: number; drawn: number };
}

/** The phases the benchmark reports, in build order, ms; undefined when the log did not say. */
export interface Phases {
  /** Astro's content sync, including our loader's parsing. */
  contentSync: number | undefined;
  /** Our loader alone: reading, parsing and checking every changed article. */
  contentParsing: number | undefined;
  bundling: number;
  /** Reading the collection and each article's body key (src/data/newsroom.ts); bodies resolve as their pages render. */
  bodies: number | undefined;
  /** Related, sections, tags, authors, archive (src/lib/newsroom.ts), once per build. */
  newsroom: number | undefined;
  /** Page generation without the newsroom: rendering and writing every page and feed (cards are drawn meanwhile). */
  rendering: number | undefined;
  /** Waiting, after the pages, for the social cards not drawn yet, and publishing them all. */
  cards: number | undefined;
  searchIndex: number | undefined;
  /**
   * Wall time outside Astro's build timer and the search step after it: Node, Astro and config loading,
   * exit, npm.
   */
  startup: number | undefined;
  /** The rest of Astro's total: pruning what the previous build left (prune-output.ts), the sitemap and `_headers`. */
  other: number | undefined;
}

/** Astro's durations as `getTimeStat` writes them: `450ms`, `1.44s`, `2m 3s`. */
export function parseDuration(text: string): number | undefined {
  const match = /^(?:(\d+)m (\d+)s|([\d.]+)(ms|s))$/.exec(text.trim());
  if (!match) return undefined;
  if (match[1] !== undefined) return (Number(match[1]) * 60 + Number(match[2])) * 1000;
  return Number(match[3]) * (match[4] === 's' ? 1000 : 1);
}

/** Which kind of output a route path is; articles are `/{section}/{slug}/index.html`. */
export function routeKind(pathname: string): RouteKind {
  if (!pathname.endsWith('.html')) return 'feed';
  const parts = pathname.split('/').filter(Boolean);
  const listPrefixes = ['tags', 'authors', 'archive', 'sections'];
  return parts.length === 3 && !listPrefixes.includes(parts[0]!) ? 'article' : 'list';
}

// Colours are off in the benchmark's builds (NO_COLOR), but a stray escape must not hide a line.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
const TIMING = new RegExp(`${TIMING_PREFIX.replace(/[[\]]/g, '\\$&')} (\\S+) (\\d+) ms`);

export function parseBuildLog(output: string): BuildLog {
  const log: BuildLog = {
    bundling: 0,
    routes: { article: { count: 0, ms: 0 }, list: { count: 0, ms: 0 }, feed: { count: 0, ms: 0 } },
    timings: {},
  };
  let generating = false;
  for (const line of output.replace(ANSI, '').split('\n')) {
    const timing = TIMING.exec(line);
    if (timing) log.timings[timing[1]!] = (log.timings[timing[1]!] ?? 0) + Number(timing[2]);
    const route = /[├└]─ (\/\S*) \(\+([^)]+)\)/.exec(line);
    if (route) {
      const kind = log.routes[routeKind(route[1]!)];
      kind.count += 1;
      kind.ms += parseDuration(route[2]!) ?? 0;
      continue;
    }
    let match: RegExpExecArray | null;
    if ((match = /\[types\] Generated (.+)$/.exec(line))) log.sync = parseDuration(match[1]!);
    else if ((match = /\[vite\] ✓ built in (.+)$/.exec(line))) log.bundling += parseDuration(match[1]!) ?? 0;
    else if (line.includes('generating static routes')) generating = true;
    // The first bare `✓ Completed in` after the heading ends generation (Astro's own lines carry `[build]`).
    else if (generating && (match = /^(?:[\d:]+ )?✓ Completed in (.+)\.\s*$/.exec(line))) {
      log.generate = parseDuration(match[1]!);
      generating = false;
    } else if ((match = /\[build\] \d+ page\(s\) built in (.+)$/.exec(line))) log.total = parseDuration(match[1]!);
    else if ((match = /(\d+) files: (\d+) parsed, (\d+) unchanged/.exec(line)))
      log.files = { parsed: Number(match[2]), unchanged: Number(match[3]) };
    else if ((match = /social cards: (\d+) \((\d+) drawn/.exec(line))) log.cards = { published: Number(match[1]), drawn: Number(match[2]) };
  }
  return log;
}

/** The benchmark's phases from a parsed log and the wall time of the whole build process. */
export function buildPhases(log: BuildLog, wallMs: number): Phases {
  const { timings } = log;
  const rendering = log.generate === undefined ? undefined : log.generate - (timings.bodies ?? 0) - (timings.newsroom ?? 0);
  // The search index is inside Astro's total when the build made it, after it when a step of its own did.
  const afterBuild = timings['search-index-after-build'];
  const accounted = [log.sync, log.bundling, log.generate, timings.cards ?? 0, afterBuild === undefined ? timings['search-index'] : 0];
  const other =
    log.total === undefined || accounted.includes(undefined) ? undefined : log.total - accounted.reduce((sum: number, ms) => sum + ms!, 0);
  return {
    contentSync: log.sync,
    contentParsing: timings.content,
    bundling: log.bundling,
    bodies: timings.bodies,
    newsroom: timings.newsroom,
    rendering,
    cards: timings.cards,
    searchIndex: afterBuild ?? timings['search-index'],
    startup: log.total === undefined ? undefined : wallMs - log.total - (afterBuild ?? 0),
    other,
  };
}
