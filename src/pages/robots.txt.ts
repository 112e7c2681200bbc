import type { APIRoute } from 'astro';
import { siteUrl } from '../data/site-url.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${siteUrl('/sitemap-index.xml')}\nSitemap: ${siteUrl('/news-sitemap.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
