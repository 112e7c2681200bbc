import { cmsFromEnvironment } from './lib/cms/settings.ts';
import { sectionsFromEnvironment, servicesFromEnvironment, type SiteConfig } from './lib/site-config.ts';

/**
 * The newsroom's settings. Every page, feed and date reads them from here; nothing else is configured
 * in templates. The defaults reproduce the reference story page: times shown as `25/10/2024 19h13`,
 * in Paris time whatever the build machine's zone.
 */
export const site: SiteConfig = {
  publisher: 'Dateline',
  siteUrl: 'https://dateline.example.org',
  basePath: '/',
  // SITE_LOCALE builds the site in another language (the tests build English and French).
  locale: process.env.SITE_LOCALE || 'en-GB',
  timeZone: 'Europe/Paris',
  dateTimePattern: "dd/MM/yyyy HH'h'mm",
  datePattern: 'dd/MM/yyyy',
  disclaimer:
    'Dateline reports are written by our newsroom and checked by an editor. Found an error? Tell us and we will correct it openly.',
  corrections: 'corrections@dateline.example.org',
  typeDisclaimers: {
    opinion: 'Opinion pieces give the view of their author, not the position of Dateline. Replies are welcome and published in full.',
    live: 'This page is updated as the story develops; times are Paris time.',
  },
  // Every article's section is one of these, in this order in navigation; a new section is one more name.
  // SITE_SECTIONS (a JSON list) replaces them for one build (the tests build fixture newsrooms with their own).
  sections: sectionsFromEnvironment(process.env.SITE_SECTIONS) ?? [
    'World',
    'Politics',
    'Business',
    'Technology',
    'Science',
    'Health',
    'Sport',
    'Culture',
  ],
  // Video players that may be embedded in articles; the privacy-enhanced YouTube domain sets no cookies until play.
  embedHosts: ['www.youtube-nocookie.com', 'player.vimeo.com'],
  // Services on other hosts, each allowed only on the pages that use it (docs/configuration.md, "Outside
  // services"). None by default: no page loads or contacts another host. For example, self-hosted analytics:
  //   { name: 'Plausible analytics', pages: 'all', script: 'https://stats.example.org/js/script.js', connect: ['https://stats.example.org'] }
  services: servicesFromEnvironment(process.env.SITE_SERVICES) ?? [],
  // The editor for journalists at /admin/: off. To turn it on, name the repository it commits to (docs/cms.md):
  //   { backend: { name: 'github', repo: 'newsroom/dateline', branch: 'main' } }
  // SITE_CMS (JSON) replaces it for one build (the tests build one with the in-browser test repository).
  cms: cmsFromEnvironment(process.env.SITE_CMS) ?? false,
  relatedCount: 5,
  pageSize: 10,
  feedItems: 20,
  // A long investigation is about 150 KB of Markdown; a file past this is refused with an error naming it.
  maxArticleBytes: 4 * 1024 * 1024,
  // A file still parsing after this many seconds is stopped, with an error naming it (docs/performance.md, "Parse time").
  // MAX_PARSE_SECONDS overrides it for one run (a slow CI machine).
  maxParseSeconds: process.env.MAX_PARSE_SECONDS ? Number(process.env.MAX_PARSE_SECONDS) : 8,
  // Files with errors stop a build, unless LEAVE_OUT_REJECTED=true: the deploy workflow sets it, so one bad
  // file is left out (and the run marked failed) while every other story is published (docs/deploying.md).
  leaveOutRejected: process.env.LEAVE_OUT_REJECTED === 'true',
  // Pages at old addresses for hosts without `_redirects`; false on Netlify for real 301s (README, "Deploying").
  redirectPages: process.env.REDIRECT_PAGES !== 'false',
  // Never publish a stub: a body of fewer words is an error once draft is false; a standfirst can be required too.
  minBodyWords: 5,
  requireStandfirst: false,
  // remark-gfm itself reads Markdown if this says so; the default parser gives the same trees, faster.
  markdownParser: 'selective-gfm',
  // A featured story leads the front page for two days after its date.
  frontPage: { topStories: 4, perSection: 3, latest: 10, featuredHours: 48 },
  about:
    'Dateline is an independent newsroom publishing world, political, business, technology, science and culture news. Every story is written by our reporters and checked by an editor before it is published.',
};
