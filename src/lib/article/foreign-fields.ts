import type { Problem } from '../problems.ts';
import type { KnownField } from './schema.ts';
import { configuredSection } from './section.ts';

/**
 * Files written for other site generators (Hugo, Jekyll, Astro's blog starter, AstroPaper) and Markdown
 * exported from WordPress are accepted as
 * they are: their field names are mapped onto ours before validation, and one notice per file says what was
 * mapped, so a newsroom moving its archive sees exactly what the build understood.
 */

/** Another generator's field and the field of ours it means, with who writes it (for the notice and docs). */
const ALIASES: Readonly<Record<string, { to: KnownField; by: string }>> = {
  pubDate: { to: 'date', by: 'Astro blog starter' },
  pubDatetime: { to: 'date', by: 'AstroPaper' },
  publishDate: { to: 'date', by: 'Hugo' },
  updatedDate: { to: 'updated', by: 'Astro blog starter' },
  modDatetime: { to: 'updated', by: 'AstroPaper' },
  lastmod: { to: 'updated', by: 'Hugo' },
  last_modified_at: { to: 'updated', by: 'Jekyll' },
  expiryDate: { to: 'expires', by: 'Hugo' },
  summary: { to: 'description', by: 'Hugo' },
  excerpt: { to: 'description', by: 'Jekyll' },
  heroImage: { to: 'image', by: 'Astro blog starter' },
  ogImage: { to: 'image', by: 'AstroPaper' },
  coverImage: { to: 'image', by: 'WordPress exports (wordpress-export-to-markdown)' },
  featured_image: { to: 'image', by: 'Hugo themes, WordPress exports' },
  author: { to: 'authors', by: 'Jekyll, Hugo, AstroPaper' },
  category: { to: 'section', by: 'Jekyll' },
};

/** Other generators' settings that mean nothing for a Dateline page: dropped quietly, listed in the notice. */
const IGNORED = new Set([
  'layout',
  'weight',
  'toc',
  'showToc',
  'comments',
  'canonicalURL',
  'hideEditPost',
  'editPost',
  'timezone',
  'keywords',
  'series',
  'menu',
  'images',
]);

/**
 * Other generators' old addresses of a page, which become redirects to the story (`formerUrls`): Hugo's
 * `aliases` and `url`, Jekyll's `redirect_from` (jekyll-redirect-from) and `permalink`.
 */
const FORMER_ADDRESSES: Readonly<Record<string, string>> = {
  aliases: 'Hugo',
  url: 'Hugo',
  redirect_from: 'Jekyll',
  permalink: 'Jekyll',
};

/** Our fields holding a date, where other generators' date spellings are accepted too. */
const DATE_FIELDS = ['date', 'updated'] as const;

export interface MappedFrontmatter {
  /** The frontmatter under our field names; fields nobody knows are left for the unknown-field warning. */
  data: Record<string, unknown>;
  /** The line of each field, under our names too (`date` is on the line where `pubDate` was written). */
  keyLines: Map<string, number>;
  /** The writer's key behind each of our fields that was mapped (`date` → `pubDate`). */
  writtenAs: Map<KnownField, string>;
  /** The notice saying what was mapped, and warnings for values that could not be used. */
  problems: Problem[];
}

/** What a file's categories may become its section by: the configured sections, and the file's folder if any. */
export interface SectionsInReach {
  configured: readonly string[];
  folder: string | undefined;
}

/**
 * Maps another generator's fields onto ours. `fileName` is the file's name, for Jekyll's
 * `YYYY-MM-DD-slug.md` dates. Our own fields always win; an alias that would overwrite one is ignored
 * with a warning. Pure and total: every input gives a result.
 */
