import { cmsProblems, type CmsSettings } from './cms/settings.ts';
import { serviceProblems, type OutsideService } from './outside-services.ts';
import type { ArticleType } from './article/schema.ts';
import { isValidTimeZone, patternProblems } from './dates.ts';
import { isSlugTooLong, toSlug } from './slug.ts';
import { RESERVED_SECTION_SLUGS } from './urls.ts';

/** The Markdown parsers a site may choose (src/lib/article/markdown-parser.ts). */
export const MARKDOWN_PARSERS = ['selective-gfm', 'remark-gfm'] as const;
export type MarkdownParser = (typeof MARKDOWN_PARSERS)[number];

/**
 * The shape of the one site configuration (`src/site.config.ts`).
 *
 * Kept apart from the values so that pure modules and tests can build a configuration of their own
 * (another time zone, another pattern) without touching the site's.
 */
export interface SiteConfig {
  /** The outlet's name: header, `<title>` suffix, default author. */
  publisher: string;
  /** Absolute URL the site is served from, used for canonical links (e.g. `https://news.example.org`). */
  siteUrl: string;
  /** Path the site lives under on that host: `/`, or `/news/` for a sub-path (GitHub Pages project sites). */
  basePath: string;
  /** BCP 47 language tag of the interface and the articles; sets `<html lang>` and `Intl` formatting. */
  locale: string;
  /** IANA time zone of the newsroom: date-times without an offset are read in it, and every time is shown in it. */
  timeZone: string;
  /**
   * How a publish time is written. Tokens: `yyyy`/`yy` year; `MMMM` month name, `MMM` its short form
   * (both from the locale), `Mmm` the AP stylebook's (`Sept.`, `March`), `MM`/`M` month number; `EEEE`/`EEE`
   * weekday; `dd`/`d` day; `HH`/`H` hour 0–23, `hh`/`h` hour 1–12 with `a` (the locale's am/pm) or `aaa`
   * (`a.m.`/`p.m.`); `mm` minute. Letters that are not tokens go in single quotes; other characters are
   * copied. `dd/MM/yyyy HH'h'mm` gives `25/10/2024 19h13`; `Mmm d, yyyy, h:mm aaa` gives `Oct. 25, 2024, 7:13 p.m.`.
   */
  dateTimePattern: string;
  /** How a date without a time is written (for articles whose `date` has no time of day). */
  datePattern: string;
  /** The outlet's line printed under every article body (and in the footer and About page). */
  disclaimer: string;
  /**
   * A different line under articles of some types, as outlets print one under opinion pieces only:
   * a type listed here gets its own line instead of `disclaimer`; `''` prints none for that type.
   */
  typeDisclaimers: Partial<Record<ArticleType, string>>;
  /**
   * The newsroom's sections, in the order they appear in navigation. An article's section (its `section:` or
   * its folder) must be one of them: a misspelt one is an error with a did-you-mean, not a new section.
   */
  sections: readonly string[];
  /**
   * Hosts whose `<iframe>` embeds articles may carry (`www.youtube-nocookie.com`): the only content loaded
   * from another host, so the list is the newsroom's decision. Frames are sandboxed, lazy and titled; an
   * iframe from any other host is removed with a warning naming the article. Empty: no embeds at all.
   */
  embedHosts: readonly string[];
  /** Services on other hosts (analytics, newsletter, comments) and the pages that use them (outside-services.ts); none by default. */
  services: readonly OutsideService[];
  /** How many links the Related list holds at most. */
  relatedCount: number;
  /** How many articles a section, tag, author or archive page lists before the next page. */
  pageSize: number;
  /** The front page: how many top stories under the lead, stories per section block, and in "Latest". */
  frontPage: {
    topStories: number;
    perSection: number;
    latest: number;
    /** How long a `featured: true` article leads the front page after its date, in hours; then it is listed by date. */
    featuredHours: number;
  };
  /**
   * Where readers report an error: an email address (`corrections@news.example.org`), or a page, as a path
   * on the site (`/corrections/`) or an address (`https://…`). Linked after the disclaimer under every
   * article, in the footer and on the About page.
   */
  corrections: string;
  /** A few sentences about the outlet, shown on the About page. */
  about: string;
  /** How many of the newest articles each feed (site, section, tag, JSON Feed) carries. */
  feedItems: number;
  /**
   * The largest article file read, in bytes: a larger one is an error naming it, not a build that runs out
   * of memory (a link to `/dev/zero`, a pasted export).
   */
  maxArticleBytes: number;
  /**
   * The longest one article may take to parse, in seconds: a file past it is stopped and is an error naming
   * it (some Markdown shapes take the parser minutes), in the build, `astro dev` and `npm run validate`.
   */
  maxParseSeconds: number;
  /**
   * What a build does with files that have errors: false stops it with the report (the default, so a local
   * build shows every problem); true leaves them out and publishes the rest, lists them in the report and
   * in `build-report.json`, and the deploy workflow marks its run failed so someone looks.
   */
  leaveOutRejected: boolean;
  /**
   * A story's old addresses (`formerUrls`, `formerSlugs`, Hugo's `aliases`, Jekyll's `redirect_from`) are
   * always listed in `_redirects`, which Netlify and Cloudflare Pages answer with a 301. True (the default)
   * also writes a small page at each old address for every other host (GitHub Pages, a bucket); on Netlify,
   * which serves a file before a redirect, false makes its redirects real 301s.
   */
  redirectPages: boolean;
  /** A published article's body has at least this many words: fewer is a stub (`TK`, a lone line), an error. */
  minBodyWords: number;
  /** Every published article must have a standfirst (`description`); without one it is an error. */
  requireStandfirst: boolean;
  /**
   * Which parser reads Markdown: `selective-gfm` (the default, faster, tested to give the same
   * trees) or `remark-gfm` itself, the reference, for a text the two should ever read differently.
   */
  markdownParser: MarkdownParser;
  /**
   * The editor for journalists at `/admin/` (Sveltia CMS: every save is a commit to the repository), and the
   * repository host it writes to; `false` (the default) builds no editor at all (docs/cms.md).
   */
  cms: CmsSettings | false;
}

