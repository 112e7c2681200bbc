import type { Problem } from '../problems.ts';
import type { FieldContext } from './field-context.ts';
import type { LiveUpdate, MissedUpdate } from './live-updates.ts';
import type { Frontmatter } from './schema.ts';

/** An update as the site keeps it: its anchor, its time and its headline (its text is in the body). */
export interface StoredUpdate {
  id: string;
  iso: string;
  headline: string;
}

const HEADING_HELP =
  'start each update with a heading such as ## 2024-11-06 06:30 Polls close in Georgia (the site time zone, or add an offset: 06:30+01:00)';

/**
 * A live story's updates, checked: each at a real moment, none before the story's `date` and no two at the
 * same time (each has an anchor of its own); `coverageEnd` only on a live story, after its last update.
 */
export function checkLiveUpdates(
  context: FieldContext,
  updates: readonly LiveUpdate[],
  fm: Frontmatter | undefined,
  misses: readonly MissedUpdate[] = [],
): StoredUpdate[] {
  const { error, warn, lineOf } = context;
  // Its text would join the update above it, unsaid.
  for (const miss of misses)
    warn(`the heading "${miss.written}" starts with a date but is not an update, so its text is part of the update above it`, {
      ...(miss.line !== undefined && { line: miss.line }),
      hint: HEADING_HELP,
    });
  if (fm?.coverageEnd && fm.type !== 'live')
    warn('is ignored: only a live story (type: live) has coverage that ends', {
      line: lineOf('coverageEnd'),
      field: 'coverageEnd',
      hint: 'remove it, or set type: live',
    });
  const kept: StoredUpdate[] = [];
  // By the minute: the page shows an update's time to the minute, and its anchor is that minute.
  const seen = new Map<string, LiveUpdate>();
  for (const update of updates) {
    const at = { ...(update.line !== undefined && { line: update.line }) };
    if (update.iso === undefined) {
      error(`the update "${update.written}" is not at a real date and time`, { ...at, hint: HEADING_HELP });
      continue;
    }
    const minute = update.iso.slice(0, 16);
    const same = seen.get(minute);
    if (same) {
      error(`the update at ${update.written} has the same time as the update on line ${same.line ?? '?'}`, {
        ...at,
        hint: 'give each update its own minute, or merge the two (in the hour the clocks go back, write the offset: 02:30+01:00)',
      });
      continue;
    }
    seen.set(minute, update);
    if (fm && update.iso < fm.date.iso)
      error(`the update at ${update.written} is before the story's \`date\``, {
        ...at,
        hint: "check the update's date and time, or move `date` earlier",
      });
    else if (fm?.coverageEnd && update.iso > fm.coverageEnd.iso)
      warn(`the update at ${update.written} is after \`coverageEnd\``, {
        ...at,
        hint: 'move coverageEnd to the last update, or remove it while the story is live',
      });
    kept.push({ id: update.id, iso: update.iso, headline: update.headline });
  }
  return kept;
}

/**
 * How long a live story may go without an update before the build asks whether its coverage is over: a
 * story left without `coverageEnd` reads "Live now" on the front page for as long as the site is built.
 */
export const STALE_LIVE_HOURS = 48;

/** What the check reads of a published story. */
export interface LiveState {
  file: string;
  type?: string | undefined;
  coverageEnd?: string | undefined;
  date: { iso: string };
  /** Its newest update, if it has any. */
  latestUpdate?: Pick<StoredUpdate, 'iso' | 'headline'> | undefined;
}

/**
 * A warning for a live story whose newest update is after the build's time (a slip of the year would make it
 * the story's modified time for years), or that is still marked "Live now" though its newest update (or its
 * date, without one) is long past.
 */
export function liveCoverageWarning(article: LiveState, now: Date): Problem | undefined {
  if (article.type !== 'live') return undefined;
  if (article.latestUpdate && Date.parse(article.latestUpdate.iso) > now.getTime())
    return {
      severity: 'warning',
      file: article.file,
      message: `its latest update${article.latestUpdate.headline ? ` ("${article.latestUpdate.headline}")` : ''} is dated ${article.latestUpdate.iso}, after this build`,
      hint: "check the update's date and year; it is published now, with that time",
    };
  if (article.coverageEnd !== undefined) return undefined;
  const last = article.latestUpdate?.iso ?? article.date.iso;
  const hours = (now.getTime() - Date.parse(last)) / 3_600_000;
  if (hours < STALE_LIVE_HOURS) return undefined;
  const age = `${Math.floor(hours / 24)} days`;
  const latest = article.latestUpdate;
  const since = latest
    ? `its latest update${latest.headline ? ` ("${latest.headline}")` : ''} is ${age} old`
    : `it has had no update in the ${age} since its date`;
  return {
    severity: 'warning',
    file: article.file,
    field: 'coverageEnd',
    message: `the story is still marked "Live now", but ${since}`,
    hint: 'when the coverage is over, add coverageEnd with the time of the last update and the story reads "Coverage ended"; while it goes on, add an update',
  };
}
