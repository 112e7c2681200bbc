import type { APIRoute, GetStaticPaths } from 'astro';
import { rssResponse } from '../../data/feeds.ts';
import { getNewsroom, type Entry } from '../../data/newsroom.ts';
import { site } from '../../site.config.ts';

export const getStaticPaths = (async () => {
  const { sections, bySection } = await getNewsroom();
  return sections.map((section) => ({
    params: { section: section.slug },
    props: { name: section.name, entries: bySection.get(section.slug)! },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string; entries: Entry[] }> = ({ props }) =>
  rssResponse({ title: `${props.name} | ${site.publisher}`, description: `${site.publisher}: ${props.name}`, entries: props.entries });
