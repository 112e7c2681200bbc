import { editDistance, nearest } from './article/suggest.ts';
import { compareText, sortProblems, type Problem } from './problems.ts';
import { foldTag } from './slug.ts';

/**
 * Editorial checks: what an editor wants to hear about before publishing, beyond what the schema refuses.
 * Every finding is a warning (the article is still published), names the file and the field, and says
 * what to do. Pure: the articles come in, the problems go out, sorted. Drafts and scheduled articles are
 * part of the collection, because they will be published.
 */

/** What the checks read of an article; every field is one of `ParsedArticle`'s. */
export interface EditorialArticle {
  file: string;
  title: string;
  description?: string | undefined;
  /** Tags as written in the file. */
  tags: readonly string[];
}

/**
 * Longest headline without a warning, in user-perceived characters: the headline is the `headline` of the
 * page's NewsArticle data, which Google's guidelines long capped at 110 characters (the social card fits ~140).
 */
export const MAX_HEADLINE_LENGTH = 110;

/**
 * Longest standfirst without a warning: it is the meta description and the link preview text, which
 * search results and social networks cut at around 200 characters (the site cuts its own excerpts at 200).
 */
export const MAX_STANDFIRST_LENGTH = 200;

/** Every editorial warning for the collection, in report order. */
export function checkEditorial(articles: readonly EditorialArticle[]): Problem[] {
  return sortProblems([...checkTagSpellings(articles), ...checkLengths(articles)]);
}

/** One tag across the collection, under all its spellings. */
interface TagGroup {
  /** Articles using each spelling. */
  spellings: Map<string, number>;
  /** Articles using any spelling (an article with two spellings counts once). */
  articles: number;
  /** Index of the last article counted, so each article counts once without a set per group. */
  lastArticle: number;
  /** The spelling to use, and how many articles use it; set once every article is counted. */
  preferred?: { spelling: string; count: number };
}

/**
 * Tag spellings, in one pass over all tags (no comparison of articles in pairs):
 * - one tag written several ways across the collection: a warning on every file that uses a spelling other
 *   than the preferred one (the most used; on a tie, the first in code-unit order, as the site's tag pages do);
 * - a tag no other article uses, which is often a typo: a warning with the closest established tag, if any.
 *   Skipped for a collection of one article, where every tag is used once.
 */
function checkTagSpellings(articles: readonly EditorialArticle[]): Problem[] {
  const groups = new Map<string, TagGroup>();
  const groupOf = new Map<string, TagGroup>(); // by spelling, so each spelling is folded once
  articles.forEach((article, index) => {
    for (const spelling of new Set(article.tags)) {
      let group = groupOf.get(spelling);
      if (!group) {
        const key = foldTag(spelling);
        if (!key) continue; // nothing to compare (the parser refuses such tags anyway)
        group = groups.get(key);
        if (!group) groups.set(key, (group = { spellings: new Map(), articles: 0, lastArticle: -1 }));
        groupOf.set(spelling, group);
      }
      group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
      if (group.lastArticle !== index) {
        group.articles++;
        group.lastArticle = index;
      }
    }
  });
  for (const group of groups.values()) {
    for (const [spelling, count] of group.spellings) {
      const best = group.preferred;
      if (!best || count > best.count || (count === best.count && compareText(spelling, best.spelling) < 0))
        group.preferred = { spelling, count };
    }
  }

  // Suggestions point only at tags other articles share: two one-off typos should not suggest each other.
  const suggest = createTagSuggester(
    [...groups.values()]
      .filter((group) => group.articles > 1)
      .map((group) => group.preferred!.spelling)
      .sort(compareText),
  );

  const problems: Problem[] = [];
  for (const article of articles) {
    for (const spelling of new Set(article.tags)) {
      const group = groupOf.get(spelling);
      if (!group) continue;
      const best = group.preferred!;
      if (spelling !== best.spelling) {
        problems.push({
          severity: 'warning',
          file: article.file,
          field: 'tags',
          message: `"${spelling}" is also written "${best.spelling}" (${best.count} ${best.count === 1 ? 'article' : 'articles'})`,
          hint: `use one spelling: write "${best.spelling}"`,
          group: { label: 'tags written another way elsewhere', subject: `${spelling} → ${best.spelling}` },
        });
      }
      if (group.articles === 1 && articles.length > 1) {
        const guess = suggest(spelling);
        problems.push({
          severity: 'warning',
          file: article.file,
          field: 'tags',
          message: `"${spelling}" is used by no other article`,
          hint: guess ? `did you mean "${guess}"?` : 'check the spelling, or keep it if this is a new topic',
          group: { label: 'tags used by one article only (check their spelling, or keep them for new topics)', subject: spelling },
        });
      }
    }
  }
  return problems;
}

