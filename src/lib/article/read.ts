import type { ArticleDate } from '../dates.ts';
import type { Problem } from '../problems.ts';
import { MAX_BLOCK_LINES, overlongBlock } from './block-length.ts';
import { decodeSource } from './decode.ts';
import { splitFrontmatter } from './frontmatter-split.ts';
import { checkReadiness, type ReadinessRules } from './placeholder.ts';
import {
  describeReference,
  IMAGE_EXTENSIONS,
  isRelativePath,
  isSupportedImage,
  leavesContentFolder,
  missingImageProblem,
  type ArticleLink,
  type ImageUse,
} from './local-references.ts';
import type { BodyContext, FrontmatterBlock, Heading, RenderedBody } from './render.ts';
import { mapForeignFields } from './foreign-fields.ts';
import { createFrontmatterSchema, type ArticleType, type Frontmatter, type FrontmatterSchema } from './schema.ts';
import type { FieldContext } from './field-context.ts';
import type { MarkdownParser } from '../site-config.ts';
import { checkHeroImage } from './hero-image-field.ts';
import { checkSection, checkSlug, pageNames } from './url-fields.ts';
import { checkFields, unknownFields } from './field-check.ts';
import { readToml } from './toml.ts';
import { readYaml } from './yaml.ts';

/** One Markdown file as the loader hands it over. */
export interface ArticleSource {
  /** Path shown in messages (relative to the project root when inside it), e.g. `content/world/a.md`. */
  file: string;
  /** Path inside the content folder, with `/` separators: its first folder names the section. */
  relPath: string;
  bytes: Uint8Array;
  /** Whether a file exists at a path relative to the article (hero images); absent: not checked. */
  fileExists?: (relativeToArticle: string) => boolean;
}

/** What parsing needs from the site configuration. */
export interface ParseOptions {
  timeZone: string;
  /** Configured section names, so a folder `world/` is shown as "World". */
  sections: readonly string[];
  /** Hosts whose `<iframe>` embeds are kept (`www.youtube-nocookie.com`); every other frame is removed. */
  embedHosts?: readonly string[];
  /** Fewer body words than this is a stub, not a story (absent: any body with words). */
  minBodyWords?: ReadinessRules['minBodyWords'];
  /** A published article must have a standfirst (`description`). */
  requireStandfirst?: ReadinessRules['requireStandfirst'];
  /** Which parser reads Markdown (markdown-parser.ts); absent: the default, `selective-gfm`. */
  markdownParser?: MarkdownParser;
}

/** Hero image as written in frontmatter; the content layer turns `src` into an optimised asset. */
export interface HeroImage {
  src: string;
  alt: string;
  caption?: string;
  credit?: string;
}

/** One article, validated and rendered: everything a page or list needs, serialisable as-is. */
export interface ParsedArticle {
  /** URL slug, unique across the site. */
  slug: string;
  file: string;
  title: string;
  date: ArticleDate;
  updated?: ArticleDate;
  section: string;
  sectionSlug: string;
  /** Tags as written here, one per slug, in the writer's order. */
  tags: string[];
  /** Byline names; empty means the publisher. */
  authors: string[];
  /** The standfirst as written, if any. */
  description?: string;
  /** Plain-text first paragraph, the fallback standfirst for meta tags and cards. */
  excerpt: string;
  image?: HeroImage;
  /** News, analysis, opinion or live: labelled on the page and in lists, and picks the disclaimer. */
  type: ArticleType;
  draft: boolean;
  /** Candidate for the front page's lead slot. */
  featured: boolean;
  /** When a featured article stops leading, when the file gives a date-time (else `frontPage.featuredHours` after `date`). */
  featuredUntil?: string;
  /** Rank among featured stories, 0 to 9. */
  priority: number;
  /** Dated corrections, oldest first. */
  corrections: { date: ArticleDate; text: string }[];
  /** Slugs pinned to the top of Related. */
  related: string[];
  /** Sanitised body HTML, with markers where local links and images go (see local-references.ts). */
  html: string;
  /** Body links to other articles' files, in marker order; resolved to URLs when pages are rendered. */
  articleLinks: ArticleLink[];
  /** Pictures beside the article used in the body (`./photo.jpg`), in marker order; optimised when rendered. */
  bodyImages: string[];
  headings: Heading[];
  wordCount: number;
  readingMinutes: number;
}

