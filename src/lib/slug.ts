import anyAscii from 'any-ascii';
import { slug as githubSlug } from 'github-slugger';

/**
 * Accents, in the sense that case-insensitive matching ignores them: the marks on Latin, Greek and Cyrillic
 * letters (é, ά, ё), which writers add or drop freely and capitals often go without. Marks in other scripts
 * are vowels and sounds that make a different word (Devanagari काम "work" / कम "less", Japanese プ / フ): they
 * are kept, so such names never share a URL. A mark on no letter at all (after a space) goes too.
 */
const ACCENTS = /(^|\P{L}|[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu;

/** A name with compatibility forms (ﬁ, ＡＢＣ, ½) unfolded and accents removed, other scripts recomposed. */
function fold(name: string): string {
  return name.normalize('NFKD').replace(ACCENTS, '$1').normalize('NFC');
}

/**
 * The one way Dateline turns a name into a URL segment, for article files, sections, tags and authors.
 * Case, accents and spacing do not matter: "North Korea", "north  korea" and "Nörth Korea" all give
 * `north-korea`. Letters of non-Latin scripts are kept (browsers show them readably); punctuation goes.
 * The result holds only letters, digits, marks and hyphens: never `/`, `\`, `.` or `%`, so no slug can
 * climb out of its folder (`../../etc` gives `etc`). An empty result means the name has nothing to build a
 * URL from (an emoji-only tag): callers report it.
 */
export function toSlug(name: string): string {
  return githubSlug(spellSymbols(fold(name)))
    .replace(/_/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The symbols that make a name, spelled out before punctuation is dropped, so a technology desk's "C++" and
 * "C#" get pages of their own: `+` after a letter, digit or `+` (`C++` → `c-plus-plus`, `Disney+`), `#` after
 * a letter (`C#`, `F#` → `f-sharp`; a hashtag's leading `#` is no sharp), `&` between two letters (`R&D` →
 * `r-and-d`, `AT&T`; "Arts & Culture" keeps `arts-culture`).
 */
function spellSymbols(name: string): string {
  return name
    .replace(/(?<=[\p{L}\p{N}+])\+/gu, ' plus ')
    .replace(/(?<=\p{L})#/gu, ' sharp ')
    .replace(/(?<=\p{L})&(?=\p{L})/gu, ' and ');
}

/**
 * What two names must share to be one name written two ways: everything but case, accents, spacing,
 * hyphens and underscores ("North Korea", "north-korea", "Nörth  Korea"). Names with the same slug but
 * different keys ("U.S." and "US" give `us`; "½" and "12") are different names that one URL cannot tell
 * apart: the checks across files report them (collection-checks.ts), and the writer picks the wording.
 */
export function spellingKey(name: string): string {
  return fold(name)
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC\u2032`\u00B4]/gu, "'") // typographic apostrophes (’ ʼ ′) are one apostrophe
    .replace(/[\s_\p{Pd}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The key under which two spellings of a tag are "the same tag written differently", for the editorial
 * warnings: the spelling key with every space, hyphen and punctuation mark dropped too. "North Korea",
 * "NorthKorea" and "Nörth-Korea" all fold to `northkorea`. Wider than the URL slug on purpose: "NorthKorea"
 * and "North Korea" get different pages, which is exactly what an editor should hear.
 */
export function foldTag(tag: string): string {
  return spellingKey(tag).replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
}

/**
 * The longest slug, in UTF-8 bytes. Every slug becomes a folder or file name in the built site
 * (`world/{slug}/`, `tags/{slug}/`, `cards/{slug}.png`), and file systems refuse names over 255 bytes,
 * which would fail the build at its very end; 200 leaves room for the `.png`, and is a URL no one types.
 */
export const MAX_SLUG_BYTES = 200;

/** Whether a slug is longer than a file name may be (see `MAX_SLUG_BYTES`); a letter may take up to 4 bytes. */
export function isSlugTooLong(slug: string): boolean {
  return new TextEncoder().encode(slug).length > MAX_SLUG_BYTES;
}

/** Latin letters that Unicode does not decompose into a base letter and an accent. */
const LATIN_EXTRAS: Record<string, string> = { æ: 'ae', ø: 'o', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** A letter, mark or digit of a script other than Latin (Cyrillic, Greek, Arabic, Han, Hangul, kana…). */
const OTHER_SCRIPT = /(?!\p{Script=Latin})[\p{L}\p{M}\p{N}]/gu;
/** Chinese characters (also Japanese kanji) are written without spaces: each is a word of its own in a slug. */
const HAN = /\p{Script=Han}/u;

/** Letters of other scripts in Latin letters (`Москва` → `Moskva`, `北京` → ` Bei  Jing `); symbols and emoji stay as they are. */
function transliterate(name: string): string {
  return name.normalize('NFC').replace(OTHER_SCRIPT, (c) => (HAN.test(c) ? ` ${anyAscii(c)} ` : anyAscii(c)));
}

/**
 * An article's URL slug: lower-case ASCII words joined by hyphens, so article URLs are the same in every
 * browser, log and spreadsheet. `Ærø Łódź` → `aero-lodz`; other scripts are transliterated by any-ascii
 * (`Выборы в Москве` → `vybory-v-moskve`, `北京` → `bei-jing`); an empty result (emoji only) means the writer
 * must give a `slug:`.
 */
export function toArticleSlug(name: string): string {
  const latin = transliterate(name)
    .toLowerCase()
    .replace(/[æøœßłđðþı]/g, (c) => LATIN_EXTRAS[c]!);
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
