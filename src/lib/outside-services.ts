import { addressProblem, checkedOrigin, isRecord, oneLine, shown, unknownKeyProblems, type AddressForm } from './setting-checks.ts';
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

/** The origins the services add to each directive, in the order given, each once, as browsers write them. */
export function serviceSources(services: readonly OutsideService[]): Map<string, string[]> {
  const sources = new Map<string, string[]>();
  const add = (directive: string, origin: string) => {
    const list = sources.get(directive) ?? [];
    if (!list.includes(origin)) sources.set(directive, [...list, origin]);
  };
  for (const service of services) {
    if (service.script !== undefined) add(SERVICE_DIRECTIVES.script, checkedOrigin(service.script, 'url'));
    for (const kind of ORIGIN_KINDS)
      for (const origin of service[kind] ?? []) add(SERVICE_DIRECTIVES[kind], checkedOrigin(origin, 'origin'));
  }
  return sources;
}

/** The keys of a service that list origins. */
const ORIGIN_KINDS = ['connect', 'forms', 'frames', 'images'] as const;

/** The keys a service may have. */
const SERVICE_KEYS = ['name', 'pages', 'script', ...ORIGIN_KINDS];

/**
 * What is wrong with the declared services, one line each, for the settings check. The settings file is
 * TypeScript but SITE_SERVICES is JSON, so every value's type is checked here too.
 */
export function serviceProblems(services: readonly OutsideService[], siteUrl: string): string[] {
  if (!Array.isArray(services))
    return [
      `services: ${shown(services)} must be a list of services (e.g. [{ name: 'Stats', pages: 'all', script: 'https://stats.example.org/s.js' }])`,
    ];
  const own = URL.canParse(siteUrl) ? new URL(siteUrl).origin : undefined;
  return services.flatMap((service: unknown, i) => oneServiceProblems(service, `services[${i}]`, own));
}

/** What is wrong with one service. */
function oneServiceProblems(service: unknown, at: string, own: string | undefined): string[] {
  if (!isRecord(service))
    return [`${at}: ${shown(service)} must be a service (e.g. { name: 'Stats', pages: 'all', script: 'https://stats.example.org/s.js' })`];
  const { name, pages, script } = service;
  const where = `${at} (${typeof name === 'string' && name.trim() ? oneLine(name) : 'no name'})`;
  const problems = unknownKeyProblems(where, service, SERVICE_KEYS);
  if (name === undefined || (typeof name === 'string' && !name.trim()))
    problems.push(`${where}: give it a name (e.g. name: 'Plausible analytics')`);
  else if (typeof name !== 'string') problems.push(`${where} name: ${shown(name)} must be text (e.g. name: 'Plausible analytics')`);
  problems.push(...pagesProblems(pages, where));
  const address = (key: string, value: unknown, form: AddressForm, example: string) => {
    const problem = addressProblem(value, form, example);
    if (problem) problems.push(`${where} ${key}: ${problem}`);
    // The policy allows its own origin already; listing it would say a service needs what every page has.
    else if (new URL(value as string).origin === own)
      problems.push(`${where} ${key}: ${shown(value)} is the site's own origin, which the policy allows already`);
  };
  if (script !== undefined) address('script', script, 'url', 'https://stats.example.org/js/script.js');
  for (const kind of ORIGIN_KINDS) {
    const list = service[kind];
    if (list === undefined) continue;
    if (!Array.isArray(list))
      problems.push(`${where} ${kind}: ${shown(list)} must be a list of origins (e.g. ['https://stats.example.org'])`);
    else for (const value of list as unknown[]) address(kind, value, 'origin', 'https://stats.example.org');
  }
  if (
    script === undefined &&
    ORIGIN_KINDS.every((kind) => service[kind] === undefined || (Array.isArray(service[kind]) && service[kind].length === 0))
  )
    problems.push(`${where}: it allows nothing (give a script, or connect, forms, frames or images origins)`);
  return problems;
}

/** `pages` is 'all', 'articles' or a list of at least one site path. */
function pagesProblems(pages: unknown, where: string): string[] {
  if (pages === 'all' || pages === 'articles') return [];
  if (Array.isArray(pages) && pages.length === 0)
    return [
      `${where}: pages is an empty list, so the service would be on no page (list site paths such as ['/about/'], or write 'all' or 'articles')`,
    ];
  if (Array.isArray(pages) && pages.every((p) => typeof p === 'string' && /^\/([^/?#\s]+\/)*$/.test(p))) return [];
  return [`${where}: pages must be 'all', 'articles' or a list of site paths (e.g. ['/about/'])`];
}
