import { adminContentSecurityPolicy } from './cms/policy.ts';
import type { CmsSettings } from './cms/settings.ts';
import { serviceSources, type OutsideService } from './outside-services.ts';
import { ADMIN_FOLDER } from './urls.ts';

/**
 * The Content-Security-Policy the site is built to work under, and the other security headers, in one
 * place: the `_headers` file (Netlify, Cloudflare Pages) and the `<meta>` fallback for hosts that cannot
 * send headers (GitHub Pages) are both written from here.
 *
 * Pages load only their own stylesheet, images and fonts; only the search page runs a script (its own
 * file, and Pagefind's WebAssembly); frames only from the embed hosts the newsroom lists (none: no frame at
 * all); nothing submits a form anywhere else. JSON-LD blocks are data, which CSP does not execute.
 */
export function cspDirectives(embedHosts: readonly string[], services: readonly OutsideService[] = []): Record<string, string> {
  const directives: Record<string, string> = {
    'default-src': "'self'",
    // 'wasm-unsafe-eval' lets the search page's Pagefind run its WebAssembly; it allows no JavaScript eval.
    'script-src': "'self' 'wasm-unsafe-eval'",
    'style-src': "'self'",
    'img-src': "'self' data:",
    'font-src': "'self'",
    'connect-src': "'self'",
    'object-src': "'none'",
    'frame-src': embedHosts.length > 0 ? embedHosts.map((host) => `https://${host}`).join(' ') : "'none'",
    'base-uri': "'none'",
    'form-action': "'self'",
    'frame-ancestors': "'none'",
  };
  for (const [directive, origins] of serviceSources(services)) {
    const own = directives[directive] === "'none'" ? [] : [directives[directive]];
    directives[directive] = [...own, ...origins].join(' ');
  }
  return directives;
}

/** Directives a `<meta>` policy cannot carry (browsers ignore them there). */
const HEADER_ONLY = new Set(['frame-ancestors']);

/** The policy as a header or `<meta>` value, with the origins of the services given (those of the page, for a `<meta>`). */
export function contentSecurityPolicy(
  context: 'header' | 'meta',
  embedHosts: readonly string[],
  services: readonly OutsideService[] = [],
): string {
  return Object.entries(cspDirectives(embedHosts, services))
    .filter(([name]) => context === 'header' || !HEADER_ONLY.has(name))
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** Where the file is served: Cloudflare Pages (and hosts that read its syntax) or Netlify. */
export interface HeadersOptions {
  /** The editor's setting: with one, `/admin/` gets a rule of its own. */
  cms?: CmsSettings | false;
  /** Netlify's parser does not know Cloudflare's `! Name` lines; there a later rule's header replaces the site's anyway. */
  netlify?: boolean;
}

/**
 * A Netlify / Cloudflare Pages `_headers` file for every path of the site. Its policy allows every declared
 * service; each page's `<meta>` policy allows only the services that page uses, and a browser enforces
 * both, so a page's effective policy is its own (one rule, where per-page rules would repeat for every page).
 */
export function headersFile(
  base: string,
  embedHosts: readonly string[],
  services: readonly OutsideService[] = [],
  options: HeadersOptions = {},
): string {
  return [
    `${base}*`,
    `  Content-Security-Policy: ${contentSecurityPolicy('header', embedHosts, services)}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()',
    '  Cross-Origin-Opener-Policy: same-origin',
    '',
    `${base}_astro/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    '',
    ...(options.cms ? adminRule(base, options.cms, options.netlify ?? false) : []),
  ].join('\n');
}

/**
 * The editor's rule, after the site's: its own policy instead of the site's (Cloudflare Pages would join
 * the two, and the site's `style-src 'self'` stops the editor, so `!` detaches the inherited value first),
 * an opener policy that lets an OAuth sign-in window report back, and no indexing.
 */
function adminRule(base: string, cms: CmsSettings, netlify: boolean): string[] {
  return [
    `${base}${ADMIN_FOLDER}/*`,
    ...(netlify ? [] : ['  ! Content-Security-Policy', '  ! Cross-Origin-Opener-Policy']),
    `  Content-Security-Policy: ${adminContentSecurityPolicy('header', cms.backend)}`,
    '  Cross-Origin-Opener-Policy: same-origin-allow-popups',
    '  X-Robots-Tag: noindex',
    '',
  ];
}
