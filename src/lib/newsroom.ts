import { zonedYearMonth } from './dates.ts';
import { redirectsOf, type Redirect } from './redirects.ts';
import { compareText } from './problems.ts';
import { publicationStatus, type PublicationStatus } from './publishing.ts';
import { computeRelated, type RelatedList } from './related.ts';
import type { SiteConfig } from './site-config.ts';
import { toSlug } from './slug.ts';
import { collectNamed, type Author, type Tag } from './tags.ts';
import { articlePath } from './urls.ts';
import { isLiveNow } from './article-types.ts';
import type { ArticleType } from './article/schema.ts';

/** The fields of an article the site-wide lists are computed from. */
export interface ArticleBase {
  slug: string;
  title: string;
  date: { iso: string; hasTime: boolean };
  section: string;
  sectionSlug: string;
  tags: readonly string[];
  authors: readonly string[];
  related: readonly string[];
  /** When the story is taken down (ISO 8601): from then on it is in no page or list. */
  expires?: string | undefined;
  /** Old addresses, each a redirect to the article's page (absent: none). */
  formerUrls?: readonly { path: string }[];
  draft: boolean;
  featured: boolean;
  /** When a featured article stops leading (ISO); absent: `frontPage.featuredHours` after its date. */
  featuredUntil?: string | undefined;
  /** Rank among featured stories (0 to 9); absent is 0. */
  priority?: number | undefined;
  /** News, analysis, opinion or live; absent is news. */
  type?: ArticleType;
  /** When a live story's coverage ended (ISO); absent while it is live. */
  coverageEnd?: string | undefined;
}

/** An article with what every page needs resolved: its URL, its tags' and authors' site-wide names. */
export interface ArticleEntry<A extends ArticleBase> {
  article: A;
  /** Always `published` in a build; drafts and scheduled articles only exist in a preview (`astro dev`). */
  status: PublicationStatus;
  /** Site path without the base (`/world/slug/`). */
  path: string;
  tags: Tag[];
  /** The named authors, each with an author page; empty when the byline is the publisher's. */
  authors: Author[];
  /** Byline names: the authors, or the publisher when the article names none. */
  byline: string[];
  /** Section colour slot (0–7), by the section's place in the configured order. */
  colour: number;
  /** Live coverage still going on when the site is built: marked as live on every page that shows it. */
  liveNow: boolean;
}

export interface RelatedEntry<A extends ArticleBase> {
  entry: ArticleEntry<A>;
  /** Tags shared with the article, rarest first. */
  sharedTags: Tag[];
  pinned: boolean;
}

export interface Section {
  slug: string;
  name: string;
  count: number;
  colour: number;
}

/** One month of the archive, in the newsroom's time zone. */
export interface ArchiveMonth {
  year: number;
  month: number;
  /** `2024/10`: the archive page is `/archive/2024/10/`. */
  key: string;
  count: number;
}

/** The front page: no story appears on it twice. */
export interface FrontPage<A extends ArticleBase> {
  /** The featured article of highest priority, then the newest, among those still featured; else the newest article. */
  lead: ArticleEntry<A> | undefined;
  /** The other featured articles, by priority, then the newest stories. */
  top: ArticleEntry<A>[];
  /** The newest stories after those, as a plain list. */
  latest: ArticleEntry<A>[];
  /** Per section, in navigation order: its newest stories not already above. */
  sections: { section: Section; entries: ArticleEntry<A>[] }[];
}

/** Everything the pages read, computed once per build. */
export interface Newsroom<A extends ArticleBase> {
  /** Published articles, newest first (then slug). */
  articles: ArticleEntry<A>[];
  bySlug: Map<string, ArticleEntry<A>>;
  related: Map<string, { related: RelatedEntry<A>[]; moreInSection: ArticleEntry<A>[] }>;
  tags: Map<string, Tag>;
  authors: Map<string, Author>;
  /** Sections with published articles, configured order first, then by name. */
  sections: Section[];
  /** Months with published articles, newest first. */
  months: ArchiveMonth[];
  /** The lists, newest first, keyed by section slug, tag slug, author slug, `2024` and `2024/10`. */
  bySection: Map<string, ArticleEntry<A>[]>;
  byTag: Map<string, ArticleEntry<A>[]>;
  byAuthor: Map<string, ArticleEntry<A>[]>;
  byYear: Map<string, ArticleEntry<A>[]>;
  byMonth: Map<string, ArticleEntry<A>[]>;
  front: FrontPage<A>;
  /**
   * Preview only: drafts and scheduled articles, newest first, with pages (under a banner) and Related lists
   * of published articles; they appear in no list, feed or other article's Related. Empty in a build.
   */
  unpublished: ArticleEntry<A>[];
  /** Published stories' old addresses, each leading to its page, by address. */
  redirects: Redirect[];
}

