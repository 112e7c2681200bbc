import { checkedOrigin } from '../setting-checks.ts';
import type { CmsBackend } from './settings.ts';

/**
 * The Content-Security-Policy of the editor at `/admin/`, apart from the site's: the editor is an app that
 * styles itself inline (Svelte) and previews uploads from `blob:` URLs, and it talks to the repository
 * host's API. Its scripts, fonts and configuration are the site's own files: no script from another host,
 * no `'unsafe-eval'` (Sveltia needs none, unlike Decap CMS). Only the host the newsroom configured is allowed.
 */
export function adminCspDirectives(backend: CmsBackend): Record<string, string> {
  const { connect, images } = backendOrigins(backend);
  const list = (...sources: string[]) => sources.join(' ');
  return {
    'default-src': "'self'",
    'script-src': "'self'",
    // Svelte sets styles inline: the editor does not work without it; pages of the site never get it.
    'style-src': "'self' 'unsafe-inline'",
    'img-src': list("'self'", 'blob:', 'data:', ...images),
    'font-src': "'self'",
    'connect-src': list("'self'", 'blob:', 'data:', ...connect),
    'media-src': "'self' blob:",
    'frame-src': 'blob:',
    'worker-src': "'self' blob:",
    'object-src': "'none'",
    'base-uri': "'self'",
    'form-action': "'self'",
    'frame-ancestors': "'none'",
  };
}

/** The editor's policy as a header or `<meta>` value (a `<meta>` cannot carry `frame-ancestors`). */
export function adminContentSecurityPolicy(context: 'header' | 'meta', backend: CmsBackend): string {
  return Object.entries(adminCspDirectives(backend))
    .filter(([name]) => context === 'header' || name !== 'frame-ancestors')
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** The origins the editor talks to (`connect-src`) and shows pictures from (`img-src`) for a repository host. */
export function backendOrigins(backend: CmsBackend): { connect: string[]; images: string[] } {
  const own = [
    ...(backend.apiRoot === undefined ? [] : [checkedOrigin(backend.apiRoot, 'url')]),
    ...(backend.baseUrl === undefined ? [] : [checkedOrigin(backend.baseUrl, 'origin')]),
  ];
  const unique = (origins: string[]) => [...new Set(origins)];
  switch (backend.name) {
    case 'test-repo':
      return { connect: [], images: [] };
    case 'github':
      // A GitHub Enterprise server is its own API, status and avatars; github.com has them on three hosts.
      return backend.apiRoot
        ? { connect: unique(own), images: unique(own) }
        : {
            connect: unique(['https://api.github.com', 'https://www.githubstatus.com', ...own]),
            images: ['https://*.githubusercontent.com'],
          };
    case 'gitlab':
      return backend.apiRoot
        ? { connect: unique(own), images: unique([...own, 'https://secure.gravatar.com']) }
        : {
            connect: unique(['https://gitlab.com', 'https://status-api.hostedstatus.com', ...own]),
            images: ['https://gitlab.com', 'https://secure.gravatar.com'],
          };
    case 'gitea':
      return {
        connect: unique(own.length > 0 ? own : ['https://gitea.com']),
        images: unique(own.length > 0 ? own : ['https://gitea.com']),
      };
  }
}
