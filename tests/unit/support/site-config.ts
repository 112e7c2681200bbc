import type { SiteConfig } from '../../../src/lib/site-config.ts';

/** A small newsroom's settings for tests of the site-wide lists; tests override what they exercise. */
export const testSite: SiteConfig = {
  publisher: 'The Paper',
  siteUrl: 'https://paper.example',
  basePath: '/',
  locale: 'en-GB',
  timeZone: 'Europe/Paris',
  dateTimePattern: "dd/MM/yyyy HH'h'mm",
  datePattern: 'dd/MM/yyyy',
  disclaimer: 'Disclaimer.',
  corrections: 'corrections@paper.example',
  typeDisclaimers: {},
  embedHosts: [],
  sections: ['World', 'Politics'],
  relatedCount: 5,
  pageSize: 10,
  feedItems: 20,
  maxArticleBytes: 1024 * 1024,
  maxParseSeconds: 8,
  leaveOutRejected: false,
  redirectPages: true,
  minBodyWords: 5,
  requireStandfirst: false,
  markdownParser: 'selective-gfm',
  frontPage: { topStories: 1, perSection: 2, latest: 2, featuredHours: 48 },
  about: 'About.',
};
