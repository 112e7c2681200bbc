import { isArticlePath } from './urls.ts';

/**
 * Services a newsroom runs on other hosts (analytics, a newsletter sign-up, comments), declared in one
 * place (`services` in src/site.config.ts). Each names the pages that use it; only those pages load its
 * script and allow its hosts in their Content-Security-Policy. With none (the default), no page loads or
 * contacts anything on another host.
 */
export interface OutsideService {
  /** What it is, for the reader of the settings and the build's messages: "Plausible analytics". */
  name: string;
  /** The pages that use it: every page, the article pages, or these site paths (`/about/`). */
  pages: 'all' | 'articles' | readonly string[];
  /** A script those pages load, deferred (`https://stats.example.org/js/script.js`): its origin may run script there. */
  script?: string;
  /** Origins those pages may send data to with fetch or beacons (an analytics endpoint): `connect-src`. */
  connect?: readonly string[];
  /** Origins a form on those pages may submit to (a newsletter sign-up): `form-action`. */
  forms?: readonly string[];
  /** Origins those pages may show in a frame (a comments widget): `frame-src`. */
  frames?: readonly string[];
  /** Origins those pages may load pictures from (avatars, a counter's pixel): `img-src`. */
  images?: readonly string[];
}

/** The policy directives each kind of origin goes to. */
export const SERVICE_DIRECTIVES = {
  script: 'script-src',
  connect: 'connect-src',
  forms: 'form-action',
  frames: 'frame-src',
  images: 'img-src',
} as const;

/** The services a page uses, by its path below the base (`world/a/`, '' for the front page). */
export function servicesFor(sitePath: string, services: readonly OutsideService[]): OutsideService[] {
  const path = `/${sitePath.replace(/^\/+/, '')}`;
  return services.filter(({ pages }) =>
    pages === 'all' ? true : pages === 'articles' ? isArticlePath(path.slice(1)) : pages.includes(path),
  );
}

/** The origins the services add to each directive, in the order given, each once. */
export function serviceSources(services: readonly OutsideService[]): Map<string, string[]> {
  const sources = new Map<string, string[]>();
  const add = (directive: string, origin: string) => {
    const list = sources.get(directive) ?? [];
    if (!list.includes(origin)) sources.set(directive, [...list, origin]);
  };
  for (const service of services) {
    if (service.script) add(SERVICE_DIRECTIVES.script, new URL(service.script).origin);
    for (const kind of ['connect', 'forms', 'frames', 'images'] as const)
      for (const origin of service[kind] ?? []) add(SERVICE_DIRECTIVES[kind], origin);
  }
  return sources;
}

/** What is wrong with the declared services, one line each, for the settings check. */
export function serviceProblems(services: readonly OutsideService[], siteUrl: string): string[] {
  const problems: string[] = [];
  const own = URL.canParse(siteUrl) ? new URL(siteUrl).origin : undefined;
  const origin = (where: string, value: string, withPath: boolean) => {
    if (!URL.canParse(value) || new URL(value).protocol !== 'https:') {
      problems.push(`${where}: "${value}" is not an https address (e.g. https://stats.example.org${withPath ? '/js/script.js' : ''})`);
      return;
    }
    const url = new URL(value);
    if (!withPath && (url.pathname !== '/' || url.search || url.hash || url.username))
      problems.push(`${where}: "${value}" must be an origin only, without a path (e.g. ${url.origin})`);
    else if (url.origin === own) problems.push(`${where}: "${value}" is the site's own origin, which the policy allows already`);
  };
  for (const [i, service] of services.entries()) {
    const where = `services[${i}] (${service.name || 'no name'})`;
    if (!service.name?.trim()) problems.push(`${where}: give it a name (e.g. name: 'Plausible analytics')`);
    const { pages } = service;
    if (pages !== 'all' && pages !== 'articles' && !(Array.isArray(pages) && pages.every((p) => /^\/([^/?#\s]+\/)*$/.test(p))))
      problems.push(`${where}: pages must be 'all', 'articles' or a list of site paths (e.g. ['/about/'])`);
    if (service.script !== undefined) origin(`${where} script`, service.script, true);
    for (const kind of ['connect', 'forms', 'frames', 'images'] as const)
      for (const value of service[kind] ?? []) origin(`${where} ${kind}`, value, false);
    if (!service.script && !['connect', 'forms', 'frames', 'images'].some((kind) => service[kind as 'connect']?.length))
      problems.push(`${where}: it allows nothing (give a script, or connect, forms, frames or images origins)`);
  }
  return problems;
}
