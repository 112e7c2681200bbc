import { z } from 'astro/zod';
import type { ParsedArticle } from './parse.ts';
import { ARTICLE_TYPES } from './schema.ts';

const date = z.object({ iso: z.string(), hasTime: z.boolean() });

/** Every field but the images, made once: see createStoredArticleSchema. */
const storedWithoutImages = z.object({
  slug: z.string(),
  file: z.string(),
  title: z.string(),
  date,
  updated: date.optional(),
  section: z.string(),
  sectionSlug: z.string(),
  tags: z.array(z.string()),
  authors: z.array(z.string()),
  description: z.string().optional(),
  excerpt: z.string(),
  type: z.enum(ARTICLE_TYPES),
  draft: z.boolean(),
  featured: z.boolean(),
  featuredUntil: z.string().optional(),
  priority: z.number(),
  corrections: z.array(z.object({ date, text: z.string() })),
  related: z.array(z.string()),
  formerUrls: z.array(z.object({ path: z.string(), line: z.number() })),
  expires: z.string().optional(),
  liveUpdates: z.array(z.object({ id: z.string(), iso: z.string(), headline: z.string() })),
  coverageEnd: z.string().optional(),
  /** Body links to other articles' files (content-relative `target`), resolved to URLs when pages render. */
  articleLinks: z.array(
    z.object({ target: z.string(), fragment: z.string(), written: z.string(), text: z.string(), line: z.number().optional() }),
  ),
  /** Body links written as a story's address (`/world/story/`), checked across files. */
  siteLinks: z.array(z.object({ written: z.string(), text: z.string(), line: z.number().optional() })),
  headings: z.array(z.object({ depth: z.number(), slug: z.string(), text: z.string() })),
  wordCount: z.number(),
  readingMinutes: z.number(),
});

/**
 * The article as kept in Astro's content store: `ParsedArticle` without its HTML (kept in a file of its
 * own: src/build/body-files.ts). The image source schema (hero and body images) is a parameter because Astro's
 * `image()` helper, which turns `./photo.jpg` into an optimisable asset, only exists inside `content.config.ts`.
 *
 * Astro calls the collection's schema function once per entry (`image()` resolves paths against the
 * entry's file), so only the image fields are made per entry: making the whole schema each time cost the
 * build's main thread seconds over a large archive (docs/performance.md).
 */
export function createStoredArticleSchema<Image extends z.ZodType>(imageSource: Image) {
  return storedWithoutImages.extend({
    image: z.object({ src: imageSource, alt: z.string(), caption: z.string().optional(), credit: z.string().optional() }).optional(),
    /** Pictures beside the article used in its body, turned into optimisable assets like the hero image. */
    bodyImages: z.array(imageSource),
  });
}

/** What the loader hands to the store, before Astro resolves the images. */
export type StoredArticleInput = Omit<ParsedArticle, 'html'>;

/**
 * Compile-time guard: every field the loader stores is one the schema declares, with a compatible type,
 * and the schema declares no field the loader does not store.
 */
type Mirror = z.input<ReturnType<typeof createStoredArticleSchema<z.ZodString>>>;
type SameKeys = [keyof Mirror] extends [keyof StoredArticleInput]
  ? [keyof StoredArticleInput] extends [keyof Mirror]
    ? true
    : false
  : false;
export const storedSchemaMatchesParsedArticle: [StoredArticleInput] extends [Mirror] ? SameKeys : false = true;
