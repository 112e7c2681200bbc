import type { APIRoute, GetStaticPaths } from 'astro';
import { rssResponse } from '../../../data/feeds.ts';
import { getNewsroom, type Entry } from '../../../data/newsroom.ts';
import { getPageKeys } from '../../../data/page-keys.ts';
import { site } from '../../../site.config.ts';

// One feed per author: a reader can follow a correspondent, as they follow a section or a tag.
export const getStaticPaths = (async () => {
  const { authors, byAuthor } = await getNewsroom();
  const keys = await getPageKeys();
  return [...authors.values()].map((author) => {
    const entries = byAuthor.get(author.slug)!;
    return { params: { author: author.slug }, props: { name: author.name, entries }, cacheKey: keys.feed(author.name, entries) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string; entries: Entry[] }> = ({ props }) =>
  rssResponse({ title: `${props.name} | ${site.publisher}`, description: `${site.publisher}: ${props.name}`, entries: props.entries });
