import { absoluteUrl, joinBase } from '../lib/urls.ts';

/** A site path as a link on the site's pages: under the configured base path (`/news/world/`). */
export function href(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** The absolute URL of a site path, with the configured origin (`SITE_URL`) and base path (`BASE_PATH`). */
export function siteUrl(path: string): string {
  return absoluteUrl(import.meta.env.SITE!, import.meta.env.BASE_URL, path);
}
