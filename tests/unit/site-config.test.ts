import { describe, expect, it } from 'vitest';
import { checkSiteConfig, sectionsFromEnvironment } from '../../src/lib/site-config.ts';
import { site } from '../../src/site.config.ts';

describe('checkSiteConfig', () => {
  it('should accept the shipped configuration', () => {
    expect(checkSiteConfig(site)).toEqual([]);
  });

  it('should report every bad setting at once', () => {
    expect(
      checkSiteConfig({
        ...site,
        timeZone: 'Europe/Pariss',
        pageSize: 0,
        siteUrl: 'dateline.example',
        relatedCount: 2.5,
        maxParseSeconds: Number.NaN,
        corrections: 'Tell us',
        basePath: 'news',
        embedHosts: ['https://www.youtube-nocookie.com/embed'],
      }),
    ).toEqual([
      'timeZone: "Europe/Pariss" is not an IANA time zone (e.g. Europe/Paris)',
      'siteUrl: "dateline.example" is not an absolute URL (e.g. https://news.example.org)',
      'relatedCount: 2.5 must be a whole number of at least 0',
      'pageSize: 0 must be a whole number of at least 1',
      'maxParseSeconds: NaN must be a number of seconds above 0 (MAX_PARSE_SECONDS, if set, overrides it)',
      'embedHosts: "https://www.youtube-nocookie.com/embed" is not a host name (write it without https:// or a path, e.g. www.youtube-nocookie.com)',
      'corrections: "Tell us" is neither an email address nor a page (e.g. corrections@news.example.org, /corrections/ or https://…)',
      'basePath: "news" must start and end with / (e.g. / or /news/)',
    ]);
  });

  it('should take an email address, a path on the site or an https address as the corrections contact', () => {
    for (const corrections of ['corrections@news.example.org', '/corrections/', 'https://news.example.org/corrections'])
      expect(checkSiteConfig({ ...site, corrections }), corrections).toEqual([]);
    for (const corrections of ['', 'Tell us', 'http://news.example.org/corrections', '//elsewhere.example/x', 'javascript:alert(1)'])
      expect(checkSiteConfig({ ...site, corrections }), corrections).toHaveLength(1);
  });

  it('should refuse sections that cannot make their own URL', () => {
    expect(checkSiteConfig({ ...site, sections: [] })).toEqual(["sections: list at least one section (e.g. ['World', 'Politics'])"]);
    expect(checkSiteConfig({ ...site, sections: ['World', 'U.S.', 'US', '🔥', 'Tags', 'world'] })).toEqual([
      'sections: "U.S." and "US" would share one URL (/us/): keep one',
      'sections: "🔥" has no letters or digits to make a URL from',
      'sections: "Tags" is a name the site uses for its own pages (/tags/)',
      'sections: "World" and "world" would share one URL (/world/): keep one',
    ]);
    expect(checkSiteConfig({ ...site, sections: ['C++', 'C#', 'R&D'] })).toEqual([]);
  });

  it('should read SITE_SECTIONS as a JSON list, and refuse anything else with an example', () => {
    expect(sectionsFromEnvironment(undefined)).toBeUndefined();
    expect(sectionsFromEnvironment('')).toBeUndefined();
    expect(sectionsFromEnvironment('["World","Crime, courts"]')).toEqual(['World', 'Crime, courts']);
    expect(() => sectionsFromEnvironment('World,Sport')).toThrow(
      'SITE_SECTIONS must be a JSON list of section names, e.g. ["World","Sport"]',
    );
    expect(() => sectionsFromEnvironment('[1]')).toThrow('SITE_SECTIONS must be a JSON list');
  });

  it('should name the Markdown parsers a site may choose', () => {
    expect(checkSiteConfig({ ...site, markdownParser: 'remark-gfm' })).toEqual([]);
    expect(checkSiteConfig({ ...site, markdownParser: 'gfm' as never })).toEqual([
      'markdownParser: "gfm" must be one of selective-gfm, remark-gfm',
    ]);
  });

  it('should refuse embeds from the site’s own host', () => {
    expect(checkSiteConfig({ ...site, siteUrl: 'https://news.example.org', embedHosts: ['news.example.org'] })).toEqual([
      'embedHosts: "news.example.org" is the site\'s own host; a frame from it could run script as the site',
    ]);
  });
});
