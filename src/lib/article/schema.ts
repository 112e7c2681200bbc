import { z } from 'astro/zod';
import { parseArticleDate, type ArticleDate } from '../dates.ts';

/**
 * What kind of piece an article is. Readers must be able to tell reporting from opinion: every type but
 * `news` is labelled above the headline, and the outlet's disclaimer can differ per type.
 */
export const ARTICLE_TYPES = ['news', 'analysis', 'opinion', 'live'] as const;
export type ArticleType = (typeof ARTICLE_TYPES)[number];

/**
 * The article frontmatter: one schema, types inferred from it. Dates are read in the newsroom's time zone,
 * so the schema is made per zone. Values are never coerced: `draft: "false"` is an error, not `true`.
 */
export function createFrontmatterSchema(timeZone: string) {
  const articleDate = z.string().transform((value, ctx): ArticleDate => {
    const parsed = parseArticleDate(value, timeZone);
    if (!parsed) {
      ctx.issues.push({ code: 'custom', input: value, message: `"${value}" is not an ISO 8601 date` });
      return z.NEVER;
    }
    return parsed;
  });
  const text = z.string().trim().min(1);

  return z
    .looseObject({
      /** Headline, shown as the page's `h1` and in every list. */
      title: text,
      /** Publish time; a date-time without offset is in the site's time zone; a future date schedules the article. */
      date: articleDate,
      /** Time of the last substantive update, shown as "Updated …"; not before `date`. */
      updated: articleDate.optional(),
      /** Section display name; optional when the file sits in a section folder (`content/world/…`). */
      section: text.optional(),
      /** Topic tags; compared by slug, so "North Korea" and "north korea" are one tag. */
      tags: z.array(text).default([]),
      /** Byline: one name or a list; defaults to the publisher. */
      authors: z.union([text, z.array(text).min(1)]).optional(),
      /** Standfirst under the headline; also the meta description. Defaults to an excerpt of the first paragraph. */
      description: text.optional(),
      /** Hero image file next to the Markdown file (`./photo.jpg`). */
      image: text.optional(),
      /** Text alternative of the hero image; required with `image` (checked by the parser, with the other fields). */
      imageAlt: text.optional(),
      /** Caption under the hero image. */
      imageCaption: text.optional(),
      /** Credit of the hero image ("Photo: Agency"). */
      imageCredit: text.optional(),
      /** `news` (default), `analysis`, `opinion` or `live`: labelled on the page, picks the disclaimer. */
      type: z.enum(ARTICLE_TYPES).default('news'),
      /** `true` keeps the article unpublished. */
      draft: z.boolean().default(false),
      /**
       * Leads the front page: `true` for `frontPage.featuredHours` after `date`, or a date-time, until then.
       * Among the stories featured at one time, the highest `priority` leads, then the newest.
       */
      featured: z.union([z.boolean(), articleDate]).default(false),
      /** Rank among featured stories: the highest leads and the next are the top stories (0 to 9, default 0). */
      priority: z.number().int().min(0).max(9).default(0),
      /** Dated corrections, shown in a "Correction" box at the end and counted as modifications. */
      corrections: z.array(z.object({ date: articleDate, text })).default([]),
      /** Slugs of articles an editor pins to the top of Related, in this order. */
      related: z.array(text).default([]),
      /** URL slug; defaults to the file name. */
      slug: text.optional(),
      /** The story's old addresses on this site (`/2019/10/old-story.html`): each redirects to its page. */
      formerUrls: z.array(text).default([]),
      /** Slugs the story had before in its section: `/world/<old>/` redirects to its page. */
      formerSlugs: z.array(text).default([]),
      /** When the story is taken down: the first build after this time removes its page and every mention. */
      expires: articleDate.optional(),
      /** A live story: when its coverage ended (absent: still live). */
      coverageEnd: articleDate.optional(),
    })
    .superRefine((data, ctx) => {
      if (typeof data.featured === 'object' && data.featured.iso <= data.date.iso) {
        ctx.addIssue({ code: 'custom', path: ['featured'], message: 'ends before `date`, so the article never leads' });
      }
      if (data.expires && data.expires.iso <= data.date.iso) {
        ctx.addIssue({ code: 'custom', path: ['expires'], message: 'is not after `date`, so the story would never be published' });
      }
      if (data.coverageEnd && data.coverageEnd.iso < data.date.iso) {
        ctx.addIssue({ code: 'custom', path: ['coverageEnd'], message: 'is before `date`' });
      }
      if (data.updated && data.updated.iso < data.date.iso) {
        ctx.addIssue({ code: 'custom', path: ['updated'], message: 'is before `date`' });
      }
      data.corrections.forEach((correction, i) => {
        if (correction.date.iso < data.date.iso)
          ctx.addIssue({ code: 'custom', path: ['corrections', i], message: `correction ${i + 1} is dated before \`date\`` });
      });
    });
}

