/** Whether an article is on the site at a given moment. */
export type PublicationStatus = 'published' | 'draft' | 'scheduled' | 'expired';

/**
 * Drafts are never published; an article dated after `now` is scheduled and goes live with the first build
 * after its time; one past its `expires` time is taken down by the first build after it (a takedown, an
 * embargoed correction, a time-limited notice). `now` is an argument so builds, tests and previews can fix the clock.
 */
export function publicationStatus(
  article: { draft: boolean; date: { iso: string }; expires?: string | undefined },
  now: Date,
): PublicationStatus {
  if (article.draft) return 'draft';
  if (Date.parse(article.date.iso) > now.getTime()) return 'scheduled';
  return article.expires !== undefined && Date.parse(article.expires) <= now.getTime() ? 'expired' : 'published';
}
