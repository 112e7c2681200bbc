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

  it('should check the services with the other settings, before any article is read, and read SITE_SERVICES', () => {
    expect(checkSiteConfig({ ...testSite, services: [{ name: 'A', pages: 'all', script: 'http://x.example/s.js' }] })).toContain(
      'services[0] (A) script: "http://x.example/s.js" is not an https address (e.g. https://stats.example.org/js/script.js)',
    );
    expect(servicesFromEnvironment(JSON.stringify([analytics]))).toEqual([analytics]);
    expect(servicesFromEnvironment(undefined)).toBeUndefined();
    expect(() => servicesFromEnvironment('analytics')).toThrow(/SITE_SERVICES must be a JSON list of services/);
  });
});