export interface ParseResult {
  /** Absent when the file has errors: it is never published half-read. */
  article?: ParsedArticle;
  problems: Problem[];
  /** Every use of a picture beside the article, as written: the loader re-checks the files when it reuses the entry. */
  imageUses?: ImageUse[];
  /** The line of the `image` field, for problems with the hero picture found after parsing (an SVG that cannot be drawn). */
  imageLine?: number;
  /** A file with errors: its links to other articles, still checked across files. */
  articleLinks?: ArticleLink[];
  /** A file with errors: its hero picture, when it is a file beside it, still checked (an SVG must draw). */
  heroImage?: string;
}

const schemas = new Map<string, FrontmatterSchema>();
function schemaFor(timeZone: string): FrontmatterSchema {
  let schema = schemas.get(timeZone);
  if (!schema) schemas.set(timeZone, (schema = createFrontmatterSchema(timeZone)));
  return schema;
}

/**
 * How the body is read, chosen by the caller so that this module loads neither way's code: the build
 * renders it through the whole pipeline (`parseArticle` in parse.ts); `npm run validate` only scans it for
 * the references the checks need (`checkArticle` in body-scan.ts), ten times faster.
 */
export interface BodyReader<Body> {
  /** The frontmatter block and the rest of the file; undefined when there is no (closed) block. */
  split(text: string): { frontmatter: FrontmatterBlock; body: Body } | undefined;
  /** The body as the checks and pages need it. */
  read(body: Body, context: BodyContext): RenderedBody;
}

/**
 * Reads one article file: decodes it, reads and validates its frontmatter, reads its body with `reader`.
 * Pure: the same bytes and options give the same result. Reports every problem it finds in the file.
 */
export function readArticle<Body>(source: ArticleSource, options: ParseOptions, reader: BodyReader<Body>): ParseResult {
  const { file } = source;
  const decoded = decodeSource(source.bytes, file);
  if ('problem' in decoded) return { problems: [decoded.problem] };

  const problems: Problem[] = [];
  const error = (message: string, extra: Partial<Problem> = {}) => problems.push({ severity: 'error', file, message, ...extra });

  // Before anything parses the body (the build's reader parses it with the frontmatter): a block thousands of
  // lines long would take the Markdown parser minutes.
  const quickSplit = splitFrontmatter(decoded.text);
  const long = quickSplit && overlongBlockProblem(quickSplit, file);
  if (long) return { problems: [long] };

  const split = withinDepth(() => reader.split(decoded.text), file);
  if ('problem' in split) return { problems: [split.problem] };
  if (!split.value) return { problems: [noFrontmatterProblem(decoded.text, file)] };

  const { frontmatter, body: writtenBody } = split.value;
  const firstFieldLine = frontmatter.line + 1;
  const read = (frontmatter.language === 'toml' ? readToml : readYaml)(frontmatter.value, firstFieldLine, file);
  if (!read.frontmatter) {
    const { body, problems: bodyProblems } = readBodyOf(reader, writtenBody, source, options);
    return failedWith([...read.problems, ...bodyProblems], body);
  }
  const fileName = source.relPath.split('/').pop()!;
  const folder = source.relPath.includes('/') ? source.relPath.split('/')[0]! : undefined;
  const {
    data,
    keyLines,
    writtenAs,
    problems: mappingProblems,
  } = mapForeignFields(read.frontmatter.data, read.frontmatter.keyLines, fileName, file, { configured: options.sections, folder });
  problems.push(...mappingProblems);
  const lineOf = (field: string) => keyLines.get(field) ?? frontmatter.line;

  problems.push(...unknownFields(data, lineOf, file));
  const { parsed, refused, problems: fieldProblems } = checkFields(schemaFor(options.timeZone), data, writtenAs, lineOf, file);
  problems.push(...fieldProblems);
  const context: FieldContext = {
    file,
    data,
    refused,
    lineOf,
    writtenAs,
    error,
    warn: (message, extra = {}) => problems.push({ severity: 'warning', file, message, ...extra }),
  };
  const { section, sectionSlug } = checkSection(context, folder, options.sections);
  const slug = checkSlug(context, source.relPath);
  const tags = pageNames(context, 'tags', refused.has('tags') ? [] : data['tags'], 'Climate');
  if (!refused.has('authors')) pageNames(context, 'authors', data['authors'], 'authors: [Ana Lima]');
  const imageSrc = checkHeroImage(context, source.relPath, source.fileExists);

  const { body, problems: bodyProblems } = readBodyOf(reader, writtenBody, source, options);
  problems.push(...bodyProblems);
  // Published means a story (a draft may be anything).
  if (parsed.success && !parsed.data.draft) checkReadiness(context, quickSplit, body?.wordCount, options);
  if (!parsed.success || !body || problems.some((p) => p.severity === 'error')) {
    return failedWithPictures(problems, body, source, imageSrc === undefined ? undefined : { src: imageSrc, line: lineOf('image') });
  }
  const article = toArticle(parsed.data, { slug, file, section: section!, sectionSlug, tags }, body);
  return { article, problems, imageUses: body.imageUses, ...(imageSrc !== undefined && { imageLine: lineOf('image') }) };
}

