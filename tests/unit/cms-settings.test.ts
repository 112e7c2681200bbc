import { describe, expect, it } from 'vitest';
import { cmsFromEnvironment, cmsProblems, type CmsSettings } from '../../src/lib/cms/settings.ts';
import { checkSiteConfig } from '../../src/lib/site-config.ts';
import { site } from '../../src/site.config.ts';
import { repositoryFolder } from '../../src/integrations/cms-admin.ts';
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
      'cms.backend: "api_root" is not a setting (the settings are name, repo, branch, apiRoot, baseUrl, appId)',
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
