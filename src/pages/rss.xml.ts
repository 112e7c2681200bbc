import type { APIRoute } from 'astro';
import { rssResponse } from '../data/feeds.ts';
import { getNewsroom } from '../data/newsroom.ts';
import { site } from '../site.config.ts';

export const GET: APIRoute = async () => {
  const { articles } = await getNewsroom();
  return rssResponse({ title: site.publisher, description: site.about, scope: { kind: 'site' }, entries: articles });
};
