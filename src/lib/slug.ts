import { slug as githubSlug } from 'github-slugger';

/**
 * The one way Dateline turns a name into a URL segment, for article files, sections, tags and authors.
 * Case, accents and spacing do not matter: "North Korea", "north  korea" and "Nörth Korea" all give
 * `north-korea`. Letters of non-Latin scripts are kept (browsers show them readably); punctuation goes.
 * An empty result means the name has nothing to build a URL from (an emoji-only tag): callers report it.
 */
export function toSlug(name: string): string {
  const withoutAccents = name.normalize('NFKD').replace(/\p{M}+/gu, '');
  return githubSlug(withoutAccents).replace(/_/g, '-').replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
}

/** Latin letters that Unicode does not decompose into a base letter and an accent. */
const LATIN_EXTRAS: Record<string, string> = { æ: 'ae', ø: 'o', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * An article's URL slug: lower-case ASCII words joined by hyphens, so article URLs are the same in every
 * browser, log and spreadsheet. `Ærø Łódź` → `aero-lodz`; letters of other scripts are dropped, and an
 * empty result means the writer must give a `slug:`.
 */
export function toArticleSlug(name: string): string {
  const latin = name.toLowerCase().replace(/[æøœßłđðþı]/g, (c) => LATIN_EXTRAS[c]!);
  return toSlug(latin)
    .replace(/[^a-z0-9-]+/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * A Jekyll-style date at the start of a file name, `2024-10-25-`: not part of the slug. Only a plausible
 * calendar date counts (month 01–12, day 01–31), so `2024-hottest-year.md` keeps its whole name.
 */
export const FILE_NAME_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])-/;

/**
 * The slug an article gets from its path inside the content folder: the file name without `.md` and
 * without a leading `YYYY-MM-DD-` (`Kim Jong-un's visit.md` → `kim-jong-uns-visit`,
 * `2024-10-25-my-story.md` → `my-story`). An article in its own folder, `politics/my-story/index.md`
 * (pictures beside it), takes the folder's name. An `index.md` directly in a section folder
 * (`politics/index.md`) or at the top is an ordinary article named `index`: its folder names the section,
 * not the story.
 */
export function slugFromFileName(relPath: string): string {
  const parts = relPath.split(/[\\/]/).filter(Boolean);
  const fileName = parts.at(-1) ?? relPath;
  const name = /^index\.md$/i.test(fileName) && parts.length >= 3 ? parts.at(-2)! : fileName.replace(/\.md$/i, '');
  return toArticleSlug(name.replace(FILE_NAME_DATE, ''));
}
