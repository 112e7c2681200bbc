import type { APIRoute, GetStaticPaths } from 'astro';
import { rssResponse } from '../../../data/feeds.ts';
import { getNewsroom, type Entry } from '../../../data/newsroom.ts';
import { site } from '../../../site.config.ts';

export const getStaticPaths = (async () => {
  const { tags, byTag } = await getNewsroom();
  return [...tags.values()].map((tag) => ({ params: { tag: tag.slug }, props: { name: tag.name, entries: byTag.get(tag.slug)! } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string; entries: Entry[] }> = ({ props }) =>
  rssResponse({ title: `${props.name} | ${site.publisher}`, description: `${site.publisher}: ${props.name}`, entries: props.entries });
