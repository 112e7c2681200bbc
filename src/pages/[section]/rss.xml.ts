import type { APIRoute, GetStaticPaths } from 'astro';
import { rssResponse } from '../../data/feeds.ts';
import { getNewsroom, type Entry } from '../../data/newsroom.ts';
import { getPageKeys } from '../../data/page-keys.ts';
import { site } from '../../site.config.ts';

export const getStaticPaths = (async () => {
  const { sections, bySection } = await getNewsroom();
  const keys = await getPageKeys();
  return sections.map((section) => {
    const entries = bySection.get(section.slug)!;
    return { params: { section: section.slug }, props: { name: section.name, entries }, cacheKey: keys.feed(section.name, entries) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string; entries: Entry[] }> = ({ props }) =>
  rssResponse({ title: `${props.name} | ${site.publisher}`, description: `${site.publisher}: ${props.name}`, entries: props.entries });
