import type { Element, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { Literal, Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visitElements, visitParents } from './walk.ts';
import { VFile } from 'vfile';
import {
  alignToClass,
  demoteBodyH1,
  dropEmptyClassNames,
  dropInlineNoscript,
  dropNonTaskInputs,
  lowerCaseSchemes,
  remoteImagesToLinks,
  requireAlt,
  uniqueIds,
} from './html-steps.ts';
import { dropUnlistedFrames, keepListedEmbeds, type RemovedEmbed } from './embeds.ts';
import { markLocalReferences, type ArticleLink, type ImageUse, type WrittenReference } from './local-references.ts';
import { sanitizePolicy } from './sanitize-policy.ts';
import { groupLiveUpdates, type LiveUpdate, type MissedUpdate } from './live-updates.ts';
import { findTemplateTags, type TemplateTag } from './template-tags.ts';
import { countWords, readingMinutes } from './word-count.ts';
import type { MarkdownParser } from '../site-config.ts';
import { parseMarkdownTree } from './markdown-parser.ts';

/** A heading inside the article body, for in-page anchors (same shape as Astro's `MarkdownHeading`). */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** What the checks need to know about a body's references and images, however the body was read. */
export interface BodyReferences {
  /** Body images written without `alt` (rendered with an empty one). */
  imagesWithoutAlt: number;
  /** Links to other articles' files, in marker order (see local-references.ts). */
  articleLinks: ArticleLink[];
  /** Links to `.md` files outside the content folder (errors). */
  linksOutside: WrittenReference[];
  /** Every use of a picture beside the article, to check the files exist. */
  imageUses: ImageUse[];
  /** Distinct paths of those pictures (`./photo.jpg`), in marker order: optimised when pages are rendered. */
  bodyImages: string[];
  /** Iframes removed because their host is not on the embed allow-list (or they are not https). */
  removedEmbeds: RemovedEmbed[];
  /** Hugo shortcodes and Liquid tags, published as written (template-tags.ts). */
  templateTags: TemplateTag[];
  /** Links written as a story's address (`/world/story/`), checked across files against the site's stories. */
  siteLinks: WrittenReference[];
}

/** The article body after the pipeline: safe HTML and what pages and lists need to know about it. */
export interface RenderedBody extends BodyReferences {
  html: string;
  headings: Heading[];
  /** Plain text of the first paragraph, shortened to a sentence-friendly length. */
  excerpt: string;
  wordCount: number;
  /** Whole minutes, at least 1. */
  readingMinutes: number;
  /** A live article's updates, newest first (live-updates.ts); empty for every other article. */
  liveUpdates: LiveUpdate[];
  /** A live article's level-2 headings that start like an update but are not one. */
  liveMisses: MissedUpdate[];
}

/** Ids the page layout uses around the article body (see Base.astro and RelatedSection.astro). */
export const PAGE_IDS = ['main', 'related-heading', 'more-heading'];

/**
 * The pipeline, from the Markdown tree (markdown-parser.ts) to HTML. Raw HTML is parsed into real nodes
 * (rehype-raw) *before* the sanitiser, which is the last step that can add markup: nothing after it adds
 * elements or attributes. (`markLocalReferences` only rewrites kept `href`/`src` values into markers of a
 * fixed form, which the data layer later swaps for URLs.)
 */
const processor = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(dropInlineNoscript)
  .use(rehypeRawWhereWritten)
  .use(demoteBodyH1)
  .use(dropNonTaskInputs)
  .use(remoteImagesToLinks)
  .use(requireAlt)
  .use(lowerCaseSchemes)
  .use(alignToClass)
  .use(keepListedEmbeds)
  .use(rehypeSlug)
  .use(rehypeSanitize, sanitizePolicy)
  .use(dropUnlistedFrames)
  .use(markLocalReferences)
  .use(dropEmptyClassNames)
  .use(uniqueIds, PAGE_IDS)
  .use(groupLiveUpdates)
  .use(rehypeStringify)
  .freeze();

/**
 * rehype-raw turns HTML written in the Markdown into real nodes by running the whole tree through an HTML
 * parser, a cost worth skipping where there is nothing to parse. A body with no HTML written in it has no `raw`
 * node, and the parser would give back the same tree but for one detail, done here instead: `data-*`
 * attributes set to `true` (GFM footnotes' `data-footnote-ref`) come back as empty strings. (Same HTML as
 * with the parser for every sample, fixture and synthetic article; the sanitiser runs after it either way.)
 */
function rehypeRawWhereWritten() {
  const parseRaw = rehypeRaw();
  return (tree: HastRoot, file: VFile): HastRoot => {
    let written = false;
    visitParents(tree, (parent) => {
      if (parent.type === 'element')
        for (const [name, value] of Object.entries(parent.properties))
          if (value === true && name.startsWith('data')) parent.properties[name] = '';
      written ||= parent.children.some((child) => child.type === 'raw');
    });
    return written ? parseRaw(tree, file) : tree;
  };
}

/** The frontmatter block: YAML between `---` lines, or TOML between `+++` lines (as Hugo writes it). */
export interface FrontmatterBlock {
  language: 'yaml' | 'toml';
  value: string;
  /** File line of the block's first line (the opening fence). */
  line: number;
}

/** Parses Markdown (with its frontmatter block) into a syntax tree; the frontmatter, if any, is its first node. */
export function parseMarkdown(text: string, parser?: MarkdownParser): { tree: MdastRoot; frontmatter: FrontmatterBlock | undefined } {
  const tree = parseMarkdownTree(text, parser);
  const first = tree.children[0] as Literal | undefined;
  const frontmatter =
    first && (first.type === 'yaml' || first.type === 'toml')
      ? { language: first.type as FrontmatterBlock['language'], value: first.value, line: first.position?.start.line ?? 1 }
      : undefined;
  return { tree, frontmatter };
}

const EXCERPT_LENGTH = 200;

/** What the pipeline needs to know besides the text. */
export interface BodyContext {
  /** The article's path in the content folder (`world/a.md`), to resolve relative links against. */
  relPath: string;
  /** Hosts whose iframes are kept as embeds. */
  embedHosts: readonly string[];
  /** A live article: the zone its updates' times are written in (absent: not a live article). */
  liveTimeZone?: string | undefined;
}

/** Runs the body through the pipeline and measures it. */
export function renderBody(tree: MdastRoot, context: BodyContext): RenderedBody {
  const templateTags = findTemplateTags(tree);
  const file = new VFile({
    data: { relPath: context.relPath, embedHosts: context.embedHosts, ...(context.liveTimeZone && { liveTimeZone: context.liveTimeZone }) },
  });
  const hast = processor.runSync(tree, file) as HastRoot;
  const headings: Heading[] = [];
  let firstParagraph = '';
  visitElements(hast, (node, _index, parent) => {
    const depth = /^h([2-6])$/.exec(node.tagName)?.[1];
    const id = node.properties?.id;
    if (depth && typeof id === 'string' && !isInFootnotes(parent)) {
      headings.push({ depth: Number(depth), slug: id, text: hastToString(node).trim() });
    }
    // A live story's paragraphs are inside its updates (newest first) when no summary comes before them.
    if (!firstParagraph && node.tagName === 'p' && (parent?.type === 'root' || isLiveUpdate(parent))) firstParagraph = hastToString(node);
  });
  const wordCount = countWords(hastToString(hast));
  return {
    html: processor.stringify(hast),
    headings,
    excerpt: shorten(collapseSpace(firstParagraph), EXCERPT_LENGTH),
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    imagesWithoutAlt: file.data.imagesWithoutAlt ?? 0,
    articleLinks: file.data.articleLinks ?? [],
    linksOutside: file.data.linksOutside ?? [],
    imageUses: file.data.imageUses ?? [],
    bodyImages: file.data.bodyImages ?? [],
    removedEmbeds: file.data.removedEmbeds ?? [],
    templateTags,
    siteLinks: file.data.siteLinks ?? [],
    liveUpdates: file.data.liveUpdates ?? [],
    liveMisses: file.data.liveMisses ?? [],
  };
}

function isLiveUpdate(parent: unknown): boolean {
  const className = (parent as Element | undefined)?.properties?.['className'];
  return Array.isArray(className) && className.includes('live-update');
}

function isInFootnotes(parent: unknown): boolean {
  const props = (parent as Element | undefined)?.properties;
  return Boolean(props && 'dataFootnotes' in props);
}

function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cuts at a word boundary and adds an ellipsis, so meta descriptions never end mid-word. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}
