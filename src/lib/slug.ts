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

/** The slug an article gets from its file name: `Kim Jong-un's visit.md` → `kim-jong-uns-visit`. */
export function slugFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return toSlug(base.replace(/\.md$/i, ''));
}
