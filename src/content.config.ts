import { AstroError } from 'astro/errors';
import { defineCollection } from 'astro:content';
import { checkSiteConfig } from './lib/site-config.ts';
import { createStoredArticleSchema } from './lib/article/stored.ts';
import { articlesLoader } from './loaders/articles.ts';
import { authorsLoader } from './loaders/authors.ts';
import { createStoredProfileSchema } from './lib/author/stored.ts';
import { buildTime } from './build/clock.ts';
import { site } from './site.config.ts';
import { contentFolder } from './build/build-paths.ts';

/**
 * The articles collection. `CONTENT_DIR` points the build at another folder (tests, benchmarks);
 * `DATELINE_NOW` fixes the clock that decides which articles are scheduled (tests, previews of the future).
 */
const configProblems = checkSiteConfig(site);
if (configProblems.length > 0) {
  throw new AstroError(`src/site.config.ts has problems:\n  ${configProblems.join('\n  ')}`, 'Fix the settings above, then build again.');
}

const contentDir = contentFolder();

const articles = defineCollection({
  loader: articlesLoader({
    contentDir,
    site,
    now: buildTime,
  }),
  schema: ({ image }) => createStoredArticleSchema(image()),
});

/** Author profiles: `authors/` in the content folder (read by the articles loader too, for its report). */
const authors = defineCollection({
  loader: authorsLoader({ contentDir, site }),
  schema: ({ image }) => createStoredProfileSchema(image()),
});

export const collections = { articles, authors };
