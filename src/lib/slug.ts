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

/** The slug an article gets from its file name: `Kim Jong-un's visit.md` → `kim-jong-uns-visit`. */
export function slugFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return toArticleSlug(base.replace(/\.md$/i, ''));
}
