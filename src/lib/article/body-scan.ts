import { countWords } from './word-count.ts';
import { decodeSource } from './decode.ts';
import { splitFrontmatter } from './frontmatter-split.ts';
import { isRemote } from './html-steps.ts';
import { classifyLink, localImagePath, storyAddress } from './local-references.ts';
import type { ArticleSource, BodyReader, ParseOptions, ParseResult } from './read-types.ts';
import { readArticle } from './read.ts';
import { mayHoldTemplateTags } from './template-tags.ts';
import type { BodyContext, BodyReferences } from './render.ts';

/**
 * The quick reading of an article that `npm run validate` uses: the frontmatter exactly as the build reads
 * it, and the references in a Markdown body (links to other articles, pictures beside it) found by scanning
 * the text instead of running the Markdown and HTML pipeline, most of the build's time per article
 * (docs/performance.md).
 *
 * Only plain Markdown is scanned. A body with raw HTML is read the build's way (`checkArticle` says so and
 * the caller renders it): HTML is where a scan and a browser-grade parser would disagree, and where hostile
 * input lives. So is a body nesting quotes or lists a hundred deep (`nestsDeeply`). `tests/unit/body-scan.test.ts`
 * checks that both readings report the same problems for every fixture and sample article.
 */

/** Blanks out a match, keeping its line breaks, so offsets and line numbers stay those of the file. */
const blank = (match: string) => match.replace(/[^\n]/g, ' ');

/**
 * A Markdown link destination as the Markdown parser stores it: characters outside URL syntax are
 * percent-encoded (`./my story.md` → `./my%20story.md`), existing escapes kept.
 */
function normaliseUri(url: string): string {
  return url.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9!#$&'()*+,\-./:;=?@_~%]/gu, (c) => encodeURIComponent(c));
}

const TEXT_LENGTH = 60;

/** A link's or image's text as a reader sees it: Markdown emphasis and tags removed, spaces collapsed, shortened. */
function readable(text: string): string {
  const plain = text
    .replace(/<[^>]*>/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > TEXT_LENGTH ? `${plain.slice(0, TEXT_LENGTH - 1)}…` : plain;
}

/** `<./a b.md>` → `./a b.md`; entity-decoded like the Markdown parser does. */
function destination(raw: string): string {
  const inner = raw.startsWith('<') && raw.endsWith('>') ? raw.slice(1, -1) : raw;
  return inner.replace(/\\([()<>])/g, '$1').replace(/&amp;/g, '&');
}

type Found = { kind: 'link' | 'image'; url: string; text: string; offset: number };

// A backtick fence's info string holds no backtick (` ``` ``` ` opens no block).
/**
 * Whether a body holds more backtick runs than the scan's code-span pattern handles in reasonable time: it
 * is quadratic in runs that never close (`` `a``a```a… ``), so such bodies go to the parser, which is not.
 */
function manyBacktickRuns(body: string): boolean {
  let runs = 0;
  for (let i = body.indexOf('`'); i !== -1; i = body.indexOf('`', i + 1)) {
    if (body[i - 1] !== '`' && ++runs > 1000) return true;
  }
  return false;
}

const FENCED_CODE = /^ {0,3}(`{3,}(?=[^`\n]*$)|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[`~]*[ \t]*$|(?![\s\S]))/gm;
const CODE_SPAN = /(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g;

/** Code (fenced blocks and spans) holds no links: blanked before scanning. */
function withoutCode(body: string): string {
  return body.replace(FENCED_CODE, blank).replace(CODE_SPAN, blank);
}

/**
 * Whether a body holds raw HTML outside code: a tag, a closing tag, a comment, a declaration or a processing
 * instruction. Autolinks (`<https://…>`, `<name@example.org>`) are not HTML.
 */
export function hasRawHtml(body: string): boolean {
  return /<(?:[A-Za-z][A-Za-z0-9-]*(?=[\s/>])|\/[A-Za-z]|!|\?)/.test(withoutCode(body));
}

/**
 * Whether a body nests quotes or lists a hundred levels deep or more (`>>>>…`, `- - - …`). The build's parser
 * runs out of stack on such a body some thousand levels down and reports it (read.ts); the quick reading
 * leaves these bodies to the full pipeline too, so both readings report the same, wherever that limit is.
 */
export function nestsDeeply(body: string): boolean {
  return /(?:(?:>|[-*+]|\d{1,9}[.)])[ \t]*){100}/.test(body);
}

