import type { ArticleType } from './article/schema.ts';
import type { SiteConfig } from './site-config.ts';

/** The line printed under an article of this type: the type's own line if configured (even none), else the outlet's. */
export function disclaimerFor(type: ArticleType, site: Pick<SiteConfig, 'disclaimer' | 'typeDisclaimers'>): string {
  return site.typeDisclaimers[type] ?? site.disclaimer;
}

/** The schema.org type search engines expect for each kind of piece (opinion and analysis are told apart). */
export const SCHEMA_ORG_TYPE: Readonly<Record<ArticleType, string>> = {
  news: 'NewsArticle',
  analysis: 'AnalysisNewsArticle',
  opinion: 'OpinionNewsArticle',
  live: 'LiveBlogPosting',
};

/** Whether the type is labelled above the headline and in lists: news is the default and needs no label. */
export function isLabelled(type: ArticleType): boolean {
  return type !== 'news';
}

/** Whether a story is live coverage still going on at `now`: a live story whose coverage has not ended. */
export function isLiveNow(article: { type: ArticleType; coverageEnd?: string | undefined }, now: Date): boolean {
  return article.type === 'live' && (article.coverageEnd === undefined || Date.parse(article.coverageEnd) > now.getTime());
}
