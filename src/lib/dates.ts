/**
 * The newsroom clock: reading frontmatter dates and writing publish times, always in the site's time zone
 * and never in the build machine's. Pure: the zone and pattern are arguments.
 */

/** A moment read from frontmatter, with whether the writer gave a time of day (a bare date shows no time). */
export interface ArticleDate {
  /** The instant, as an ISO 8601 string in UTC (`2024-10-25T17:13:00.000Z`): serialisable and sortable. */
  iso: string;
  /** False when the frontmatter held a date only (`2024-10-25`). */
  hasTime: boolean;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads an ISO 8601 date or date-time. A date-time without an offset is a wall-clock time in `timeZone`.
 * Returns `undefined` for anything else, including impossible dates (`2024-02-30`) and the outlet's display
 * form (`25/10/2024 19h13`), so the caller can say what is expected.
 */
export function parseArticleDate(value: string, timeZone: string): ArticleDate | undefined {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, frac, offset] = match;
  const parts = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: h === undefined ? 0 : Number(h),
    minute: mi === undefined ? 0 : Number(mi),
    second: s === undefined ? 0 : Number(s),
    ms: frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0')),
  };
  const badOffset = offset !== undefined && offset !== 'Z' && (Math.abs(offsetMinutes(offset)) > 14 * 60 || Number(offset.slice(-2)) > 59);
  if (!isRealDate(parts.year, parts.month, parts.day) || parts.hour > 23 || parts.minute > 59 || parts.second > 59 || badOffset) {
    return undefined;
  }
  const wallClockAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, parts.ms);
  let instant: number;
  if (offset === 'Z') instant = wallClockAsUtc;
  else if (offset !== undefined) instant = wallClockAsUtc - offsetMinutes(offset) * 60_000;
  else instant = zonedWallClockToInstant(wallClockAsUtc, timeZone);
  return { iso: new Date(instant).toISOString(), hasTime: h !== undefined };
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function offsetMinutes(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** The zone's offset from UTC, in minutes, at a given instant (e.g. +120 for Paris in summer). */
function zoneOffsetAt(instant: number, timeZone: string): number {
  const p = numericParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * Converts a wall-clock time in `timeZone` to an instant, resolving clock changes like Temporal's
 * "compatible" option: a time that happens twice (autumn) is the first; a time that does not exist
 * (spring forward) moves forward by the gap, as clocks do.
 */
function zonedWallClockToInstant(wallClockAsUtc: number, timeZone: string): number {
  const HALF_DAY = 12 * 3_600_000;
  const before = wallClockAsUtc - zoneOffsetAt(wallClockAsUtc - HALF_DAY, timeZone) * 60_000;
  const after = wallClockAsUtc - zoneOffsetAt(wallClockAsUtc + HALF_DAY, timeZone) * 60_000;
  const shows = (instant: number) => instant + zoneOffsetAt(instant, timeZone) * 60_000 === wallClockAsUtc;
  const valid = [before, after].filter(shows);
  return valid.length > 0 ? Math.min(...valid) : before;
}

interface NumericParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const numericFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Parts already worked out, by zone and instant: `formatToParts` is slow (tens of microseconds) and a
 * build asks for the same article times over and over (each article's time is on its page, in lists,
 * feeds and other articles' Related). Emptied when large, so a long `astro dev` session stays small.
 */
const knownParts = new Map<string, NumericParts>();
const KNOWN_PARTS_LIMIT = 100_000;

function numericParts(instant: number, timeZone: string): NumericParts {
  const key = `${timeZone} ${instant}`;
  let parts = knownParts.get(key);
  if (!parts) {
    if (knownParts.size >= KNOWN_PARTS_LIMIT) knownParts.clear();
    knownParts.set(key, (parts = computeNumericParts(instant, timeZone)));
  }
  return parts;
}

function computeNumericParts(instant: number, timeZone: string): NumericParts {
  let formatter = numericFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    numericFormatters.set(timeZone, formatter);
  }
  const out: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return out as unknown as NumericParts;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * A date pattern's parts: text in single quotes (copied as written; `''` is a quote), the tokens below, and
 * any other character but a letter (copied). Longest tokens first, so `MMMM` is not read as `MM` twice.
 */
const PATTERN_PART = /'((?:[^']|'')*)'|yyyy|yy|MMMM|MMM|Mmm|MM|M|EEEE|EEE|dd|d|HH|H|hh|h|mm|aaa|a|[A-Za-z]/g;

/** The tokens a pattern may use, and what each writes (documented with `SiteConfig.dateTimePattern`). */
const TOKENS = new Set(['yyyy', 'yy', 'MMMM', 'MMM', 'Mmm', 'MM', 'M', 'EEEE', 'EEE', 'dd', 'd', 'HH', 'H', 'hh', 'h', 'mm', 'aaa', 'a']);

/** Month abbreviations of the Associated Press stylebook: five months are never shortened. */
const AP_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

/** What is wrong with a date pattern, in sentences; empty when nothing is. */
export function patternProblems(pattern: string): string[] {
  const problems: string[] = [];
  const parts = [...pattern.matchAll(PATTERN_PART)].filter((match) => match[1] === undefined).map((match) => match[0]);
  const unknown = [...new Set(parts.filter((part) => !TOKENS.has(part)))];
  if (unknown.length > 0)
    problems.push(`"${unknown.join('", "')}" is no date token: put words and letters in single quotes (HH'h'mm, 'at')`);
  if (parts.some((part) => part === 'HH' || part === 'H') && parts.some((part) => part === 'hh' || part === 'h'))
    problems.push("mixes a 24-hour HH with a 12-hour h: a letter h written as text goes in quotes (HH'h'mm)");
  return problems;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** One formatter per locale, zone and field: made once, reused for every article. */
function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(locale, { timeZone, ...options })));
  return made;
}