export type FrontmatterSchema = ReturnType<typeof createFrontmatterSchema>;
/** Validated frontmatter, as the parser hands it on. */
export type Frontmatter = z.output<FrontmatterSchema>;

/** The fields Dateline knows, for "unknown field" warnings and "did you mean" suggestions. */
export const KNOWN_FIELDS = [
  'title',
  'date',
  'updated',
  'section',
  'tags',
  'authors',
  'description',
  'image',
  'imageAlt',
  'imageCaption',
  'imageCredit',
  'type',
  'draft',
  'featured',
  'priority',
  'corrections',
  'related',
  'slug',
  'formerUrls',
  'formerSlugs',
  'expires',
  'coverageEnd',
] as const;

export type KnownField = (typeof KNOWN_FIELDS)[number];

/** What each field expects, written for the newsroom: the hint under every schema error. */
export const FIELD_HELP: Record<KnownField, string> = {
  title: 'a headline in text, e.g. title: "Parliament delays budget vote"',
  date: 'an ISO 8601 date or date-time, e.g. date: 2024-10-25T19:13:00 (site time zone) or 2024-10-25T19:13:00+02:00',
  updated: 'an ISO 8601 date-time not before `date`, e.g. updated: 2024-10-26T08:00:00',
  section: 'a section name, e.g. section: Politics, or move the file into a section folder such as content/politics/',
  tags: 'a list of tag names, e.g. tags: [North Korea, Russia]',
  authors: 'a name or a list of names, e.g. authors: [Ana Lima, Tom Reed]',
  description: 'a one- or two-sentence standfirst in text',
  image: 'a path to an image next to the article, e.g. image: ./photo.jpg',
  imageAlt: 'a description of the image for readers who cannot see it, e.g. imageAlt: "Soldiers on a railway platform"',
  imageCaption: 'a caption in text',
  imageCredit: 'a credit in text, e.g. imageCredit: "Photo: Agency"',
  type: `one of ${ARTICLE_TYPES.join(', ')}, e.g. type: opinion (leave it out for news)`,
  draft: 'true or false, without quotes',
  featured: 'true, false, or the date-time it stops leading, e.g. featured: 2024-10-27T18:00:00',
  priority: 'a whole number from 0 to 9, e.g. priority: 5 (among featured stories, the highest leads)',
  corrections:
    'a list of dated notes, e.g. corrections: [{ date: 2024-10-26T09:00:00, text: "An earlier version misstated the number of troops." }]',
  related: 'a list of article slugs (file names without .md), e.g. related: [budget-vote-delayed]',
  slug: 'lower-case words joined by hyphens, e.g. slug: budget-vote-delayed',
  formerUrls: 'a list of the paths the story had on this site before, e.g. formerUrls: [/2019/10/25/budget-vote.html]',
  formerSlugs: 'a list of slugs the story had before in its section, e.g. formerSlugs: [budget-vote-delay]',
  expires: 'an ISO 8601 date-time after `date`, when the story is taken down, e.g. expires: 2024-12-31T23:59:00',
  coverageEnd:
    "the ISO 8601 date-time a live story's coverage ended, e.g. coverageEnd: 2024-11-06T12:00:00 (leave it out while it is live)",
};