export interface NewsroomOptions {
  /** `astro dev`: drafts and scheduled articles get pages too, so editors see them before they go live. */
  preview?: boolean;
  /** Author profiles (`content/authors/`): each names its author and gives them a page, stories or not. */
  profiles?: readonly { slug: string; name: string }[];
}

/**
 * Builds the site's lists from every stored article: keeps what is published at `now`, resolves tag and
 * author names across the site, files articles by section, tag, author and month, lays out the front page,
 * and ranks Related for all articles in one pass. Pages only read the result.
 */
export function buildNewsroom<A extends ArticleBase>(
  stored: readonly A[],
  site: SiteConfig,
  now: Date,
  options: NewsroomOptions = {},
): Newsroom<A> {
  const newestFirst = (a: A, b: A) => compareText(b.date.iso, a.date.iso) || compareText(a.slug, b.slug);
  const published = stored.filter((article) => publicationStatus(article, now) === 'published').sort(newestFirst);
  const tags = collectNamed(published.map((a) => a.tags));
  const authors = withProfiles(collectNamed(published.map((a) => a.authors)), options.profiles ?? []);
  const sections = orderSections(published, site.sections);
  const colourOf = new Map(sections.map((s) => [s.slug, s.colour]));

  const toEntry = (article: A): ArticleEntry<A> => ({
    article,
    status: publicationStatus(article, now),
    path: articlePath(article.sectionSlug, article.slug),
    // A preview's tags and authors may exist on no published article yet: named as written, counted 0.
    tags: article.tags.map((tag) => tags.get(toSlug(tag)) ?? { slug: toSlug(tag), name: tag, count: 0 }),
    authors: [...new Set(article.authors.map((name) => toSlug(name)))]
      .filter(Boolean)
      .map((slug) => authors.get(slug) ?? { slug, name: article.authors.find((n) => toSlug(n) === slug)!, count: 0 }),
    byline: article.authors.length > 0 ? [...article.authors] : [site.publisher],
    colour: colourOf.get(article.sectionSlug) ?? 0,
    liveNow: isLiveNow({ type: article.type ?? 'news', coverageEnd: article.coverageEnd }, now),
  });
  const articles = published.map(toEntry);
  const unpublished = options.preview
    ? stored
        .filter((article) => publicationStatus(article, now) !== 'published')
        .sort(newestFirst)
        .map(toEntry)
    : [];
  const bySlug = new Map([...articles, ...unpublished].map((entry) => [entry.article.slug, entry]));

  const related = relatedLists(articles, unpublished, bySlug, tags, site.relatedCount);

  const monthOf = (entry: ArticleEntry<A>) => {
    const { year, month } = zonedYearMonth(entry.article.date.iso, site.timeZone);
    return { year: String(year), month: `${year}/${String(month).padStart(2, '0')}` };
  };
  const bySection = groupBy(articles, (entry) => [entry.article.sectionSlug]);
  const byMonth = groupBy(articles, (entry) => [monthOf(entry).month]);
  const byAuthor = groupBy(articles, (entry) => entry.authors.map((author) => author.slug));

  return {
    articles,
    bySlug,
    related,
    tags,
    authors,
    sections,
    months: [...byMonth].map(([key, entries]) => {
      const [year, month] = key.split('/').map(Number) as [number, number];
      return { year, month, key, count: entries.length };
    }),
    bySection,
    byTag: groupBy(articles, (entry) => entry.tags.map((tag) => tag.slug)),
    byAuthor: new Map([...authors.keys()].map((slug) => [slug, byAuthor.get(slug) ?? []])),
    byYear: groupBy(articles, (entry) => [monthOf(entry).year]),
    byMonth,
    front: layOutFrontPage(articles, sections, bySection, site.frontPage, now),
    unpublished,
    redirects: redirectsOf(articles),
  };
}

/**
 * The bylines' authors and those with a profile, in slug order: a profile's name is how the site writes its
 * author (whatever the bylines' spellings), and a profile gives its author a page before their first story.
 */
function withProfiles(named: ReadonlyMap<string, Author>, profiles: readonly { slug: string; name: string }[]): Map<string, Author> {
  const authors = new Map(named);
  for (const { slug, name } of profiles) authors.set(slug, { slug, name, count: named.get(slug)?.count ?? 0 });
  return new Map([...authors].sort(([a], [b]) => compareText(a, b)));
}