/** A block too long for the Markdown parser to read in reasonable time, found before anything parses the body. */
function overlongBlockProblem(split: { body: string; bodyLine: number }, file: string): Problem | undefined {
  const long = overlongBlock(split.body, split.bodyLine);
  if (!long) return undefined;
  return {
    severity: 'error',
    file,
    line: long.line,
    message: `${long.lines.toLocaleString('en')} lines from here are one block, with no blank line between them: no block may run over ${MAX_BLOCK_LINES.toLocaleString('en')} lines (the Markdown parser's time grows with the square of a block's length)`,
    hint: 'put a blank line between paragraphs',
  };
}

/** A file with no frontmatter block, or one never closed. */
function noFrontmatterProblem(text: string, file: string): Problem {
  const fence = /^(---|\+\+\+)[ \t]*\r?$/.exec(text.split('\n', 1)[0]!)?.[1];
  return {
    severity: 'error',
    file,
    line: 1,
    message: fence ? 'the frontmatter block is not closed' : 'the file has no frontmatter',
    hint: fence
      ? `add a line with only ${fence} after the last field`
      : 'start the file with a --- line, then title: and date: fields, then another --- line',
  };
}

/**
 * Runs a step of the Markdown pipeline on one file. Its parsers recurse once per level of nesting, so a
 * body nested a few thousand levels deep (`>>>>…`, `- - - …`, `<div>` × 5,000) overflows the stack: that
 * is this file's problem, reported with the others, never a crash that hides the rest of the report. Any
 * other exception is a bug in Dateline: it is rethrown with the file named, so the file can be found.
 */
function withinDepth<T>(step: () => T, file: string): { value: T } | { problem: Problem } {
  try {
    return { value: step() };
  } catch (thrown) {
    if (thrown instanceof RangeError && /call stack/i.test(thrown.message)) {
      return {
        problem: {
          severity: 'error',
          file,
          message: 'the body nests quotes, lists or HTML elements too deeply to be published (thousands of levels)',
          hint: 'flatten the nesting: readers follow a few levels at most; check for a run of > or - characters, or unclosed HTML tags',
        },
      };
    }
    throw new Error(`${file}: ${thrown instanceof Error ? thrown.message : String(thrown)}`, { cause: thrown });
  }
}

/**
 * A file with errors: no article, but every problem found, and its links to other articles, which the
 * checks across files still check (a link to a missing article is reported beside a bad field, not after
 * it is fixed).
 */
function failedWith(problems: Problem[], body: RenderedBody | undefined): ParseResult {
  return { problems, ...(body && body.articleLinks.length > 0 && { articleLinks: body.articleLinks }) };
}

/**
 * A file with errors, with the pictures still checked after parsing (an SVG must draw): those beside it
 * that exist, the hero picture included.
 */
function failedWithPictures(
  problems: Problem[],
  body: RenderedBody | undefined,
  source: ArticleSource,
  hero: { src: string; line: number } | undefined,
): ParseResult {
  const beside = (src: string) => !leavesContentFolder(source.relPath, src) && isSupportedImage(src) && source.fileExists?.(src) === true;
  const drawn = hero && isRelativePath(hero.src) && beside(hero.src) ? hero : undefined;
  return {
    ...failedWith(problems, body),
    ...(body && { imageUses: body.imageUses.filter((use) => beside(use.path)) }),
    ...(drawn && { heroImage: drawn.src, imageLine: drawn.line }),
  };
}

/**
 * Reads the body and finds its own problems (pictures, links out of the folder, removed embeds), whether
 * or not the frontmatter had errors, so one run reports every problem of a file. No `body` when it could
 * not be read at all (nested too deeply: its one problem says so).
 */
