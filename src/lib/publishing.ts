/** Whether an article is on the site at a given moment. */
export type PublicationStatus = 'published' | 'draft' | 'scheduled';

/**
 * Drafts are never published; an article dated after `now` is scheduled and goes live with the first build
 * after its time. `now` is an argument so builds, tests and previews can fix the clock.
 */
export function publicationStatus(article: { draft: boolean; date: { iso: string } }, now: Date): PublicationStatus {
  if (article.draft) return 'draft';
  return Date.parse(article.date.iso) > now.getTime() ? 'scheduled' : 'published';
}
