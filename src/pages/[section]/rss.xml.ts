import type { APIRoute, GetStaticPaths } from 'astro';
import { listFeedPaths, listFeedResponse, type ListFeed } from '../../data/feeds.ts';
import { getNewsroom } from '../../data/newsroom.ts';

export const getStaticPaths = (async () => {
  const { sections, bySection } = await getNewsroom();
  return listFeedPaths('section', sections, bySection);
}) satisfies GetStaticPaths;

export const GET: APIRoute<ListFeed> = ({ props }) => listFeedResponse(props);
