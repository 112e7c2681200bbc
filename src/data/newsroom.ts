import { getCollection, type CollectionEntry } from 'astro:content';
import { buildListings, type ListingPage } from '../lib/listings.ts';
import { buildNewsroom, type ArticleEntry, type Newsroom } from '../lib/newsroom.ts';
import { buildTime } from '../clock.ts';
import { site } from '../site.config.ts';

/** A stored article with its sanitised HTML: what article pages render. */
export type Article = CollectionEntry<'articles'>['data'] & { html: string };
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
  const entries = await getCollection('articles');
  const articles = entries.map((entry) => ({ ...entry.data, html: entry.rendered?.html ?? '' }));
  return buildNewsroom(articles, site, buildTime());
}

/** Every paginated list page (sections, tags, authors, archive), from the same newsroom. */
export async function getListings(): Promise<ListingPage<Article>[]> {
  return buildListings(await getNewsroom(), site.pageSize);
}