/**
 * Whether a body holds Markdown the scan does not model and would read differently from the parser:
 * indented code (four spaces or a tab at the start of a line), and backslash escapes (a backslash before
 * ASCII punctuation: `\![x](a.jpg)` is text, `..\..\x.png` is `....\x.png`), code fenced inside a list
 * or a quote, which ends with its container, lines that start like a reference definition without being
 * one the scan reads (a title over several lines, text after the destination), and code spans over several
 * lines, which a heading or a fence in between would end, definitions inside quotes and lists, and character
 * references. Such bodies are read the build's way.
 */
export function beyondTheScan(body: string): boolean {
  return (
    /^(?: {4}|\t)/m.test(body) ||
    // A definition inside a quote or a list item, and character references (`&#46;`) the scan does not decode.
    /^[ \t]*(?:>|[-*+]|\d{1,9}[.)])[ \t>]*\[[^\]\n]+\]:/m.test(body) ||
    /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(body) ||
    /\\[!-/:-@[-`{-~]/.test(body) ||
    /^[ \t]*(?:>|[-*+]|\d{1,9}[.)])[ \t>]*(?:`{3}|~{3})/m.test(body) ||
    (body.match(DEFINITION_START)?.length ?? 0) !== (body.match(DEFINITION)?.length ?? 0) ||
    (body.replace(FENCED_CODE, blank).match(CODE_SPAN) ?? []).some((span) => span.includes('\n'))
  );
}

// A link destination: `<…>`, or text without spaces with balanced parentheses (one level).
const DEST = String.raw`(<[^>\n]*>|(?:[^\s()\\]|\\.|\([^\s()]*\))*)`;
const TITLE = String.raw`(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?`;
const LABEL = String.raw`((?:[^[\]\\]|\\.|\[(?:[^[\]\\]|\\.)*\])*)`;
const INLINE = new RegExp(String.raw`(!?)\[${LABEL}\]\(\s*${DEST}${TITLE}\s*\)`, 'g');
const REFERENCE = new RegExp(String.raw`(!?)\[${LABEL}\](?:\[((?:[^[\]\\]|\\.)*)\])?`, 'g');
// A reference definition on its own lines: a destination, perhaps a title, nothing else on the line.
const DEFINITION = /^ {0,3}\[((?:[^[\]\\]|\\.)+)\]:[ \t]*\n?[ \t]*(<[^>\n]*>|\S+)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$/gm;
/** Anything that starts like a definition: where the strict form finds fewer, the parser may differ from the scan. */
const DEFINITION_START = /^ {0,3}\[(?:[^[\]\\]|\\.)+\]:/gm;

const normaliseLabel = (label: string) => label.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Finds the references of a plain-Markdown body by scanning its text (inline and reference-style links and
 * images, outside code), then classifies them exactly as the pipeline's marking step does.
 */
export function scanBody(body: string, bodyLine: number, context: BodyContext): BodyReferences {
  const { relPath } = context;
  const text = withoutCode(body);
  const found: Found[] = [];
  // A label as written: the scanned text has its code blanked (offsets kept), the reader sees the code's text.
  const original = (start: number, label: string) => body.slice(start, start + label.length);

  const definitions = new Map<string, string>();
  for (const match of text.matchAll(DEFINITION)) {
    const label = normaliseLabel(match[1]!);
    if (!definitions.has(label)) definitions.set(label, destination(match[2]!));
  }
  const withoutDefinitions = text.replace(DEFINITION, blank);

  // Inline forms first; each is blanked so the reference pass does not see it again, except a link's text,
  // which may hold an image (`[![alt](a.jpg)](b.md)`): a second pass finds that.
  let afterInline = withoutDefinitions;
  for (let pass = 0; pass < 2; pass++) {
    afterInline = afterInline.replace(INLINE, (whole: string, bang: string, label: string, dest: string, offset: number) => {
      found.push({
        kind: bang ? 'image' : 'link',
        url: normaliseUri(destination(dest)),
        text: original(offset + bang.length + 1, label),
        offset,
      });
      return bang ? blank(whole) : ` ${label}${blank(whole.slice(label.length + 1))}`;
    });
  }
  for (const match of afterInline.matchAll(REFERENCE)) {
    const [, bang, label, ref] = match;
    const key = normaliseLabel(ref === undefined || ref === '' ? label! : ref);
    const url = definitions.get(key);
    if (url === undefined) continue;
    found.push({
      kind: bang ? 'image' : 'link',
      url: normaliseUri(url),
      text: original(match.index + bang!.length + 1, label!),
      offset: match.index,
    });
  }
  found.sort((a, b) => a.offset - b.offset);
  const lineStarts = [0];
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return bodyLine + low;
  };

  // Markdown images always have an alt attribute (empty at worst) and Markdown writes no iframes.
  const references: BodyReferences = {
    imagesWithoutAlt: 0,
    articleLinks: [],
    linksOutside: [],
    imageUses: [],
    bodyImages: [],
    removedEmbeds: [],
    // A body that may hold one is read the build's way (checkArticle).
    templateTags: [],
    siteLinks: [],
  };
  for (const item of found) {
    const written = { written: item.url, text: readable(item.text), line: lineOf(item.offset) };
    if (item.kind === 'link') {
      const link = classifyLink(relPath, item.url);
      if (link?.kind === 'outside') references.linksOutside.push(written);
      if (link === undefined && storyAddress(item.url) !== undefined) references.siteLinks.push(written);
      if (link?.kind === 'article') references.articleLinks.push({ ...written, target: link.target, fragment: link.fragment });
    } else if (!isRemote(item.url)) {
      const path = localImagePath(item.url);
      if (path === undefined) continue;
      references.imageUses.push({ ...written, path });
      if (!references.bodyImages.includes(path)) references.bodyImages.push(path);
    }
  }
  return references;
}

