import { describe, expect, it } from 'vitest';
import { cmsFromEnvironment, cmsProblems, type CmsSettings } from '../../src/lib/cms/settings.ts';
import { checkSiteConfig } from '../../src/lib/site-config.ts';
import { site } from '../../src/site.config.ts';
import { repositoryFolder } from '../../src/integrations/cms-admin.ts';
import { backendOrigins } from '../../src/lib/cms/policy.ts';
import { testSite } from './support/site-config.ts';

describe('the cms setting', () => {
  it('should be off in the shipped configuration', () => {
    expect(site.cms).toBe(false);
    expect(cmsProblems(false)).toEqual([]);
  });

  it('should accept each repository host with what it needs', () => {
    const good: CmsSettings[] = [
      { backend: { name: 'github', repo: 'newsroom/dateline' } },
      {
        backend: { name: 'github', repo: 'newsroom/dateline', branch: 'main', baseUrl: 'https://auth.newsroom.workers.dev' },
        editorialWorkflow: true,
      },
      { backend: { name: 'gitlab', repo: 'desk/web/site', appId: 'a1b2c3' }, editorialWorkflow: false },
      {
        backend: { name: 'gitea', repo: 'desk/site', apiRoot: 'https://codeberg.org/api/v1', baseUrl: 'https://codeberg.org', appId: 'x' },
      },
      { backend: { name: 'test-repo' }, folder: 'site/content' },
    ];
    for (const cms of good) expect(cmsProblems(cms), JSON.stringify(cms)).toEqual([]);
  });

  it('should refuse what would not work, one clear line each', () => {
    const problems = (cms: unknown) => cmsProblems(cms as CmsSettings);
    expect(problems(true)).toEqual(["cms: false, or { backend: { name: 'github', repo: 'owner/name' } }"]);
    expect(problems({ backend: { name: 'bitbucket', repo: 'a/b' } })).toEqual([
      'cms.backend.name: "bitbucket" must be one of github, gitlab, gitea, test-repo',
    ]);
    expect(problems({ backend: { name: 'github', repo: 'dateline', branch: 'my branch', api_root: 'x' }, enabled: true })).toEqual([
      'cms: "enabled" is not a setting (the settings are backend, folder, editorialWorkflow)',
      'cms.backend: "api_root" is not a setting (did you mean "apiRoot"? the settings are name, repo, branch, apiRoot, baseUrl, appId)',
      'cms.backend.repo: "dateline" must name the repository as owner/name (e.g. newsroom/dateline)',
      'cms.backend.branch: "my branch" is not a branch name (e.g. main)',
    ]);
    expect(problems({ backend: { name: 'github', repo: 'a/b', apiRoot: 'http://git.example.org/api', appId: 'x' } })).toEqual([
      'cms.backend.apiRoot: "http://git.example.org/api" is not an https address (e.g. https://git.example.org)',
      'cms.backend.appId: GitHub sign-in goes through an OAuth server (baseUrl) or an access token; leave appId out',
    ]);
    expect(problems({ backend: { name: 'gitea', repo: 'a/b' }, editorialWorkflow: true, folder: '../content' })).toEqual([
      'cms.folder: "../content" must be a folder inside the repository, without a leading / or .. (e.g. content)',
      'cms.editorialWorkflow: works with GitHub and GitLab only, not gitea',
    ]);
    expect(problems({ backend: { name: 'test-repo', repo: 'a/b' } })).toEqual([
      'cms.backend.repo: test-repo keeps entries in the browser and takes no repo',
    ]);
  });

  it('should refuse a wildcard, a policy separator or anything but the exact origin in an address the editor policy allows', () => {
    const github = (backend: object) => cmsProblems({ backend: { name: 'github', repo: 'a/b', ...backend } } as CmsSettings);
    expect(github({ apiRoot: 'https://*.example.org/api/v3', baseUrl: 'https://auth.example.org;\nscript-src\t*' })).toEqual([
      'cms.backend.apiRoot: "https://*.example.org/api/v3" must name one host in letters, digits, dots and hyphens, without a wildcard, space, quote, ; or , (e.g. https://git.example.org)',
      'cms.backend.baseUrl: "https://auth.example.org;\\nscript-src\\t*" must name one host in letters, digits, dots and hyphens, without a wildcard, space, quote, ; or , (e.g. https://git.example.org)',
    ]);
    expect(github({ apiRoot: 'https://Git.example.org/api/v3', baseUrl: 'https://auth.example.org/callback' })).toEqual([
      'cms.backend.apiRoot: "https://Git.example.org/api/v3" must be written as browsers read it: https://git.example.org/api/v3',
      'cms.backend.baseUrl: "https://auth.example.org/callback" must be an origin only, without a path (e.g. https://auth.example.org)',
    ]);
    expect(github({ apiRoot: 'https://git.example.org/api/v3', baseUrl: 'https://auth.example.org/' })).toEqual([]);
    // The editor's policy is written only from checked addresses.
    expect(() => backendOrigins({ name: 'gitea', repo: 'a/b', baseUrl: 'https://*.example.org' })).toThrow(/must name one host/);
    expect(backendOrigins({ name: 'gitea', repo: 'a/b', baseUrl: 'https://codeberg.org/' }).connect).toEqual(['https://codeberg.org']);
  });

  it('should say what is expected of a value of the wrong type, never fail on it', () => {
    const problems = (cms: unknown) => cmsProblems(cms as CmsSettings);
    expect(problems({ backend: { name: 'github', repo: 'a/b' }, folder: 5 })).toEqual([
      "cms.folder: 5 must be text (e.g. folder: 'content')",
    ]);
    expect(problems({ backend: { name: 'gitlab', repo: 5, branch: 5, appId: 5, apiRoot: 5 }, editorialWorkflow: 'yes' })).toEqual([
      'cms.backend.repo: 5 must name the repository as owner/name (e.g. newsroom/dateline)',
      "cms.backend.branch: 5 must be text (e.g. branch: 'main')",
      'cms.backend.apiRoot: 5 is not an https address (e.g. https://git.example.org)',
      "cms.backend.appId: 5 must be text (e.g. appId: 'a1b2c3')",
      'cms.editorialWorkflow: true or false',
    ]);
    expect(problems({ backend: { name: 5 } })).toEqual(['cms.backend.name: 5 must be one of github, gitlab, gitea, test-repo']);
    expect(problems({ backend: { repo: 'a/b' } })).toEqual(['cms.backend.name: nothing must be one of github, gitlab, gitea, test-repo']);
    expect(problems({ backend: [] })).toEqual(["cms: false, or { backend: { name: 'github', repo: 'owner/name' } }"]);
    // SITE_CMS is JSON, which carries no types.
    const fromJson = cmsFromEnvironment('{"backend":{"name":"github","repo":"a/b"},"folder":5}')!;
    expect(checkSiteConfig({ ...testSite, cms: fromJson })).toEqual(["cms.folder: 5 must be text (e.g. folder: 'content')"]);
  });

  it('should be checked with the other settings, before any article is read', () => {
    expect(checkSiteConfig({ ...testSite, cms: { backend: { name: 'github', repo: '' } } })).toEqual([
      'cms.backend.repo: "" must name the repository as owner/name (e.g. newsroom/dateline)',
    ]);
    // The editor's address is the site's own: no section may take it, whether the editor is on or off.
    expect(checkSiteConfig({ ...testSite, sections: ['World', 'Admin'] })).toEqual([
      'sections: "Admin" is a name the site uses for its own pages (/admin/)',
    ]);
  });

  it('should read SITE_CMS as JSON, for fixture builds', () => {
    expect(cmsFromEnvironment(undefined)).toBeUndefined();
    expect(cmsFromEnvironment('')).toBeUndefined();
    expect(cmsFromEnvironment('false')).toBe(false);
    expect(cmsFromEnvironment('{"backend":{"name":"test-repo"}}')).toEqual({ backend: { name: 'test-repo' } });
    expect(() => cmsFromEnvironment('test-repo')).toThrow('SITE_CMS must be JSON: false, or the setting');
    expect(() => cmsFromEnvironment('[]')).toThrow('SITE_CMS must be JSON');
  });

  it("should find the content folder's path in the repository, or ask for it", () => {
    expect(repositoryFolder('/srv/site', '/srv/site/content')).toBe('content');
    expect(repositoryFolder('/srv/site', '/srv/site/tests/fixtures/site')).toBe('tests/fixtures/site');
    expect(() => repositoryFolder('/srv/site', '/srv/articles')).toThrow('set cms.folder');
    expect(() => repositoryFolder('/srv/site', '/srv/site')).toThrow('set cms.folder');
  });
});
