// The types of reading an article: the file as handed over, the options, the parsed article and the result.
import type { ArticleDate } from '../dates.ts';
import type { Problem } from '../problems.ts';
import type { MarkdownParser } from '../site-config.ts';
import type { ArticleLink, ImageUse, WrittenReference } from './local-references.ts';
import type { ReadinessRules } from './placeholder.ts';
import type { BodyContext, FrontmatterBlock, Heading, RenderedBody } from './render.ts';
import type { ArticleType } from './schema.ts';
import type { FormerUrl } from './former-urls.ts';
import type { StoredUpdate } from './live-checks.ts';

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
  /** When the story is taken down (ISO 8601, UTC): the first build after it leaves it out everywhere. */
  expires?: string;
  /** The story's old addresses on this site, each a redirect to its page (former-urls.ts). */
  formerUrls: FormerUrl[];
  /** A live story's updates, newest first (live-updates.ts); empty for other stories. */
  liveUpdates: StoredUpdate[];
  /** When a live story's coverage ended (ISO 8601, UTC); absent while it is live. */
  coverageEnd?: string;
  /** Sanitised body HTML, with markers where local links and images go (see local-references.ts). */
  html: string;
  /** Body links to other articles' files, in marker order; resolved to URLs when pages are rendered. */
  articleLinks: ArticleLink[];
  /** Body links written as a story's address (`/world/story/`), checked across files. */
  siteLinks: WrittenReference[];
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
  /** A file with errors: its old addresses that could be read, still checked across files (no two stories claim one). */
  formerUrls?: FormerUrl[];
  /** A file with errors: its hero picture, when it is a file beside it, still checked (an SVG must draw). */
  heroImage?: string;
}

/**
 * How the body is read, chosen by the caller so that this module loads neither way's code: the build
 * renders it through the whole pipeline (`parseArticle` in parse.ts); `npm run validate` only scans it for
 * the references the checks need (`checkArticle` in body-scan.ts), far faster (docs/performance.md).
 */
export interface BodyReader<Body> {
  /** The frontmatter block and the rest of the file; undefined when there is no (closed) block. */
  split(text: string): { frontmatter: FrontmatterBlock; body: Body } | undefined;
  /** The body as the checks and pages need it. */
  read(body: Body, context: BodyContext): RenderedBody;
}
