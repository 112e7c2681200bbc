import { compareText, type Problem } from '../problems.ts';
import { spellingKey, toSlug } from '../slug.ts';
import { authorPath, sectionPath, tagPath } from '../urls.ts';

/** What the check reads of an article: its file and the names that get pages of their own. */
export interface NamedArticle {
  file: string;
  /** The section's name as the article gives it (written, or from its folder); absent: not checked. */
  section?: string | undefined;
  tags?: readonly string[] | undefined;
  authors?: readonly string[] | undefined;
}

/** The three kinds of name with a page of their own, each under its field and URL, with the fix for a clash. */
export const NAME_KINDS = {
  section: {
    noun: 'section',
    names: (a: NamedArticle): readonly string[] => (a.section === undefined ? [] : [a.section]),
    path: sectionPath,
    hint: 'punctuation and symbols are left out of URLs: if they are one section, write it one way (a folder name or section:); if not, rename one so its letters or digits differ',
  },
  tags: {
    noun: 'tag',
    names: (a: NamedArticle): readonly string[] => a.tags ?? [],
    path: tagPath,
    hint: 'punctuation and symbols are left out of URLs: if they are one subject, write the tag one way everywhere; if not, reword one so its letters or digits differ, e.g. "United States"',
  },
  authors: {
    noun: 'author',
    names: (a: NamedArticle): readonly string[] => a.authors ?? [],
    path: authorPath,
    hint: 'punctuation and symbols are left out of URLs: if they are one person, write the name one way everywhere; if not, add what tells them apart, e.g. a middle initial',
  },
} as const;

/**
 * Sections, tags and authors are merged by slug: "North Korea" and "north-korea" are one tag, one page,
 * shown in the most used spelling (tags.ts). That is right when names differ only in case, accents,
 * spacing or hyphens (`spellingKey`); names that differ otherwise but make the same slug ("C++" and "C#"
 * both make `/tags/c/`) would silently share a page. Each such clash is an error naming the spellings, the
 * files and the URL. It goes to the files of the less used spellings (the newcomer to an established name);
 * when the most used spellings tie, to every file. Drafts and scheduled articles count: they will be
 * published, and a clash found at publication time would stop an unattended build.
 */
export function checkNameCollisions(articles: readonly NamedArticle[]): Problem[] {
  const problems: Problem[] = [];
  // Each name is slugged and keyed once, however many articles use it (a big archive repeats its tags).
  const folded = new Map<string, { slug: string; key: string }>();
  const fold = (name: string) => {
    let found = folded.get(name);
    if (!found) folded.set(name, (found = { slug: toSlug(name), key: spellingKey(name) }));
    return found;
  };
  for (const [field, kind] of Object.entries(NAME_KINDS)) {
    // slug → spelling key → file → the name as that file writes it
    const bySlug = new Map<string, Map<string, Map<string, string>>>();
    for (const article of articles) {
      for (const name of new Set(kind.names(article).map((n) => n.trim()))) {
        const { slug, key } = fold(name);
        if (!slug) continue; // refused by the parser, with its own message
        const keys = bySlug.get(slug) ?? new Map<string, Map<string, string>>();
        bySlug.set(slug, keys);
        const byFile = keys.get(key) ?? new Map<string, string>();
        keys.set(key, byFile);
        byFile.set(article.file, name);
      }
    }
    for (const [slug, keys] of [...bySlug].sort(([a], [b]) => compareText(a, b))) {
      if (keys.size < 2) continue;
      // One entry per way of writing the name, shown in its most used spelling.
      const spellings = [...keys.values()].map((byFile) => ({ byFile, shown: mostUsed([...byFile.values()]) }));
      spellings.sort((a, b) => b.byFile.size - a.byFile.size || compareText(a.shown, b.shown));
      const tied = spellings[1]!.byFile.size === spellings[0]!.byFile.size;
      const offending = tied ? spellings : spellings.slice(1);
      for (const spelling of offending) {
        const others = spellings
          .filter((s) => s !== spelling)
          .map((s) => `"${s.shown}" (${describeFiles([...s.byFile.keys()])})`)
          .join(' and ');
        for (const [file, written] of [...spelling.byFile].sort(([a], [b]) => compareText(a, b))) {
          problems.push({
            severity: 'error',
            file,
            field,
            message: `"${written}" has the same URL, ${kind.path(slug)}, as ${others}`,
            hint: kind.hint,
          });
        }
      }
    }
  }
  return problems;
}

/** The most used of the spellings; on a tie, the first in code-unit order, so every run says the same. */
function mostUsed(spellings: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const s of spellings) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || compareText(a, b))[0]![0];
}

/** `content/a.md`, or `content/a.md and 3 other files`. */
function describeFiles(files: readonly string[]): string {
  const [first, ...rest] = [...files].sort(compareText);
  return rest.length === 0 ? first! : `${first!} and ${rest.length} other file${rest.length === 1 ? '' : 's'}`;
}
