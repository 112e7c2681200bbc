import { absoluteUrl } from '../lib/urls.ts';

/** The absolute URL of a site path, with the configured origin (`SITE_URL`) and base path (`BASE_PATH`). */
export function siteUrl(path: string): string {
  return absoluteUrl(import.meta.env.SITE!, import.meta.env.BASE_URL, path);
}
