import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adminPage, editorFonts, fontsScript } from '../../src/lib/cms/admin-page.ts';
import { adminContentSecurityPolicy, backendOrigins } from '../../src/lib/cms/policy.ts';
import type { CmsSettings } from '../../src/lib/cms/settings.ts';
import { contentSecurityPolicy, headersFile } from '../../src/lib/security-headers.ts';
import { cmsAdmin } from '../../src/integrations/cms-admin.ts';

const github: CmsSettings = { backend: { name: 'github', repo: 'newsroom/dateline' } };
const FONT_FILES = readdirSync(fileURLToPath(new URL('../../node_modules/@sveltia/cms/npm/assets/', import.meta.url)));

describe('the editor page', () => {
  const page = adminPage({ base: '/news/', folder: 'admin', backend: github.backend, title: 'R&D <Desk> editor' });

  it('should load only its own files under the base path, with no inline script, and ask not to be indexed', () => {
    expect([...page.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag)).toEqual([
      '<script src="/news/admin/fonts.js">',
      '<script src="/news/admin/sveltia-cms.js">',
    ]);
    expect(page).not.toMatch(/<script[^>]*>[^<]/);
    expect(page).toContain('<link rel="cms-config-url" href="/news/admin/config.yml" type="application/yaml">');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).toContain('<title>R&amp;D &lt;Desk&gt; editor</title>');
  });

  it('should carry its policy for hosts without headers, before any script, without what a <meta> cannot hold', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
    expect(meta).toBe(adminContentSecurityPolicy('meta', github.backend));
    expect(meta).not.toContain('frame-ancestors');
    expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('<script'));
  });

  it("should register the package's own fonts, and fail the build when a family is missing", () => {
    const fonts = editorFonts(FONT_FILES);
    expect(fonts.map(({ family, file }) => [family, file.endsWith('.woff2')])).toEqual([
      ['Source Sans 3', true],
      ['Noto Mono', true],
      ['Material Symbols Outlined', true],
    ]);
    const script = fontsScript(fonts);
    for (const { file } of fonts) expect(script).toContain(JSON.stringify(file));
    expect(script).toContain("locale: 'en-US'");
    expect(() => editorFonts(FONT_FILES.filter((name) => !name.startsWith('noto-mono')))).toThrow(
      'the Sveltia CMS package has no Noto Mono font (noto-mono-*.woff2 in npm/assets/)',
    );
  });
});

describe("the editor's policy", () => {
  it("should allow only the site's own scripts, and inline styles, which the editor cannot work without", () => {
    const policy = adminContentSecurityPolicy('header', { name: 'test-repo' });
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain("style-src 'self' 'unsafe-inline';");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('https:');
  });

  it('should allow the configured repository host only', () => {
    expect(backendOrigins({ name: 'github', repo: 'a/b' })).toEqual({
      connect: ['https://api.github.com', 'https://www.githubstatus.com'],
      images: ['https://*.githubusercontent.com'],
    });
    expect(backendOrigins({ name: 'github', repo: 'a/b', apiRoot: 'https://git.example.org/api/v3' })).toEqual({
      connect: ['https://git.example.org'],
      images: ['https://git.example.org'],
    });
    expect(backendOrigins({ name: 'gitlab', repo: 'a/b', appId: 'x' }).connect).toEqual([
      'https://gitlab.com',
      'https://status-api.hostedstatus.com',
    ]);
    expect(backendOrigins({ name: 'gitea', repo: 'a/b', apiRoot: 'https://codeberg.org/api/v1' })).toEqual({
      connect: ['https://codeberg.org'],
      images: ['https://codeberg.org'],
    });
    expect(adminContentSecurityPolicy('header', github.backend)).toContain(
      "connect-src 'self' blob: data: https://api.github.com https://www.githubstatus.com;",
    );
  });
});

describe('the _headers file', () => {
  it('should be what it was without the editor: no rule for /admin/', () => {
    const file = headersFile('/', ['www.youtube-nocookie.com']);
    expect(file).toBe(headersFile('/', ['www.youtube-nocookie.com'], [], { cms: false }));
    expect(file).not.toContain('admin');
    expect(file.split('\n').filter((line) => /^\S/.test(line))).toEqual(['/*', '/_astro/*']);
  });

  it("should give /news/admin/ the editor's policy in place of the site's, after the site's rule (Cloudflare Pages)", () => {
    const file = headersFile('/news/', [], [], { cms: github });
    expect(file.slice(file.indexOf('/news/admin/*'))).toBe(
      [
        '/news/admin/*',
        '  ! Content-Security-Policy',
        '  ! Cross-Origin-Opener-Policy',
        `  Content-Security-Policy: ${adminContentSecurityPolicy('header', github.backend)}`,
        '  Cross-Origin-Opener-Policy: same-origin-allow-popups',
        '  X-Robots-Tag: noindex',
        '',
      ].join('\n'),
    );
    // The site's rule still comes first, unchanged.
    expect(file.startsWith(`/news/*\n  Content-Security-Policy: ${contentSecurityPolicy('header', [])}\n`)).toBe(true);
  });

  it("should leave Cloudflare's detach lines out on Netlify, where the later rule's header replaces the site's", () => {
    const file = headersFile('/', [], [], { cms: github, netlify: true });
    expect(file).not.toContain('!');
    expect(file).toContain(`/admin/*\n  Content-Security-Policy: ${adminContentSecurityPolicy('header', github.backend)}\n`);
  });
});

describe('the editor integration', () => {
  const configDone = (cms: CmsSettings, contentDir: string) => {
    const integration = cmsAdmin({
      cms,
      publisher: 'Dateline',
      sections: ['World'],
      timeZone: 'Europe/Paris',
      siteOrigin: 'https://news.example.org',
      contentDir,
      root: '/srv/site',
    });
    const hook = integration.hooks['astro:config:done'] as unknown as (options: { config: { base: string } }) => void;
    return () => hook({ config: { base: '/' } });
  };

  it('should stop the build before any page when the content folder is outside the repository and cms.folder does not name it', () => {
    expect(configDone(github, '/tmp/elsewhere/content')).toThrow(/set cms.folder/);
    expect(configDone({ ...github, folder: 'content' }, '/tmp/elsewhere/content')).not.toThrow();
    expect(configDone(github, '/srv/site/content')).not.toThrow();
    // The test backend keeps its files in the browser: no repository folder to name.
    expect(configDone({ backend: { name: 'test-repo' } }, '/tmp/elsewhere/content')).not.toThrow();
  });
});
