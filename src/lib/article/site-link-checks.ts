import type { Problem } from '../problems.ts';
import type { PublicationStatus } from '../publishing.ts';
import { toSlug } from '../slug.ts';
import { articlePath } from '../urls.ts';
import type { FormerUrl } from './former-urls.ts';
import { describeReference, storyAddress, type WrittenReference } from './local-references.ts';

/** What the check reads of an article. */
export interface SiteLinkingArticle {
  file: string;
  slug: string;
  section: string;
  status: PublicationStatus;
  formerUrls?: readonly FormerUrl[] | undefined;
  /** Its body links written as a story's address (`/world/story/`). */
  siteLinks?: readonly WrittenReference[] | undefined;
}

const FILE_HINT =
  "link to the story's file, such as ../world/story.md, instead: that link follows the story if it moves, and is text while it is not published";

/**
 * A link written as the address of a story in one of the site's sections (`/world/story/`) must lead to a
 * published story or to an old address of one: a story taken down, still a draft or never written would be
 * a link to a missing page. A warning (the linking story is published), naming the link's line.
 */
export function checkSiteLinks(articles: readonly SiteLinkingArticle[]): Problem[] {
  const stories = new Map<string, SiteLinkingArticle>();
  const sections = new Set<string>();
  const former = new Set<string>();
  for (const article of articles) {
    const sectionSlug = toSlug(article.section);
    sections.add(sectionSlug);
    stories.set(articlePath(sectionSlug, article.slug), article);
    if (article.status === 'published') for (const { path } of article.formerUrls ?? []) former.add(path);
  }
  const problems: Problem[] = [];
  for (const article of articles) {
    for (const link of article.siteLinks ?? []) {
      const address = storyAddress(link.written)!;
      const [, section = '', slug = ''] = address.split('/');
      // Section pages (`/world/page/2/` is three segments) and feeds are no story's shape; other paths are the newsroom's own.
      if (!sections.has(section) || slug === 'rss.xml' || former.has(address)) continue;
      const story = stories.get(address);
      if (story?.status === 'published') continue;
      problems.push({
        severity: 'warning',
        file: article.file,
        line: link.line,
        message: story
          ? `${describeReference(link)}: ${story.file} is not published (${story.status}), so the link leads to a missing page`
          : `${describeReference(link)}: no story of the site is at ${address}`,
        hint: FILE_HINT,
      });
    }
  }
  return problems;
}
