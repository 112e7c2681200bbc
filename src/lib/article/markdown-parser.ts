import type { Nodes, Root } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { combineExtensions } from 'micromark-util-combine-extensions';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { MarkdownParser } from '../site-config.ts';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/**
 * Markdown (CommonMark + GFM + a YAML or TOML frontmatter block) into a syntax tree: the same tree
 * remark-parse with remark-gfm gives, faster (docs/performance.md).
 *
 * micromark tries every syntax extension wherever it could begin, and most GFM constructs need one
 * character to exist at all. The costly one is the email autolink: tried at the start of every word, it
 * reads the word looking for an `@`, about half of a typical article's parse (docs/performance.md). A text without `@` cannot hold an email autolink, one without `[^` a footnote, one
 * without `~` a strikethrough, one with neither `|` nor a colon beside a dash (`:-`, `-:`) a table; such
 * texts are parsed without those extensions. A construct's attempt can change the tree even when the
 * construct is not in it (a table that could start ends a paragraph), which is why "cannot hold" must be
 * exact: the trees are compared with remark-gfm's on every sample, fixture and synthetic article, on texts
 * written to hold each construct, and on thousands of random texts built from the characters involved
 * (tests/unit/markdown-parser.test.ts; a review fuzzed 420,000 more and found only the pipe-free table,
 * now handled).
 *
 * The mdast side is always the whole of GFM (handlers for tokens that never occur cost nothing) but for
 * one step: after the tree is built, GFM searches every text node with regular expressions for literal
 * autolinks micromark left (about a tenth of the parsing time). Their patterns need `http://`, `https://`,
 * `www.` or `@` in the node's text, so the search runs only on trees that have a text node with one.
 */

type SyntaxExtension = ReturnType<typeof gfmTable>;

/** A GFM construct a text may lack, and how to tell. Listed in the order remark-gfm combines them. */
interface OptionalConstruct {
  name: string;
  /** False when the text cannot hold the construct. */
  possibleIn: (text: string) => boolean;
  /** The syntax with the construct, and without it. */
  with: SyntaxExtension;
  without?: SyntaxExtension;
}

const autolinkLiteral = gfmAutolinkLiteral();

const OPTIONAL: readonly OptionalConstruct[] = [
  {
    name: 'email autolink',
    possibleIn: (text) => text.includes('@'),
    with: autolinkLiteral,
    // The www. and http(s):// autolinks stay: they are tried only at `w` and `h`.
    without: withoutConstruct(autolinkLiteral, 'emailAutolink'),
  },
  { name: 'footnote', possibleIn: (text) => text.includes('[^'), with: gfmFootnote() },
  { name: 'strikethrough', possibleIn: (text) => text.includes('~'), with: gfmStrikethrough() },
  // A one-column table needs no pipe: `a` over `:-` is one. A delimiter row without a pipe needs a colon beside its dashes.
  { name: 'table', possibleIn: (text) => text.includes('|') || /:-|-:/.test(text), with: gfmTable() },
];

const { transforms, ...literalAutolinkTokens } = gfmAutolinkLiteralFromMarkdown();
const findLiteralAutolinks = transforms ?? [];

/** remark-gfm's mdast extensions, in its order, without the literal autolink search. */
const GFM_FROM_MARKDOWN = [
  literalAutolinkTokens,
  gfmFootnoteFromMarkdown(),
  gfmStrikethroughFromMarkdown(),
  gfmTableFromMarkdown(),
  gfmTaskListItemFromMarkdown(),
];

/** What one of the literal autolink patterns needs in a text node before it can match. */
const LITERAL_AUTOLINK_START = /https?:\/\/|www\.|@/i;

/** A parser for each set of constructs texts need, made the first time one does (at most 16). */
const parsers = new Map<number, (text: string) => Root>();

let remarkGfmParser: ((text: string) => Root) | undefined;

/**
 * Parses a Markdown file's text into mdast, with the parser chosen (`markdownParser` in the site settings):
 * `selective-gfm`, this module's (the default), or `remark-gfm` itself, the reference it is tested against,
 * should a newsroom ever meet a text the two read differently.
 */
export function parseMarkdownTree(text: string, parser: MarkdownParser = 'selective-gfm'): Root {
  if (parser === 'remark-gfm') {
    if (!remarkGfmParser) {
      const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze();
      remarkGfmParser = (source) => processor.parse(source);
    }
    return remarkGfmParser(text);
  }
  return parseSelectively(text);
}

/** Parses a Markdown file's text into mdast, with every GFM construct the text can hold. */
function parseSelectively(text: string): Root {
  const needed = OPTIONAL.map((construct) => construct.possibleIn(text));
  const key = needed.reduce((bits, need, i) => bits | (Number(need) << i), 0);
  let parse = parsers.get(key);
  if (!parse) {
    const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(gfmSyntax, needed).freeze();
    parse = (source) => processor.parse(source);
    parsers.set(key, parse);
  }
  let tree = parse(text);
  // As mdast-util-from-markdown applies its transforms: a transform may return a new tree.
  if (mayHoldLiteralAutolink(tree)) for (const find of findLiteralAutolinks) tree = find(tree) || tree;
  return tree;
}

function mayHoldLiteralAutolink(node: Nodes): boolean {
  if (node.type === 'text') return LITERAL_AUTOLINK_START.test(node.value);
  return 'children' in node && node.children.some(mayHoldLiteralAutolink);
}

/** Names of the optional constructs a text can hold, in the parser's order: what `parseMarkdownTree` parses it with. */
export function constructsPossibleIn(text: string): string[] {
  return OPTIONAL.filter((construct) => construct.possibleIn(text)).map((construct) => construct.name);
}

/** remark-gfm's parsing half, with only the constructs in `needed` (task list items are always in: they cost nothing), and without the literal autolink search. */
function gfmSyntax(this: Processor, needed: readonly boolean[]) {
  const data = this.data();
  const syntax = OPTIONAL.flatMap((construct, i) => (needed[i] ? [construct.with] : construct.without ? [construct.without] : []));
  (data.micromarkExtensions ??= []).push(combineExtensions([...syntax, gfmTaskListItem()]));
  (data.fromMarkdownExtensions ??= []).push(GFM_FROM_MARKDOWN);
}

/** A copy of a syntax extension without the constructs of one name (micromark names every construct). */
function withoutConstruct(extension: SyntaxExtension, name: string): SyntaxExtension {
  const copy: Record<string, Record<string, unknown>> = {};
  for (const [field, byCode] of Object.entries(extension)) {
    copy[field] = {};
    for (const [code, constructs] of Object.entries(byCode as Record<string, unknown>)) {
      const kept = (Array.isArray(constructs) ? constructs : [constructs]).filter((c: { name?: string }) => c.name !== name);
      if (kept.length > 0) copy[field][code] = kept;
    }
  }
  return copy as SyntaxExtension;
}
