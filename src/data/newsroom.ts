import { devProblems } from '../loaders/dev-problems.ts';
import type { Problem } from '../lib/problems.ts';
import { getCollection, type CollectionEntry } from 'astro:content';
import { bodyResolver, type ArticleBody } from './article-bodies.ts';
import { buildListings, type ListingPage } from '../lib/listings.ts';
import { buildNewsroom, type ArticleEntry, type Newsroom } from '../lib/newsroom.ts';
import { buildTime } from '../clock.ts';
import { startTimer } from '../build-timing.ts';
import { site } from '../site.config.ts';

/** A stored article with its sanitised HTML, local links and images resolved: what article pages and feeds render. */
export type Article = CollectionEntry<'articles'>['data'] & ArticleBody;
export type Entry = ArticleEntry<Article>;

let built: Promise<Newsroom<Article>> | undefined;

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
  // Links between articles and pictures beside them are resolved now, not when files are parsed (article-bodies.ts).
  const body = bodyResolver(entries, buildTime(), import.meta.env.DEV);
  const articles = await Promise.all(entries.map(async (entry) => ({ ...entry.data, ...(await body(entry)) })));
  stopBodies();
  const stopNewsroom = startTimer('newsroom');
  const newsroom = buildNewsroom(articles, site, buildTime(), { preview: import.meta.env.DEV });
  stopNewsroom();
  return newsroom;
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
