import type { APIRoute, GetStaticPaths } from 'astro';
import { listFeedPaths, listFeedResponse, type ListFeed } from '../../../data/feeds.ts';
import { getNewsroom } from '../../../data/newsroom.ts';

export const getStaticPaths = (async () => {
  const { tags, byTag } = await getNewsroom();
  return listFeedPaths('tag', tags.values(), byTag);
}) satisfies GetStaticPaths;

export const GET: APIRoute<ListFeed> = ({ props }) => listFeedResponse(props);
