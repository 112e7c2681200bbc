import { describe, expect, it } from 'vitest';
import { parseArticle, type ArticleSource } from '../../src/lib/article/parse.ts';
import { checkRedirects } from '../../src/lib/article/redirect-checks.ts';
import { leaveOutProblems } from '../../src/lib/leave-out.ts';
import { checkAcrossFiles } from '../../src/loaders/content-files.ts';
import { toRecord } from '../../src/loaders/parse-results.ts';
import { encodePath, redirectPage, redirectPageFile, redirectsFile, redirectsOf } from '../../src/lib/redirects.ts';

const article = (file: string, slug: string, section: string, formerUrls: string[] = []) => ({
  file,
  slug,
  section,
  formerUrls: formerUrls.map((path) => ({ path, line: 5 })),
});

describe('checkRedirects: a former address must be free', () => {
  it('accepts old addresses that no page of the site has', () => {
    expect(checkRedirects([article('a.md', 'a', 'World', ['/2019/a.html', '/world/old-a/']), article('b.md', 'b', 'World')])).toEqual([]);
  });

  it("refuses another story's page, a section's pages, the site's own pages and files, and an address two stories claim", () => {
    const problems = checkRedirects([
      article('a.md', 'a', 'World', [
        '/world/b/',
        '/world/',
        '/world/page/2/',
        '/tags/x/',
        '/search/',
        '/rss.xml',
        '/sitemap-3.xml',
        '/rss.xml/x/',
        '/old/story.html/more/',
        '/shared/',
      ]),
      article('b.md', 'b', 'World', ['/shared/', '/old/story.html']),
    ]);
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      'a.md:5: "/world/b/" is the address of b.md',
      'a.md:5: "/world/" is one of the pages of the section /world/',
      'a.md:5: "/world/page/2/" is one of the pages of the section /world/',
      'a.md:5: "/tags/x/" is under /tags/, where the site keeps its own pages',
      'a.md:5: "/search/" is under /search/, where the site keeps its own pages',
      'a.md:5: "/rss.xml" is one of the site\'s own files',
      'a.md:5: "/sitemap-3.xml" is one of the site\'s own files',
      'a.md:5: "/rss.xml/x/" is under /rss.xml, one of the site\'s own files',
      'a.md:5: "/old/story.html/more/" is inside "/old/story.html", a former address of b.md written as a file',
      'a.md:5: "/shared/" is also a former address of b.md',
      'b.md:5: "/shared/" is also a former address of a.md',
    ]);
    expect(problems.every((p) => p.severity === 'error' && p.field === 'formerUrls')).toBe(true);
  });

  it('compares addresses as a file system may: letters of either case, accents composed either way', () => {
    const problems = checkRedirects([
      article('a.md', 'a', 'World', ['/World/B/', '/RSS.xml', '/Tags/x/', '/caf\u00e9/']),
      article('b.md', 'b', 'World', ['/cafe\u0301/']),
    ]);
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'a.md: "/World/B/" is the address of b.md',
      'a.md: "/RSS.xml" is one of the site\'s own files',
      'a.md: "/Tags/x/" is under /tags/, where the site keeps its own pages',
      'a.md: "/caf\u00e9/" is also a former address of b.md',
      'b.md: "/cafe\u0301/" is also a former address of a.md',
    ]);
  });
});

describe('redirects', () => {
  const entries = [
    { path: '/world/b/', article: { title: 'B', formerUrls: [{ path: '/z-old/' }, { path: '/2019/b.html' }] } },
    { path: '/world/a/', article: { title: 'A', formerUrls: [{ path: '/café/' }] } },
    { path: '/world/c/', article: { title: 'C' } },
  ];

  it("lists every published story's old addresses, by address", () => {
    expect(redirectsOf(entries).map((r) => `${r.from} → ${r.to}`)).toEqual([
      '/2019/b.html → /world/b/',
      '/café/ → /world/a/',
      '/z-old/ → /world/b/',
    ]);
  });

  it('writes _redirects as permanent redirects under the base path, percent-encoded', () => {
    expect(redirectsFile(redirectsOf(entries), '/news/').split('\n').slice(1)).toEqual([
      '/news/2019/b.html /news/world/b/ 301',
      '/news/caf%C3%A9/ /news/world/a/ 301',
      '/news/z-old/ /news/world/b/ 301',
      '',
    ]);
    expect(encodePath('/a b/ü/')).toBe('/a%20b/%C3%BC/');
  });

  it('writes a page at each old address: a folder gets its index.html, a file keeps its name', () => {
    expect(redirectPageFile('/2019/b.html')).toBe('2019/b.html');
    expect(redirectPageFile('/world/old/')).toBe('world/old/index.html');
  });

  it('makes a redirect page that refreshes to the story, names it canonical and escapes the headline', () => {
    const html = redirectPage(
      { from: '/old/', to: '/world/a/', title: '</title><script>alert(1)</script> "Q" & A' },
      {
        base: '/news/',
        siteUrl: 'https://example.org',
        lang: 'en-GB',
        movedTo: 'This story has moved:',
        contentSecurityPolicy: "default-src 'self'",
      },
    );
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/news/world/a/">');
    expect(html).toContain('<link rel="canonical" href="https://example.org/news/world/a/">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;Q&quot; &amp; A</title>');
    expect(html).not.toContain('<script>');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;">`);
  });
});

describe('old addresses of a file with errors of its own', () => {
  const options = { timeZone: 'Europe/Paris', sections: ['World'] };
  const file = (relPath: string, fields: string): ArticleSource => ({
    file: `content/${relPath}`,
    relPath,
    bytes: Buffer.from(
      `---\ntitle: ${relPath}\n${fields}---\n\nThe council voted on Tuesday to delay the budget by a week, officials said after the meeting.\n`,
    ),
  });
  const records = [
    file('world/a.md', 'date: 25/10/2024\nformerUrls: [/world/b/, /shared/]\n'),
    file('world/b.md', 'date: 2024-10-25T10:00:00\nformerUrls: [/shared/]\n'),
  ].map((source) => toRecord(source, 'sha', new Map(), parseArticle(source, options)));
  const articles = records.flatMap((r) => (r.article ? [r.article] : []));
  const failed = records.flatMap((r) => (r.failed ? [r.failed] : []));
  const problems = checkAcrossFiles(articles, failed, new Date('2025-01-01T00:00:00Z'), 6);

  it('are checked in the same run as its other errors, not after they are fixed', () => {
    expect(failed.map((f) => f.file)).toEqual(['content/world/a.md']);
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.message}`).sort()).toEqual([
      'content/world/a.md:4: "/shared/" is also a former address of content/world/b.md',
      'content/world/a.md:4: "/world/b/" is the address of content/world/b.md',
      'content/world/b.md:4: "/shared/" is also a former address of content/world/a.md',
    ]);
  });

  it('leave the other story published when the file with errors is left out (astro dev), its clash a warning', () => {
    const clash = problems.find((p) => p.file === 'content/world/b.md')!;
    expect(clash.becauseOf).toBe('content/world/a.md');
    expect(problems.find((p) => p.file === 'content/world/a.md' && p.message.includes('/shared/'))?.becauseOf).toBeUndefined();
    expect(leaveOutProblems([clash])).toEqual([
      expect.objectContaining({
        severity: 'warning',
        hint: 'content/world/a.md is left out of this build, so the old address leads to this story until that file is fixed',
      }),
    ]);
  });
});
