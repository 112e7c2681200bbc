import { compareText } from './problems.ts';
import { joinBase } from './urls.ts';

/**
 * Old addresses of published stories, each a redirect to the story's page: in the `_redirects` file that
 * Netlify and Cloudflare Pages answer with a 301, and as a small page at the old address for every other
 * host (a canonical link and an immediate refresh).
 */

/** One old address and where it leads; site paths, below the base path. */
export interface Redirect {
  from: string;
  to: string;
  /** The story's headline, for the redirect page's link. */
  title: string;
}

/** Every published story's former addresses, sorted by address (the checks across files made them unique). */
export function redirectsOf(
  entries: readonly { path: string; article: { title: string; formerUrls?: readonly { path: string }[] } }[],
): Redirect[] {
  return entries
    .flatMap(({ path, article }) => (article.formerUrls ?? []).map((former) => ({ from: former.path, to: path, title: article.title })))
    .sort((a, b) => compareText(a.from, b.from));
}

/** A site path as a URL path: each segment percent-encoded as a browser sends it (`/café/` → `/caf%C3%A9/`). */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** The `_redirects` file: one permanent redirect a line, under the base path. */
export function redirectsFile(redirects: readonly Redirect[], base: string): string {
  const lines = redirects.map(({ from, to }) => `${encodePath(joinBase(base, from))} ${encodePath(joinBase(base, to))} 301`);
  return `# Old addresses of stories (formerUrls, formerSlugs): written by the build.\n${lines.join('\n')}\n`;
}

/** Where the redirect page of an old address is written in the output: `2019/x.html`, or `world/old/index.html`. */
export function redirectPageFile(from: string): string {
  const path = from.slice(1);
  return path.endsWith('/') ? `${path}index.html` : path;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * The page at an old address, for hosts without `_redirects`: the browser goes on at once (a refresh, no
 * script), search engines take the canonical link, and a reader whose browser does neither has the link.
 * Under the site's policy, like every page (its `<meta>` form, for hosts that send no headers).
 */
export function redirectPage(
  redirect: Redirect,
  options: { base: string; siteUrl: string; lang: string; movedTo: string; contentSecurityPolicy: string },
): string {
  const local = encodePath(joinBase(options.base, redirect.to));
  const canonical = new URL(local, options.siteUrl).href;
  const title = escape(redirect.title);
  return [
    '<!DOCTYPE html>',
    `<html lang="${escape(options.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escape(options.contentSecurityPolicy)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<link rel="canonical" href="${escape(canonical)}">`,
    '<meta name="robots" content="noindex">',
    `<meta http-equiv="refresh" content="0; url=${escape(local)}">`,
    '</head>',
    '<body>',
    `<p>${escape(options.movedTo)} <a href="${escape(local)}">${title}</a></p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
