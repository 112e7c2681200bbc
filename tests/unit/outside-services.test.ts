import { describe, expect, it } from 'vitest';
import { serviceProblems, servicesFor, serviceSources, type OutsideService } from '../../src/lib/outside-services.ts';
import { contentSecurityPolicy, cspDirectives, headersFile } from '../../src/lib/security-headers.ts';
import { checkSiteConfig, servicesFromEnvironment } from '../../src/lib/site-config.ts';
import { testSite } from './support/site-config.ts';

const analytics: OutsideService = {
  name: 'Plausible analytics',
  pages: 'all',
  script: 'https://stats.example.org/js/script.js',
  connect: ['https://stats.example.org'],
};
const comments: OutsideService = { name: 'Comments', pages: 'articles', frames: ['https://comments.example.net'] };
const newsletter: OutsideService = { name: 'Newsletter', pages: ['/about/'], forms: ['https://list.example.com'] };
const services = [analytics, comments, newsletter];

describe('outside services', () => {
  it('should give each page the services that name it: all pages, article pages, or listed paths', () => {
    const names = (path: string) => servicesFor(path, services).map((s) => s.name);
    expect(names('')).toEqual(['Plausible analytics']);
    expect(names('world/a/')).toEqual(['Plausible analytics', 'Comments']);
    expect(names('tags/x/')).toEqual(['Plausible analytics']);
    expect(names('about/')).toEqual(['Plausible analytics', 'Newsletter']);
  });

  it("should add each service's origins to its directives only, once each", () => {
    expect([...serviceSources([analytics, analytics, comments])]).toEqual([
      ['script-src', ['https://stats.example.org']],
      ['connect-src', ['https://stats.example.org']],
      ['frame-src', ['https://comments.example.net']],
    ]);
  });

  it("should allow a page's services in its policy and leave every other directive, and every other page's policy, as it was", () => {
    const strict = cspDirectives([]);
    const withComments = cspDirectives([], [comments]);
    expect(withComments['frame-src']).toBe('https://comments.example.net');
    expect({ ...withComments, 'frame-src': strict['frame-src'] }).toEqual(strict);
    expect(cspDirectives(['www.youtube-nocookie.com'], [comments])['frame-src']).toBe(
      'https://www.youtube-nocookie.com https://comments.example.net',
    );
    expect(cspDirectives([], [analytics])['script-src']).toBe("'self' 'wasm-unsafe-eval' https://stats.example.org");
    expect(contentSecurityPolicy('meta', [], [])).toBe(contentSecurityPolicy('meta', []));
  });

  it("should put every service in the _headers policy, which each page's own <meta> policy narrows", () => {
    const file = headersFile('/', [], services);
    expect(file).toContain("form-action 'self' https://list.example.com");
    expect(file).toContain('frame-src https://comments.example.net');
    expect(headersFile('/', [])).not.toContain('example');
  });

  it('should refuse services that are not https origins, allow nothing, or name pages wrongly, one line each', () => {
    expect(serviceProblems(services, 'https://news.example.org')).toEqual([]);
    expect(
      serviceProblems(
        [
          { name: 'A', pages: 'all', script: 'http://stats.example.org/s.js' },
          { name: 'B', pages: 'all', connect: ['https://stats.example.org/api'] },
          { name: 'C', pages: ['about'], images: ['https://news.example.org'] },
          { name: '', pages: 'all' },
        ],
        'https://news.example.org',
      ),
    ).toEqual([
      'services[0] (A) script: "http://stats.example.org/s.js" is not an https address (e.g. https://stats.example.org/js/script.js)',
      'services[1] (B) connect: "https://stats.example.org/api" must be an origin only, without a path (e.g. https://stats.example.org)',
      "services[2] (C): pages must be 'all', 'articles' or a list of site paths (e.g. ['/about/'])",
      'services[2] (C) images: "https://news.example.org" is the site\'s own origin, which the policy allows already',
      "services[3] (no name): give it a name (e.g. name: 'Plausible analytics')",
      'services[3] (no name): it allows nothing (give a script, or connect, forms, frames or images origins)',
    ]);
  });

  it('should refuse an origin that would add a directive or split the headers file, naming the value on one line', () => {
    const problems = serviceProblems([{ name: 'X', pages: 'all', connect: ['https://a.org;\nbase-uri\t*'] }], 'https://news.example.org');
    expect(problems).toEqual([
      'services[0] (X) connect: "https://a.org;\\nbase-uri\\t*" must name one host in letters, digits, dots and hyphens, without a wildcard, space, quote, ; or , (e.g. https://stats.example.org)',
    ]);
    for (const value of ['https://a.org,https://b.org', "https://a.org'", 'https://a.org"', 'https://a .org', 'https://a.org\u2028'])
      expect(serviceProblems([{ name: 'X', pages: 'all', images: [value] }], ''), value).toHaveLength(1);
    // The policy is written only from checked values: one that skipped the check stops the build.
    expect(() => headersFile('/', [], [{ name: 'X', pages: 'all', connect: ['https://a.org;\nbase-uri\t*'] }])).toThrow(
      /must name one host/,
    );
  });

  it('should refuse wildcards in an origin or in the host of a script', () => {
    expect(
      serviceProblems(
        [
          { name: 'A', pages: 'all', frames: ['https://*.example.org'] },
          { name: 'B', pages: 'all', script: 'https://*/s.js' },
          { name: 'C', pages: 'all', connect: ['https://*'] },
        ],
        '',
      ),
    ).toEqual([
      'services[0] (A) frames: "https://*.example.org" must name one host in letters, digits, dots and hyphens, without a wildcard, space, quote, ; or , (e.g. https://stats.example.org)',
      'services[1] (B) script: "https://*/s.js" must name one host in letters, digits, dots and hyphens, without a wildcard, space, quote, ; or , (e.g. https://stats.example.org/js/script.js)',
      'services[2] (C) connect: "https://*" must name one host in letters, digits, dots and hyphens, without a wildcard, space, quote, ; or , (e.g. https://stats.example.org)',
    ]);
  });

  it('should accept an origin only as browsers write it, and write that origin into the policy', () => {
    const written = (value: string) => serviceProblems([{ name: 'X', pages: 'all', connect: [value] }], '');
    for (const good of [
      'https://stats.example.org',
      'https://stats.example.org/',
      'https://stats.example.org:8443',
      'https://xn--bcher-kva.de',
    ])
      expect(written(good), good).toEqual([]);
    expect(written('https://Stats.example.org')).toEqual([
      'services[0] (X) connect: "https://Stats.example.org" must be written as browsers read it: https://stats.example.org',
    ]);
    expect(written('https://stats.example.org:443')[0]).toMatch(/must be written as browsers read it: https:\/\/stats.example.org$/);
    expect(written('https://bücher.de')[0]).toMatch(/must be written as browsers read it: https:\/\/xn--bcher-kva.de$/);
    expect(written('https://user@stats.example.org')[0]).toMatch(/must be an origin only, without a path/);
    expect([...serviceSources([{ name: 'X', pages: 'all', connect: ['https://stats.example.org/'] }])]).toEqual([
      ['connect-src', ['https://stats.example.org']],
    ]);
  });

  it('should refuse a script address with a space, a quote or a control character, or not written as browsers read it', () => {
    const script = (value: string) => serviceProblems([{ name: 'S', pages: 'all', script: value }], '');
    expect(script('https://s.example.org/js/script.js?v=1;2')).toEqual([]);
    for (const bad of [
      'https://s.example.org/s.js"onload="x',
      'https://s.example.org/a b.js',
      'https://s.example.org/s.js\n',
      "https://s.example.org/s'.js",
    ])
      expect(script(bad)[0], bad).toMatch(/must name one host in letters, digits, dots and hyphens, without a wildcard, space, quote/);
    expect(script('https://S.example.org/s.js')).toEqual([
      'services[0] (S) script: "https://S.example.org/s.js" must be written as browsers read it: https://s.example.org/s.js',
    ]);
  });

  it('should show a long or multi-line value shortened and on one line', () => {
    const [problem] = serviceProblems([{ name: 'Line\nbreak', pages: 'all', images: [`https://${'a'.repeat(200)}.org/\n`] }], '');
    expect(problem).not.toContain('\n');
    expect(problem).toMatch(/^services\[0\] \(Line\\nbreak\) images: "https:\/\/a{72}…" must name one host/);
  });

  it('should say what is expected of a value of the wrong type, never fail on it', () => {
    const problems = (services: unknown) => serviceProblems(services as OutsideService[], 'https://news.example.org');
    expect(problems([{ name: 5, pages: 'all', script: 'https://s.example.org/s.js' }])).toEqual([
      "services[0] (no name) name: 5 must be text (e.g. name: 'Plausible analytics')",
    ]);
    expect(problems([{ name: 'A', pages: 'all', script: 5, connect: 'https://x.org', images: [7] }])).toEqual([
      'services[0] (A) script: 5 is not an https address (e.g. https://stats.example.org/js/script.js)',
      'services[0] (A) connect: "https://x.org" must be a list of origins (e.g. [\'https://stats.example.org\'])',
      'services[0] (A) images: 7 is not an https address (e.g. https://stats.example.org)',
    ]);
    expect(problems([{ name: 'A', pages: [5], connect: ['https://x.org'] }, 'Stats', null])).toEqual([
      "services[0] (A): pages must be 'all', 'articles' or a list of site paths (e.g. ['/about/'])",
      "services[1]: \"Stats\" must be a service (e.g. { name: 'Stats', pages: 'all', script: 'https://stats.example.org/s.js' })",
      "services[2]: null must be a service (e.g. { name: 'Stats', pages: 'all', script: 'https://stats.example.org/s.js' })",
    ]);
    expect(problems({ name: 'A' })).toEqual([
      `services: {"name":"A"} must be a list of services (e.g. [{ name: 'Stats', pages: 'all', script: 'https://stats.example.org/s.js' }])`,
    ]);
  });

  it('should refuse a key that is not a setting, with the one it was probably meant to be, and a service on no page', () => {
    expect(
      serviceProblems(
        [{ name: 'A', pages: [], script: 'https://s.example.org/s.js', conect: ['https://s.example.org'] } as OutsideService],
        '',
      ),
    ).toEqual([
      'services[0] (A): "conect" is not a setting (did you mean "connect"? the settings are name, pages, script, connect, forms, frames, images)',
      "services[0] (A): pages is an empty list, so the service would be on no page (list site paths such as ['/about/'], or write 'all' or 'articles')",
    ]);
    expect(serviceProblems([{ name: 'A', pages: 'all', script: 'https://s.example.org/s.js', vendor: 'x' } as OutsideService], '')).toEqual(
      ['services[0] (A): "vendor" is not a setting (the settings are name, pages, script, connect, forms, frames, images)'],
    );
  });

  it('should check the services with the other settings, before any article is read, and read SITE_SERVICES', () => {
    expect(checkSiteConfig({ ...testSite, services: [{ name: 'A', pages: 'all', script: 'http://x.example/s.js' }] })).toContain(
      'services[0] (A) script: "http://x.example/s.js" is not an https address (e.g. https://stats.example.org/js/script.js)',
    );
    expect(servicesFromEnvironment(JSON.stringify([analytics]))).toEqual([analytics]);
    expect(servicesFromEnvironment(undefined)).toBeUndefined();
    expect(() => servicesFromEnvironment('analytics')).toThrow(/SITE_SERVICES must be a JSON list of services/);
    // JSON carries no types: a number for a name is a message, not a crash.
    const fromJson = servicesFromEnvironment('[{"name":5,"pages":"all","script":"https://s.example.org/s.js"}]')!;
    expect(checkSiteConfig({ ...testSite, services: fromJson })).toEqual([
      "services[0] (no name) name: 5 must be text (e.g. name: 'Plausible analytics')",
    ]);
  });
});