/**
 * The quick reading: the frontmatter block split off as remark does, the body scanned. `wordsAtLeast` is
 * what is known of its words without rendering: a lower bound (wellPastTheMinimum).
 */
const scanning = (wordsAtLeast: number): BodyReader<{ text: string; line: number }> => ({
  split(text) {
    const found = splitFrontmatter(text);
    return found && { frontmatter: found.frontmatter, body: { text: found.body, line: found.bodyLine } };
  },
  read: (body, context) => {
    // A live story's updates are found by rendering: its frontmatter got past `isLive` (quotes, an anchor).
    if (context.liveTimeZone !== undefined) throw NEEDS_RENDERING;
    return {
      ...scanBody(body.text, body.line, context),
      html: '',
      headings: [],
      excerpt: '',
      wordCount: wordsAtLeast,
      readingMinutes: 0,
      // A live article is never read this way (checkArticle): its updates are found by rendering.
      liveUpdates: [],
      liveMisses: [],
    };
  },
});

/** Thrown by the quick reading of a live story: `checkArticle` leaves it to the build's reading. */
const NEEDS_RENDERING = new Error('a live story is read by rendering');

/**
 * How many words a body is sure to show, when that is well past the minimum a published article needs;
 * undefined when the body comes anywhere near it (read it the build's way: only rendering counts words as
 * the page shows them, and a short body is quick to render). Counted as written, pictures and link addresses
 * left out, over the body's start only: enough words there is enough.
 */
function wellPastTheMinimum(body: string, minBodyWords: number): number | undefined {
  if (minBodyWords === 0) return 0;
  const needed = minBodyWords * 3 + 50;
  const start = body.slice(0, needed * 40);
  const written = start.replace(/!\[[^\]]*\]\([^)]*\)/g, ' ').replace(/\]\([^)]*\)/g, '] ');
  return countWords(written) >= needed ? minBodyWords : undefined;
}

/** Whether the frontmatter may make the article live (YAML or TOML): its updates are found by rendering (live-updates.ts). */
export function isLive(frontmatter: string): boolean {
  return /^\s*type\s*[:=]\s*["']?live\b/m.test(frontmatter);
}

/**
 * Checks one article file the quick way (`npm run validate`): the same problems as `parseArticle`, and the
 * same article but for what only rendering gives (its `html`, `excerpt` and `headings` are empty, its word
 * count a lower bound). Undefined when the body holds raw HTML or template tags, or nests deeply: read that file
 * with `parseArticle`.
 */
export function checkArticle(source: ArticleSource, options: ParseOptions): ParseResult | undefined {
  const decoded = decodeSource(source.bytes, source.file);
  if (!('problem' in decoded)) {
    const split = splitFrontmatter(decoded.text);
    if (
      split &&
      (isLive(split.frontmatter.value) ||
        manyBacktickRuns(split.body) ||
        hasRawHtml(split.body) ||
        nestsDeeply(split.body) ||
        mayHoldTemplateTags(split.body) ||
        beyondTheScan(split.body))
    )
      return undefined;
    const words = split ? wellPastTheMinimum(split.body, options.minBodyWords ?? 0) : 0;
    if (words === undefined) return undefined;
    try {
      return readArticle(source, options, scanning(words));
    } catch (error) {
      // withinDepth passes the reader's exceptions on with the file named, the original as the cause.
      if (error === NEEDS_RENDERING || (error as Error).cause === NEEDS_RENDERING) return undefined;
      throw error;
    }
  }
  return readArticle(source, options, scanning(0));
}
