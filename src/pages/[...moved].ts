// Stories' old addresses (src/lib/redirects.ts): the `_redirects` file, and a page at each old address for
// hosts without one (unless `redirectPages` is off).
import { hash } from 'node:crypto';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getNewsroom } from '../data/newsroom.ts';
import { t } from '../i18n/t.ts';
import { redirectPage, redirectPageFile, redirectsFile } from '../lib/redirects.ts';
import { contentSecurityPolicy as policy } from '../lib/security-headers.ts';
import { site } from '../site.config.ts';

export const getStaticPaths = (async () => {
  const { redirects } = await getNewsroom();
  const base = import.meta.env.BASE_URL;
  const contentSecurityPolicy = policy('meta', site.embedHosts);
  const options = { base, siteUrl: import.meta.env.SITE!, lang: site.locale, movedTo: t.movedTo, contentSecurityPolicy };
  const file = (moved: string, body: string, type: string) => ({
    params: { moved },
    props: { body, type },
    // The file is its own key: an unchanged one is kept from the last build (lib/page-keys.ts).
    cacheKey: hash('sha256', body),
  });
  return [
    file('_redirects', redirectsFile(redirects, base), 'text/plain; charset=utf-8'),
    ...(site.redirectPages ? redirects : []).map((redirect) =>
      file(redirectPageFile(redirect.from), redirectPage(redirect, options), 'text/html; charset=utf-8'),
    ),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string; type: string }> = ({ props }) =>
  new Response(props.body, { headers: { 'Content-Type': props.type } });
