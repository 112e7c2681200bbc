import type { HeroImage, ParsedArticle } from './read-types.ts';
import type { RenderedBody } from './render.ts';
import type { Frontmatter } from './schema.ts';

/** The parsed article, from frontmatter the schema accepted, the names checked for URLs and the body as read. */
export function toArticle(
  fm: Frontmatter,
  names: Pick<ParsedArticle, 'slug' | 'file' | 'section' | 'sectionSlug' | 'tags' | 'formerUrls' | 'liveUpdates'>,
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
    formerUrls: names.formerUrls,
    ...(fm.expires && { expires: fm.expires.iso }),
    liveUpdates: names.liveUpdates,
    ...(fm.coverageEnd && fm.type === 'live' && { coverageEnd: fm.coverageEnd.iso }),
    html: body.html,
    articleLinks: body.articleLinks,
    siteLinks: body.siteLinks,
    bodyImages: body.bodyImages,
    headings: body.headings,
    wordCount: body.wordCount,
    readingMinutes: body.readingMinutes,
  };
  return article;
}