/**
 * Related and "More in {section}" for every article, ranked in one pass over the published ones, links
 * resolved to entries. Previews rank among all articles, then keep only published links: the lists the
 * article will have.
 */
function relatedLists<A extends ArticleBase>(
  articles: readonly ArticleEntry<A>[],
  unpublished: readonly ArticleEntry<A>[],
  bySlug: ReadonlyMap<string, ArticleEntry<A>>,
  tags: ReadonlyMap<string, Tag>,
  relatedCount: number,
): Newsroom<A>['related'] {
  const rank = (entries: readonly ArticleEntry<A>[]) =>
    computeRelated(
      entries.map(({ article, tags: articleTags }) => ({
        slug: article.slug,
        date: article.date.iso,
        sectionSlug: article.sectionSlug,
        tagSlugs: articleTags.map((t) => t.slug),
        pinned: article.related,
      })),
      relatedCount,
    );
  const isPublished = (slug: string) => bySlug.get(slug)?.status === 'published';
  const resolve = (list: RelatedList) => ({
    related: list.related
      .filter((link) => isPublished(link.slug))
      .map((link) => ({
        entry: bySlug.get(link.slug)!,
        sharedTags: link.sharedTags.map((tagSlug) => tags.get(tagSlug) ?? bySlug.get(link.slug)!.tags.find((t) => t.slug === tagSlug)!),
        pinned: link.pinned,
      })),
    moreInSection: list.moreInSection.filter(isPublished).map((s) => bySlug.get(s)!),
  });
  const related = new Map([...rank(articles)].map(([slug, list]) => [slug, resolve(list)]));
  if (unpublished.length > 0) {
    const previewRanked = rank([...articles, ...unpublished]);
    for (const entry of unpublished) related.set(entry.article.slug, resolve(previewRanked.get(entry.article.slug)!));
  }

  return related;
}

function layOutFrontPage<A extends ArticleBase>(
  articles: readonly ArticleEntry<A>[],
  sections: readonly Section[],
  bySection: ReadonlyMap<string, ArticleEntry<A>[]>,
  counts: SiteConfig['frontPage'],
  now: Date,
): FrontPage<A> {
  // A featured story leads for a while (until its own end, or featuredHours after its date), then takes its
  // place among the others by date. Articles come newest first, and the sort is stable: ties stay newest first.
  const featuredSince = now.getTime() - counts.featuredHours * 3_600_000;
  const featuredNow = ({ article }: ArticleEntry<A>) =>
    article.featured &&
    (article.featuredUntil !== undefined
      ? Date.parse(article.featuredUntil) > now.getTime()
      : Date.parse(article.date.iso) >= featuredSince);
  const featured = articles.filter(featuredNow).sort((a, b) => (b.article.priority ?? 0) - (a.article.priority ?? 0));
  const lead = featured[0] ?? articles[0];
  const isFeatured = new Set(featured);
  const top = [...featured.slice(1), ...articles.filter((entry) => entry !== lead && !isFeatured.has(entry))].slice(0, counts.topStories);
  const above = new Set([lead, ...top]);
  const latest = articles.filter((entry) => !above.has(entry)).slice(0, counts.latest);
  const shown = new Set([lead, ...top, ...latest]);
  return {
    lead,
    top,
    latest,
    sections: sections
      .map((section) => ({
        section,
        entries: (bySection.get(section.slug) ?? []).filter((e) => !shown.has(e)).slice(0, counts.perSection),
      }))
      .filter((block) => block.entries.length > 0),
  };
}

/** The number of section colours the stylesheet defines; sections beyond reuse them in turn. */
const SECTION_COLOURS = 8;

function orderSections(articles: readonly ArticleBase[], configured: readonly string[]): Section[] {
  const counts = new Map<string, Omit<Section, 'colour'>>();
  for (const { sectionSlug, section } of articles) {
    const name = configured.find((n) => toSlug(n) === sectionSlug) ?? section;
    const current = counts.get(sectionSlug) ?? { slug: sectionSlug, name, count: 0 };
    current.count++;
    counts.set(sectionSlug, current);
  }
  const rank = (slug: string) => {
    const i = configured.findIndex((name) => toSlug(name) === slug);
    return i === -1 ? configured.length : i;
  };
  return [...counts.values()]
    .sort((a, b) => rank(a.slug) - rank(b.slug) || compareText(a.name, b.name))
    .map((section, i) => ({ ...section, colour: i % SECTION_COLOURS }));
}

/** Groups entries under each of their keys, keeping the entries' order (newest first). */
function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}