/**
 * Checks the configuration once, before any article is read, so a typo in a time zone or a page size is
 * one clear message instead of a stack trace from deep inside a build. Returns every problem found.
 */
export function checkSiteConfig(site: SiteConfig): string[] {
  const problems: string[] = [];
  for (const field of ['dateTimePattern', 'datePattern'] as const)
    for (const problem of patternProblems(site[field])) problems.push(`${field}: "${site[field]}" ${problem}`);
  if (!isValidTimeZone(site.timeZone)) problems.push(`timeZone: "${site.timeZone}" is not an IANA time zone (e.g. Europe/Paris)`);
  try {
    Intl.getCanonicalLocales(site.locale);
  } catch {
    problems.push(`locale: "${site.locale}" is not a language tag (e.g. en-GB, fr-FR)`);
  }
  try {
    new URL(site.siteUrl);
  } catch {
    problems.push(`siteUrl: "${site.siteUrl}" is not an absolute URL (e.g. https://news.example.org)`);
  }
  const whole = (name: string, value: number, min: number) => {
    if (!Number.isInteger(value) || value < min) problems.push(`${name}: ${value} must be a whole number of at least ${min}`);
  };
  whole('relatedCount', site.relatedCount, 0);
  whole('pageSize', site.pageSize, 1);
  whole('feedItems', site.feedItems, 1);
  whole('maxArticleBytes', site.maxArticleBytes, 1024);
  whole('minBodyWords', site.minBodyWords, 0);
  if (!(site.maxParseSeconds > 0 && Number.isFinite(site.maxParseSeconds)))
    problems.push(`maxParseSeconds: ${site.maxParseSeconds} must be a number of seconds above 0 (MAX_PARSE_SECONDS, if set, overrides it)`);
  whole('frontPage.topStories', site.frontPage.topStories, 0);
  whole('frontPage.perSection', site.frontPage.perSection, 0);
  whole('frontPage.latest', site.frontPage.latest, 0);
  whole('frontPage.featuredHours', site.frontPage.featuredHours, 0);
  const ownHost = URL.canParse(site.siteUrl) ? new URL(site.siteUrl).hostname : undefined;
  for (const host of site.embedHosts) {
    if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(host))
      problems.push(`embedHosts: "${host}" is not a host name (write it without https:// or a path, e.g. www.youtube-nocookie.com)`);
    // Embeds run with scripts and their own origin (embeds.ts); framed from our own host, that origin is ours.
    else if (host === ownHost) problems.push(`embedHosts: "${host}" is the site's own host; a frame from it could run script as the site`);
  }
  problems.push(...sectionProblems(site.sections));
  problems.push(...serviceProblems(site.services, site.siteUrl));
  problems.push(...cmsProblems(site.cms));
  if (!MARKDOWN_PARSERS.includes(site.markdownParser))
    problems.push(`markdownParser: "${site.markdownParser}" must be one of ${MARKDOWN_PARSERS.join(', ')}`);
  if (!site.publisher.trim()) problems.push('publisher: must not be empty');
  if (!isContact(site.corrections))
    problems.push(
      `corrections: "${site.corrections}" is neither an email address nor a page (e.g. corrections@news.example.org, /corrections/ or https://…)`,
    );
  if (!/^\/(?:[^/?#]+\/)*$/.test(site.basePath)) problems.push(`basePath: "${site.basePath}" must start and end with / (e.g. / or /news/)`);
  return problems;
}

/** Every configured section must make its own URL, one the site's own pages do not use. */
function sectionProblems(sections: readonly string[]): string[] {
  if (sections.length === 0) return ["sections: list at least one section (e.g. ['World', 'Politics'])"];
  const problems: string[] = [];
  const bySlug = new Map<string, string>();
  for (const name of sections) {
    const slug = toSlug(name);
    if (!slug) problems.push(`sections: "${name}" has no letters or digits to make a URL from`);
    else if (isSlugTooLong(slug)) problems.push(`sections: "${name}" is too long to make a URL from (a few words at most)`);
    else if (RESERVED_SECTION_SLUGS.has(slug)) problems.push(`sections: "${name}" is a name the site uses for its own pages (/${slug}/)`);
    else if (bySlug.has(slug)) problems.push(`sections: "${bySlug.get(slug)}" and "${name}" would share one URL (/${slug}/): keep one`);
    else bySlug.set(slug, name);
  }
  return problems;
}

/**
 * A list setting from an environment variable holding JSON, for building another newsroom's folder: undefined
 * when unset, the list when each item passes `isItem`, else an error saying what to write.
 */
function listFromEnvironment<T>(
  name: string,
  value: string | undefined,
  isItem: (item: unknown) => boolean,
  example: string,
): T[] | undefined {
  if (value === undefined || value === '') return undefined;
  let list: unknown;
  try {
    list = JSON.parse(value);
  } catch {
    list = undefined;
  }
  if (!Array.isArray(list) || !list.every(isItem)) throw new Error(`${name} must be a JSON list of ${example}; it is ${value}`);
  return list as T[];
}

/** Sections from the SITE_SECTIONS environment variable (a JSON list of names). */
export function sectionsFromEnvironment(value: string | undefined): readonly string[] | undefined {
  return listFromEnvironment('SITE_SECTIONS', value, (name) => typeof name === 'string', 'section names, e.g. ["World","Sport"]');
}

/** Services from the SITE_SERVICES environment variable (a JSON list), for fixture sites and one-off builds. */
export function servicesFromEnvironment(value: string | undefined): readonly OutsideService[] | undefined {
  return listFromEnvironment(
    'SITE_SERVICES',
    value,
    (service) => typeof service === 'object' && service !== null,
    'services, e.g. [{"name":"Stats","pages":"all","script":"https://stats.example.org/s.js"}]',
  );
}

/** An email address, a site path (`/corrections/`) or an https address: what `corrections` may be. */
function isContact(contact: string): boolean {
  if (/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(contact)) return true;
  if (/^\/(?!\/)\S*$/.test(contact)) return true;
  return URL.canParse(contact) && new URL(contact).protocol === 'https:';
}