/**
 * "Did you mean" for one-off tags: `nearest()` (a case-only difference or at most two edits), without
 * comparing every one-off tag with every established one, which grows with the square of the tags (a
 * thousand of each is a million edit distances, seconds). Two strings at most two edits apart become equal
 * after deleting at most two characters from each (a substitution is a deletion on both sides), so an index
 * from each established tag's two-deletion variants to the tag finds every candidate within reach; `nearest()`
 * then picks among those, kept in the list's order, so the answer is the same as over the whole list.
 */
function createTagSuggester(established: readonly string[]): (tag: string) => string | undefined {
  let index: Map<string, number[]> | undefined; // built on the first one-off tag: most runs have few
  return (tag) => {
    if (!index) {
      index = new Map();
      for (const [i, candidate] of established.entries()) {
        for (const variant of deletionVariants(candidate.toLowerCase(), 2)) {
          const owners = index.get(variant);
          if (owners) owners.push(i);
          else index.set(variant, [i]);
        }
      }
    }
    const reachable = new Set<number>();
    for (const variant of deletionVariants(tag.toLowerCase(), 2)) for (const i of index.get(variant) ?? []) reachable.add(i);
    const candidates = [...reachable]
      .sort((a, b) => a - b)
      .map((i) => established[i]!)
      .filter((candidate) => sameFirstLetter(tag, candidate));
    const guess = nearest(tag, candidates);
    return guess !== undefined && fewEdits(tag, guess) ? guess : undefined;
  };
}

/*
 * Tags are short names, where two edits can make another real name ("NATO" and "NASA", "South Korea" and
 * "North Korea"): a suggestion keeps the first letter, which typos rarely touch, and allows one edit per
 * four letters.
 */
export function sameFirstLetter(tag: string, candidate: string): boolean {
  return tag.charAt(0).toLowerCase() === candidate.charAt(0).toLowerCase();
}

export function fewEdits(tag: string, guess: string): boolean {
  return editDistance(tag.toLowerCase(), guess.toLowerCase()) <= Math.max(1, Math.floor(tag.length / 4));
}

/** The word and every string made from it by deleting up to `depth` UTF-16 units (as `nearest()` counts edits). */
function deletionVariants(word: string, depth: number, variants = new Set<string>()): Set<string> {
  variants.add(word);
  if (depth === 0) return variants;
  for (let i = 0; i < word.length; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    // A variant seen before has the same length, so the same depth left: its own variants are already in.
    if (!variants.has(shorter)) deletionVariants(shorter, depth - 1, variants);
  }
  return variants;
}

// Grapheme clusters are defined by Unicode (UAX #29) the same way in every locale; the tag only picks one.
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Characters as a reader counts them: "é" written as e + accent, or a flag emoji, is one. */
export function visibleLength(text: string): number {
  // Printable characters below U+0300 (ASCII, Latin-1, Latin Extended), tabs and line feeds each stand
  // alone: no segmenter needed, which matters because ICU's is slow. CR LF is one.
  return NEEDS_SEGMENTER.test(text) ? [...graphemes.segment(text)].length : text.length;
}

const NEEDS_SEGMENTER = /[^\t\n -\u02ff]/;

/** The visible length of `text` when it is over `max`; most texts are decided without segmenting. */
function lengthOver(text: string, max: number): number | undefined {
  if (text.length <= max) return undefined; // UTF-16 units are never fewer than graphemes
  const length = visibleLength(text);
  return length > max ? length : undefined;
}

/** Headlines and standfirsts too long for the places that show them. */
function checkLengths(articles: readonly EditorialArticle[]): Problem[] {
  const problems: Problem[] = [];
  for (const article of articles) {
    const title = lengthOver(article.title, MAX_HEADLINE_LENGTH);
    if (title !== undefined) {
      problems.push({
        severity: 'warning',
        file: article.file,
        field: 'title',
        message: `is ${title} characters long; search engines expect a news headline of ${MAX_HEADLINE_LENGTH} at most`,
        hint: `shorten the headline to ${MAX_HEADLINE_LENGTH} characters or fewer`,
        group: { label: `headlines over ${MAX_HEADLINE_LENGTH} characters`, subject: article.file },
      });
    }
    const description = article.description === undefined ? undefined : lengthOver(article.description, MAX_STANDFIRST_LENGTH);
    if (description !== undefined) {
      problems.push({
        severity: 'warning',
        file: article.file,
        field: 'description',
        message: `is ${description} characters long; search results and link previews show about ${MAX_STANDFIRST_LENGTH} at most`,
        hint: `shorten the standfirst to ${MAX_STANDFIRST_LENGTH} characters or fewer`,
        group: { label: `standfirsts over ${MAX_STANDFIRST_LENGTH} characters`, subject: article.file },
      });
    }
  }
  return problems;
}
