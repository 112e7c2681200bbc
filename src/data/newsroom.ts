import { existsSync } from 'node:fs';
import path from 'node:path';
import { devProblems } from '../build/dev-problems.ts';
import { contentFolder } from '../build/build-paths.ts';
import { PROFILES_FOLDER } from '../lib/author/profile-schema.ts';
import type { Problem } from '../lib/problems.ts';
import { getCollection, type CollectionEntry } from 'astro:content';
import { bodyResolver, type ArticleBody, type BodyResolver } from './article-bodies.ts';
import { buildListings, type ListingPage } from '../lib/listings.ts';
import { buildNewsroom, type ArticleEntry, type Newsroom } from '../lib/newsroom.ts';
import { buildTime } from '../build/clock.ts';
import { startTimer } from '../build/build-timing.ts';
import { site } from '../site.config.ts';

/**
 * A stored article as the site's lists know it. Its body is not held here but resolved when its page or a
 * feed renders it (`articleHtml`, `withFeedBodies`); `bodyKey` stands for it in page keys.
 */
export type Article = CollectionEntry<'articles'>['data'] & {
  /** With the stored entry's digest, what the resolved body depends on: the same key, the same body. */
  bodyKey: string;
};
export type Entry = ArticleEntry<Article>;
/** An author profile (`content/authors/`), its portrait an optimisable picture. */
export type Profile = CollectionEntry<'authors'>['data'];

let built: Promise<Newsroom<Article>> | undefined;
let profiles: Promise<Map<string, Profile>> | undefined;
/**
 * The stored entry behind each article and the resolver of its newsroom, for the pages that show bodies
 * (in `astro dev` every request loads a newsroom of its own; old ones are let go with their articles).
 */
const bodies = new WeakMap<Article, { resolver: BodyResolver; stored: CollectionEntry<'articles'> }>();

/**
 * The only module that queries the content collection. The newsroom (published articles, tags, sections,
 * Related lists) is computed once per build and shared by every page; in `astro dev` it is recomputed per
 * request so edits show up.
 */
export function getNewsroom(): Promise<Newsroom<Article>> {
  if (!built || import.meta.env.DEV) built = load();
  return built;
}

async function load(): Promise<Newsroom<Article>> {
  const stopBodies = startTimer('bodies');
  const entries = await getCollection('articles');
  // Links between articles and pictures beside them are resolved when pages render, not when files are
  // parsed (article-bodies.ts).
  const resolver = bodyResolver(entries, buildTime(), import.meta.env.DEV);
  const articles = entries.map((entry) => {
    const article: Article = { ...entry.data, bodyKey: `${String(entry.digest)} ${resolver.key(entry)}` };
    bodies.set(article, { resolver, stored: entry });
    return article;
  });
  stopBodies();
  const stopNewsroom = startTimer('newsroom');
  const newsroom = buildNewsroom(articles, site, buildTime(), {
    preview: import.meta.env.DEV,
    profiles: [...(await getProfiles()).values()],
  });
  stopNewsroom();
  return newsroom;
}

/** Author profiles by slug (the author page's): read once per build, per request in `astro dev`. */
export function getProfiles(): Promise<Map<string, Profile>> {
  // Astro warns of an empty collection: a newsroom without profiles is not asked for them.
  const none = !existsSync(path.join(contentFolder(), PROFILES_FOLDER));
  if (!profiles || import.meta.env.DEV)
    profiles = none
      ? Promise.resolve(new Map())
      : getCollection('authors').then((entries) => new Map(entries.map((entry) => [entry.data.slug, entry.data])));
  return profiles;
}

/** An article's body as its page shows it. */
export function articleHtml(entry: Entry): Promise<string> {
  const { resolver, stored } = bodies.get(entry.article)!;
  return resolver.html(stored);
}

/** The newest `count` entries with their bodies as feeds carry them (a feed shows no more). */
export function withFeedBodies(entries: readonly Entry[], count: number): Promise<ArticleEntry<Article & Pick<ArticleBody, 'feedHtml'>>[]> {
  return Promise.all(
    entries.slice(0, count).map(async (entry) => {
      const { resolver, stored } = bodies.get(entry.article)!;
      return { ...entry, article: { ...entry.article, feedHtml: await resolver.feedHtml(stored) } };
    }),
  );
}

/** Every paginated list page (sections, tags, authors, archive), from the same newsroom. */
export async function getListings(): Promise<ListingPage<Article>[]> {
  return buildListings(await getNewsroom(), site.pageSize);
}

/**
 * Files the dev server left out because they have errors, for the panel every page shows in `astro dev`.
 * Always empty in a build, which stops on errors instead.
 */
export function getContentProblems(): readonly Problem[] {
  return import.meta.env.DEV ? devProblems() : [];
}