/**
 * Writes an instant with the site's pattern in the site's zone (see `SiteConfig.dateTimePattern`); month
 * and weekday names and the a.m./p.m. marker come from `Intl` in the site's locale.
 * `formatDate('2024-10-25T17:13:00Z', "dd/MM/yyyy HH'h'mm", 'Europe/Paris', 'fr-FR')` → `25/10/2024 19h13`.
 */
export function formatDate(iso: string, pattern: string, timeZone: string, locale: string): string {
  const instant = Date.parse(iso);
  const p = numericParts(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  const hour12 = p.hour % 12 || 12;
  const named = (options: Intl.DateTimeFormatOptions) => formatter(locale, timeZone, options).format(instant);
  return pattern.replace(PATTERN_PART, (part, quoted: string | undefined) => {
    if (quoted !== undefined) return quoted.replace(/''/g, "'");
    switch (part) {
      case 'yyyy':
        return String(p.year);
      case 'yy':
        return two(p.year % 100);
      case 'MMMM':
        return named({ month: 'long' });
      case 'MMM':
        return named({ month: 'short' });
      case 'Mmm':
        return AP_MONTHS[p.month - 1]!;
      case 'MM':
        return two(p.month);
      case 'M':
        return String(p.month);
      case 'EEEE':
        return named({ weekday: 'long' });
      case 'EEE':
        return named({ weekday: 'short' });
      case 'dd':
        return two(p.day);
      case 'd':
        return String(p.day);
      case 'HH':
        return two(p.hour);
      case 'H':
        return String(p.hour);
      case 'hh':
        return two(hour12);
      case 'h':
        return String(hour12);
      case 'mm':
        return two(p.minute);
      case 'aaa':
        return p.hour < 12 ? 'a.m.' : 'p.m.';
      case 'a':
        return (
          formatter(locale, timeZone, { hour: 'numeric', hour12: true })
            .formatToParts(instant)
            .find((x) => x.type === 'dayPeriod')?.value ?? (p.hour < 12 ? 'AM' : 'PM')
        );
      default:
        return part;
    }
  });
}

/** The instant as an ISO 8601 string with the zone's offset (`2024-10-25T19:13:00+02:00`), for `<time datetime>`. */
export function toZonedIso(iso: string, timeZone: string): string {
  const instant = Date.parse(iso);
  const p = numericParts(instant, timeZone);
  const offset = zoneOffsetAt(instant, timeZone);
  const two = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const sign = offset < 0 ? '-' : '+';
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}${sign}${two(Math.trunc(offset / 60))}:${two(offset % 60)}`;
}

/** What a `<time>` element needs: the machine-readable instant and the outlet's way of writing it. */
export interface DisplayTime {
  datetime: string;
  text: string;
}

type DisplaySettings = { dateTimePattern: string; datePattern: string; timeZone: string; locale: string };

/**
 * Times already written, by settings and date: a build shows each article's time on its page, in lists,
 * feeds and other articles' Related, many times over, and Intl's formatting is not free.
 */
const knownDisplayTimes = new WeakMap<DisplaySettings, Map<string, Readonly<DisplayTime>>>();

/** A frontmatter date as the site shows it: date and time, or the date alone when no time was given. */
export function displayTime(date: ArticleDate, site: DisplaySettings): Readonly<DisplayTime> {
  let known = knownDisplayTimes.get(site);
  if (!known) knownDisplayTimes.set(site, (known = new Map()));
  const key = `${date.iso} ${date.hasTime}`;
  let shown = known.get(key);
  if (!shown) {
    if (known.size >= KNOWN_PARTS_LIMIT) known.clear();
    shown = Object.freeze({
      datetime: toZonedIso(date.iso, site.timeZone),
      text: formatDate(date.iso, date.hasTime ? site.dateTimePattern : site.datePattern, site.timeZone, site.locale),
    });
    known.set(key, shown);
  }
  return shown;
}

/** A month of the archive as the locale names it (`October 2024`, `octobre 2024`). */
export function monthName(year: number, month: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 15));
}

/** The year and month (1–12) of an instant in the newsroom's zone: the archive files articles by them. */
export function zonedYearMonth(iso: string, timeZone: string): { year: number; month: number } {
  const { year, month } = numericParts(Date.parse(iso), timeZone);
  return { year, month };
}

/** When an article last changed for readers: the latest of its date, `updated` and corrections. */
export function lastModified(article: {
  date: ArticleDate;
  updated?: ArticleDate | undefined;
  corrections?: readonly { date: ArticleDate }[];
  /** A live story's updates: the latest is when it last changed. */
  liveUpdates?: readonly { iso: string }[];
}): ArticleDate {
  const updates = (article.liveUpdates ?? []).map((u) => ({ iso: u.iso, hasTime: true }));
  return [article.updated, ...(article.corrections ?? []).map((c) => c.date), ...updates].reduce<ArticleDate>(
    (latest, date) => (date && date.iso > latest.iso ? date : latest),
    article.date,
  );
}
