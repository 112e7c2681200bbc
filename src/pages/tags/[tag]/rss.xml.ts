import type { APIRoute, GetStaticPaths } from 'astro';
import { rssResponse } from '../../../data/feeds.ts';
import { getNewsroom, type Entry } from '../../../data/newsroom.ts';
import { getPageKeys } from '../../../data/page-keys.ts';
import { site } from '../../../site.config.ts';

export const getStaticPaths = (async () => {
  const { tags, byTag } = await getNewsroom();
  const keys = await getPageKeys();
  return [...tags.values()].map((tag) => {
    const entries = byTag.get(tag.slug)!;
    return { params: { tag: tag.slug }, props: { name: tag.name, entries }, cacheKey: keys.feed(tag.name, entries) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string; entries: Entry[] }> = ({ props }) =>
  rssResponse({ title: `${props.name} | ${site.publisher}`, description: `${site.publisher}: ${props.name}`, entries: props.entries });
