import type { APIRoute, GetStaticPaths } from 'astro';
import { listFeedPaths, listFeedResponse, type ListFeed } from '../../../data/feeds.ts';
import { getNewsroom } from '../../../data/newsroom.ts';

// One feed per author: a reader can follow a correspondent, as they follow a section or a tag.
export const getStaticPaths = (async () => {
  const { authors, byAuthor } = await getNewsroom();
  return listFeedPaths('author', authors.values(), byAuthor);
}) satisfies GetStaticPaths;

export const GET: APIRoute<ListFeed> = ({ props }) => listFeedResponse(props);