export function mapForeignFields(
  input: Readonly<Record<string, unknown>>,
  keyLines: ReadonlyMap<string, number>,
  fileName: string,
  file: string,
  sections: SectionsInReach = { configured: [], folder: undefined },
): MappedFrontmatter {
  const problems: Problem[] = [];
  const m: Mapping = {
    // A map while fields are renamed (keys come and go), a plain object again at the end.
    data: new Map<string, unknown>(Object.entries(input)),
    keyLines,
    lines: new Map(keyLines),
    writtenAs: new Map<KnownField, string>(),
    mapped: [],
    ignored: [],
    warn: (field, message, hint) => problems.push({ severity: 'warning', file, line: keyLines.get(field), field, message, hint }),
  };
  mapAliases(m);
  mapCategories(m, sections);
  mapPublished(m);
  mapFormerAddresses(m);
  for (const key of [...m.data.keys()]) {
    if (!IGNORED.has(key)) continue;
    m.data.delete(key);
    m.ignored.push(key);
  }
  mapDates(m, fileName);

  if (m.mapped.length > 0 || m.ignored.length > 0) {
    const parts = [
      ...(m.mapped.length > 0 ? [`read as Dateline fields: ${m.mapped.join(', ')}`] : []),
      ...(m.ignored.length > 0 ? [`ignored: ${m.ignored.join(', ')}`] : []),
    ];
    problems.push({
      severity: 'notice',
      file,
      message: `written for another site generator; ${parts.join('; ')}`,
      hint: 'rename the fields to keep this notice quiet',
    });
  }
  return { data: Object.fromEntries(m.data), keyLines: m.lines, writtenAs: m.writtenAs, problems };
}

/** One file's frontmatter while it is mapped: the fields so far, their lines, and what was mapped or ignored. */
interface Mapping {
  data: Map<string, unknown>;
  /** The lines of the fields as written. */
  keyLines: ReadonlyMap<string, number>;
  /** The lines of the fields as mapped (`date` on the line of `pubDate`). */
  lines: Map<string, number>;
  writtenAs: Map<KnownField, string>;
  mapped: string[];
  ignored: string[];
  warn(field: string, message: string, hint: string): void;
}

/** A field written under another generator's name becomes ours (`pubDate` → `date`), on the same line. */
function renameField(m: Mapping, from: string, to: KnownField, value: unknown): void {
  m.data.set(to, value);
  m.writtenAs.set(to, from);
  if (m.keyLines.has(from)) m.lines.set(to, m.keyLines.get(from)!);
}

/** Other generators' names for our fields; ours always win. */
function mapAliases(m: Mapping): void {
  for (const [from, { to }] of Object.entries(ALIASES)) {
    if (!m.data.has(from)) continue;
    const value = m.data.get(from);
    m.data.delete(from);
    if (value === null || value === undefined || value === '') {
      m.ignored.push(`${from} (empty)`);
    } else if (to === 'image' && !isFileBesideArticle(value)) {
      // Blog starters point at public/ or at another site; neither is published with a Dateline article.
      m.warn(
        from,
        `"${String(value)}" is not a file next to the article, so the article is published without this picture`,
        'copy the picture beside the Markdown file, then write image: ./photo.jpg and imageAlt: "what it shows"',
      );
    } else if (m.data.get(to) !== undefined) {
      m.warn(from, `is ignored because \`${to}\` is also set`, `remove one of \`${from}\` and \`${to}\``);
    } else {
      renameField(m, from, to, value);
      m.mapped.push(`${from} → ${to}`);
    }
  }
}

/**
 * Jekyll and Hugo file stories under categories: one becomes the section (unless one is set), the others
 * become tags, so nothing the writer filed is lost. A configured section among them is the one; with none, a
 * section folder names the section, else the first category does (and is reported if unknown).
 */
function mapCategories(m: Mapping, sections: SectionsInReach): void {
  if (!m.data.has('categories')) return;
  const categories = listOfNames(m.data.get('categories'));
  m.data.delete('categories');
  const section =
    m.data.get('section') !== undefined || categories.length === 0
      ? undefined
      : (categories.find((name) => configuredSection(name, sections.configured)) ??
        (sections.folder !== undefined ? undefined : categories[0]));
  const asSection = section !== undefined;
  const toTags = categories.filter((name) => name !== section);
  if (asSection) renameField(m, 'categories', 'section', section);
  const tags = m.data.get('tags') ?? [];
  if (toTags.length > 0 && Array.isArray(tags)) m.data.set('tags', [...(tags as unknown[]), ...toTags]);
  if (categories.length === 0) m.ignored.push('categories (empty)');
  else m.mapped.push(asSection ? `categories → section${toTags.length > 0 ? ' and tags' : ''}` : 'categories → tags');
}

/**
 * Other generators' old addresses join `formerUrls`, after any written there. A Jekyll permalink with
 * placeholders (`/:categories/:title/`) is a pattern, not an address: it is left out, with a warning.
 */
