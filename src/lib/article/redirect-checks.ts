import { compareText, type Problem } from '../problems.ts';
import { toSlug } from '../slug.ts';
import { articlePath, RESERVED_SECTION_SLUGS, SITE_FILES } from '../urls.ts';
import type { FormerUrl } from './former-urls.ts';

/** What the redirect checks need of an article. */
export interface RedirectingArticle {
  slug: string;
  file: string;
  /** The section as written; its slug is the first segment of the article's address. */
  section?: string;
  formerUrls?: readonly FormerUrl[];
  /** A file with errors of its own: a clash with it alone is its consequence, and goes when it is left out. */
  failed?: boolean;
}

const HINT = 'remove it: a former address cannot be a page the site publishes';

/**
 * Addresses compared as file systems may: accents composed one way or another, and letters of either case
 * (macOS and Windows keep `World/` and `world/` in one folder, so one page would overwrite the other).
 */
const sameName = (path: string) => path.normalize('NFC').toLowerCase();

/**
 * A former address must be free: not another article's page, not a section's pages, not the site's own
 * pages and files, and not claimed by two stories. Each clash is an error of the file that claims it.
 */
export function checkRedirects(articles: readonly RedirectingArticle[]): Problem[] {
  const problems: Problem[] = [];
  const pages = new Map<string, string>();
  const sections = new Set<string>();
  for (const article of articles) {
    if (article.section === undefined) continue;
    const sectionSlug = toSlug(article.section);
    sections.add(sectionSlug);
    pages.set(sameName(articlePath(sectionSlug, article.slug)), article.file);
  }
  const claims = new Map<string, string[]>();
  const failed = new Set(articles.filter((a) => a.failed).map((a) => a.file));
  // When every other file is one with errors of its own, leaving those out (astro dev) frees the address.
  const consequence = (others: readonly string[]) =>
    others.length > 0 && others.every((file) => failed.has(file)) ? { becauseOf: others[0]! } : {};
  // An old address written as a file (`/2019/story.html`) cannot also be a folder of another one.
  const files = new Map<string, string>();
  for (const article of articles)
    for (const { path } of article.formerUrls ?? []) if (!path.endsWith('/')) files.set(sameName(path), article.file);
  for (const article of articles) {
    for (const { path, line } of article.formerUrls ?? []) {
      const name = sameName(path);
      claims.set(name, [...(claims.get(name) ?? []), article.file]);
      const at = { severity: 'error' as const, file: article.file, line, field: 'formerUrls' };
      const taken = takenBy(name, pages, sections);
      const inside = fileAbove(name, files);
      if (taken) problems.push({ ...at, message: `"${path}" ${taken}`, hint: HINT });
      else if (inside)
        problems.push({
          ...at,
          message: `"${path}" is inside "${inside[0]}", a former address of ${inside[1]} written as a file`,
          hint: 'an address cannot be a file and a folder at once: remove one of them',
          ...consequence([inside[1]]),
        });
    }
  }
  for (const article of articles) {
    for (const { path, line } of article.formerUrls ?? []) {
      const others = [...new Set(claims.get(sameName(path))!.filter((file) => file !== article.file))].sort(compareText);
      if (others.length === 0) continue;
      problems.push({
        severity: 'error',
        file: article.file,
        line,
        field: 'formerUrls',
        message: `"${path}" is also a former address of ${others.join(', ')}`,
        hint: 'an old address can lead to one story only: keep it in the file of the story it was',
        ...consequence(others),
      });
    }
  }
  return problems;
}

/** The old address written as a file that `path` lies under (`/a.html` for `/a.html/b/`): looked up per ancestor, not per address. */
function fileAbove(path: string, files: ReadonlyMap<string, string>): [string, string] | undefined {
  for (let end = path.indexOf('/', 1); end !== -1; end = path.indexOf('/', end + 1)) {
    const owner = files.get(path.slice(0, end));
    if (owner !== undefined) return [path.slice(0, end), owner];
  }
  return undefined;
}

/** Why a path is not free, or undefined when it is. */
function takenBy(path: string, pages: ReadonlyMap<string, string>, sections: ReadonlySet<string>): string | undefined {
  const page = pages.get(path);
  if (page !== undefined) return `is the address of ${page}`;
  const [first = '', second] = path.split('/').slice(1);
  if (RESERVED_SECTION_SLUGS.has(first)) return `is under /${first}/, where the site keeps its own pages`;
  if (SITE_FILES.has(first) || /^sitemap[\w-]*\.xml$/.test(first))
    return second === undefined ? `is one of the site's own files` : `is under /${first}, one of the site's own files`;
  if (sections.has(first) && (second === '' || second === 'page' || second === 'rss.xml'))
    return `is one of the pages of the section /${first}/`;
  return undefined;
}