function readBodyOf<Body>(
  reader: BodyReader<Body>,
  writtenBody: Body,
  source: ArticleSource,
  options: ParseOptions,
): { body?: RenderedBody; problems: Problem[] } {
  const { file } = source;
  const found: Problem[] = [];
  const error = (message: string, extra: Partial<Problem> = {}) => found.push({ severity: 'error', file, message, ...extra });
  const rendered = withinDepth(() => reader.read(writtenBody, { relPath: source.relPath, embedHosts: options.embedHosts ?? [] }), file);
  if ('problem' in rendered) return { problems: [rendered.problem] };
  const body = rendered.value;
  if (body.imagesWithoutAlt > 0) {
    found.push({
      severity: 'warning',
      file,
      message: `${body.imagesWithoutAlt} image${body.imagesWithoutAlt === 1 ? ' has' : 's have'} no alt text; readers of screen readers get nothing`,
      hint: 'describe each image: ![what it shows](photo.jpg) or <img alt="what it shows">',
    });
  }
  // Pictures beside the article are published, optimised, when pages are rendered: each file must exist
  // and be an image `astro:assets` reads. (Site-root paths, `/images/x.jpg`, come from public/ as written.)
  for (const use of body.imageUses) {
    if (leavesContentFolder(source.relPath, use.path)) {
      error(`${describeReference(use, true)}: the picture is outside the content folder; only pictures inside it are published`, {
        line: use.line,
        hint: 'copy the picture beside the Markdown file and write ![what it shows](./photo.jpg)',
      });
    } else if (!isSupportedImage(use.path)) {
      error(`${describeReference(use, true)}: not an image file Dateline can publish`, {
        line: use.line,
        hint: `use a picture in one of these formats: ${IMAGE_EXTENSIONS.join(', ')}`,
      });
    } else if (source.fileExists && !source.fileExists(use.path)) {
      found.push(missingImageProblem(file, use));
    }
  }
  // Links to other articles' files are checked across files (the target may be in any file); one that
  // climbs out of the content folder can never name an article.
  for (const link of body.linksOutside) {
    error(`${describeReference(link)}: the link leads outside the content folder, where no article can be`, {
      line: link.line,
      hint: 'link to an article file inside the content folder, e.g. ../politics/budget-vote.md',
    });
  }
  // A frame from a host the newsroom has not listed is removed, not published: say so, so nothing vanishes unsaid.
  for (const embed of body.removedEmbeds) {
    const listed = options.embedHosts?.length ? options.embedHosts.join(', ') : 'no host';
    found.push({
      severity: 'warning',
      file,
      line: embed.line,
      message: `an <iframe> ${embed.src ? `from ${embed.src.length > 80 ? `${embed.src.slice(0, 79)}…` : embed.src} ` : ''}was removed: embeds are kept only over https from ${listed}`,
      hint: 'link to the page instead, or add its host to embedHosts in src/site.config.ts if the newsroom trusts it',
    });
  }
  return { body, problems: found };
}

/** The parsed article, from frontmatter the schema accepted, the names checked for URLs and the body as read. */
function toArticle(
  fm: Frontmatter,
  names: Pick<ParsedArticle, 'slug' | 'file' | 'section' | 'sectionSlug' | 'tags'>,
  body: RenderedBody,
): ParsedArticle {
  const authors = fm.authors === undefined ? [] : typeof fm.authors === 'string' ? [fm.authors] : fm.authors;
  const image: HeroImage | undefined =
    fm.image === undefined
      ? undefined
      : {
          src: fm.image,
          alt: fm.imageAlt ?? '',
          ...(fm.imageCaption && { caption: fm.imageCaption }),
          ...(fm.imageCredit && { credit: fm.imageCredit }),
        };
  const article: ParsedArticle = {
    slug: names.slug,
    file: names.file,
    title: fm.title,
    date: fm.date,
    ...(fm.updated && { updated: fm.updated }),
    section: names.section,
    sectionSlug: names.sectionSlug,
    tags: names.tags,
    authors: [...new Set(authors)],
    ...(fm.description && { description: fm.description }),
    excerpt: body.excerpt,
    ...(image && { image }),
    type: fm.type,
    draft: fm.draft,
    featured: fm.featured !== false,
    ...(typeof fm.featured === 'object' && { featuredUntil: fm.featured.iso }),
    priority: fm.priority,
    corrections: [...fm.corrections].sort((a, b) => (a.date.iso < b.date.iso ? -1 : a.date.iso > b.date.iso ? 1 : 0)),
    related: fm.related,
    html: body.html,
    articleLinks: body.articleLinks,
    bodyImages: body.bodyImages,
    headings: body.headings,
    wordCount: body.wordCount,
    readingMinutes: body.readingMinutes,
  };
  return article;
}