function mapFormerAddresses(m: Mapping): void {
  const own = m.data.get('formerUrls');
  const collected: unknown[] = Array.isArray(own) ? [...(own as unknown[])] : [];
  const from: string[] = [];
  for (const field of Object.keys(FORMER_ADDRESSES)) {
    if (!m.data.has(field)) continue;
    const value = m.data.get(field);
    m.data.delete(field);
    const values = (Array.isArray(value) ? value : [value]).filter((v) => v !== null && v !== undefined && v !== '');
    const patterns = values.filter((v) => typeof v === 'string' && /(^|\/):[a-z_]+/.test(v));
    if (patterns.length > 0)
      m.warn(
        field,
        `"${String(patterns[0])}" is a pattern, not an address, so no redirect is made from it`,
        'list the old addresses in formerUrls',
      );
    const addresses = values.filter((v) => !patterns.includes(v));
    if (addresses.length === 0) continue;
    collected.push(...addresses);
    from.push(field);
    if (!m.lines.has('formerUrls') && m.keyLines.has(field)) m.lines.set('formerUrls', m.keyLines.get(field)!);
  }
  if (from.length === 0 || (own !== undefined && !Array.isArray(own))) return;
  m.data.set('formerUrls', collected);
  if (!m.writtenAs.has('formerUrls')) m.writtenAs.set('formerUrls', from[0]!);
  m.mapped.push(`${from.join(', ')} → formerUrls`);
}

/** Jekyll's `published: false` is our draft. */
function mapPublished(m: Mapping): void {
  const published = m.data.get('published');
  if (typeof published !== 'boolean') return;
  m.data.delete('published');
  if (m.data.get('draft') === undefined) {
    renameField(m, 'published', 'draft', !published);
    m.mapped.push(`published: ${published} → draft: ${!published}`);
  } else if (m.data.get('draft') === published) {
    m.warn('published', 'contradicts `draft`; `draft` is used', 'remove `published`');
  }
}

/** Dates in other generators' spellings become ISO 8601; Jekyll's date may be only in the file name. */
function mapDates(m: Mapping, fileName: string): void {
  for (const field of DATE_FIELDS) {
    const value = m.data.get(field);
    if (typeof value !== 'string') continue;
    const iso = otherDateSpelling(value);
    if (iso === undefined) continue;
    m.data.set(field, iso);
    m.mapped.push(`${m.writtenAs.get(field) ?? field} "${value}" → ${iso}`);
  }
  // Jekyll puts the date in the file name (`2024-10-25-budget-vote.md`) and may leave it out of the file.
  const named = /^(\d{4}-\d{2}-\d{2})-/.exec(fileName);
  if (m.data.get('date') === undefined && named) {
    m.data.set('date', named[1]);
    m.mapped.push(`file name → date ${named[1]}`);
  }
}

/** A relative path such as `./photo.jpg` or `../assets/photo.jpg`: not a URL, not a site-root path. */
function isFileBesideArticle(value: unknown): boolean {
  return typeof value === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.startsWith('/') && !value.startsWith('\\');
}

/** Categories as Jekyll writes them: a list, or one string of space-separated names. */
function listOfNames(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  return [];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Date spellings other generators accept and our ISO 8601 reader does not: Jekyll's
 * `2024-10-25 19:13:00 +0200` (a space before the offset) and the Astro blog starter's `Jul 08 2022` or
 * `July 8, 2022`. Returns the ISO 8601 form, or `undefined` when the value is not one of them (ISO dates
 * and real mistakes are left to the schema, which explains what to write).
 */
export function otherDateSpelling(value: string): string | undefined {
  const trimmed = value.trim();
  const jekyll = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)\s+(Z|[+-]\d{2}:?\d{2})$/.exec(trimmed);
  if (jekyll) return `${jekyll[1]}T${jekyll[2]}${jekyll[3]}`;
  const named = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(trimmed);
  if (!named) return undefined;
  const month = MONTHS.indexOf(named[1]!.slice(0, 3).toLowerCase());
  if (month === -1 || !isMonthName(named[1]!, month)) return undefined;
  return `${named[3]}-${String(month + 1).padStart(2, '0')}-${named[2]!.padStart(2, '0')}`;
}

/** `Jul`, `July`, `Sept` are month names; `Julius` is not. */
function isMonthName(word: string, month: number): boolean {
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  const lower = word.toLowerCase();
  return full[month]!.startsWith(lower) || (month === 8 && lower === 'sept');
}
