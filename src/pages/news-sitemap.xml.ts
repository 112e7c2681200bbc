import type { APIRoute } from 'astro';
import { buildTime } from '../build/clock.ts';
import { getNewsroom } from '../data/newsroom.ts';
import { siteUrl } from '../data/site-url.ts';
import { newsSitemap } from '../lib/sitemaps.ts';
import { site } from '../site.config.ts';

export const GET: APIRoute = async () => {
  const { articles } = await getNewsroom();
  const xml = newsSitemap({ entries: articles, now: buildTime(), publication: site.publisher, language: site.locale, url: siteUrl });
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
