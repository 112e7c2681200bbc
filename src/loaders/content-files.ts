import path from 'node:path';
import { checkCollection } from '../lib/article/collection-checks.ts';
import type { ArticleLink, WrittenReference } from '../lib/article/local-references.ts';
import { checkSiteLinks } from '../lib/article/site-link-checks.ts';
import type { FormerUrl } from '../lib/article/former-urls.ts';
import { liveCoverageWarning, type LiveState } from '../lib/article/live-checks.ts';
import type { ArticleSource, ParseOptions } from '../lib/article/parse.ts';
import type { SiteConfig } from '../lib/site-config.ts';
import type { Problem } from '../lib/problems.ts';
import { publicationStatus } from '../lib/publishing.ts';
import type { Stopped } from '../build/work-sharing.ts';
import { isFileInside, UnreadableFile, type ContentListing, type SetAside } from './content-folder.ts';

/**
 * The problems of the content folder's listing (`listMarkdownFiles`): an error per file that looks like an
 * article and cannot be read safely, a warning per file that looks like one and is not read.
 */
export function listingProblems(root: string, contentDir: string, listing: Pick<ContentListing, 'notRead' | 'refused'>): Problem[] {
  const problem = (severity: 'error' | 'warning', { relPath, message, hint }: SetAside): Problem => ({
    severity,
    file: displayPath(root, path.join(contentDir, relPath)),
    message,
    hint,
  });
  return [...listing.refused.map((entry) => problem('error', entry)), ...listing.notRead.map((entry) => problem('warning', entry))];
}

/** An article file that could not be read (`readArticleFile`), as an error of that file. */
export function unreadableProblem(file: string, error: unknown): Problem {
  if (error instanceof UnreadableFile) return { severity: 'error', file, message: error.message, hint: error.hint };
  throw error;
}

/** An article file whose parsing was stopped (work-sharing.ts): past the time limit, or its thread failed. */
export function stoppedProblem(file: string, stopped: Stopped, maxParseSeconds: number): Problem {
  if (stopped.stopped === 'time')
    return {
      severity: 'error',
      file,
      message: `parsing took longer than ${maxParseSeconds} s and was stopped`,
      hint: 'some Markdown shapes take the parser minutes, such as a long run of [, * or _ on one line, or quotes and list items each followed by hundreds of lines: break them up with blank lines; a very large file may just need longer: raise maxParseSeconds in src/site.config.ts',
    };
  if (stopped.stopped === 'memory')
    return {
      severity: 'error',
      file,
      message: `parsing ${stopped.detail} of memory and was stopped`,
      hint: 'some Markdown shapes need far more memory than their size, such as a table of thousands of rows or columns: split it into smaller tables or articles, or link to the data as a file',
    };
  return {
    severity: 'error',
    file,
    message: `parsing this file failed (${stopped.detail})`,
    hint: 'split the file or simplify its Markdown; if it looks ordinary, report it to the Dateline maintainers with the file',
  };
}

/** Paths inside the project are shown relative to it (`content/world/a.md`); others in full. */
export function displayPath(root: string, absPath: string): string {
  const relative = path.relative(root, absPath);
  return relative.startsWith('..') ? absPath : relative.split(path.sep).join('/');
}

/** What parsing takes from the site configuration, the same for the build and `npm run validate`. */
export function parseOptionsFor(site: SiteConfig): ParseOptions {
  const { timeZone, sections, embedHosts, minBodyWords, requireStandfirst, markdownParser } = site;
  return { timeZone, sections, embedHosts, minBodyWords, requireStandfirst, markdownParser };
}

/** One article file as the parser and the checks need it, wherever it is read (build or `npm run validate`). */
export function articleSource(root: string, contentDir: string, relPath: string, bytes: Uint8Array): ArticleSource {
  const absPath = path.join(contentDir, relPath);
  return {
    file: displayPath(root, absPath),
    relPath,
    bytes,
    fileExists: (src) => isFileInside(contentDir, path.resolve(path.dirname(absPath), src)),
  };
}

/**
 * The problems only visible across all files (slugs, pins, links between articles, names that would share
 * a page, links written as a story's address) or at the build's time (live coverage gone quiet), from the parsed articles, the files that failed and the files set aside (`ignored` of
 * `listMarkdownFiles`).
 */
export function checkAcrossFiles(
  articles: readonly ({
    slug: string;
    file: string;
    relPath: string;
    related: readonly string[];
    articleLinks: readonly ArticleLink[];
    draft: boolean;
    date: { iso: string };
    expires?: string | undefined;
    section: string;
    tags: readonly string[];
    authors: readonly string[];
    formerUrls: readonly FormerUrl[];
    siteLinks?: readonly WrittenReference[] | undefined;
  } & LiveState)[],
  failed: readonly {
    slug: string;
    file: string;
    relPath: string;
    articleLinks?: readonly ArticleLink[] | undefined;
    formerUrls?: readonly FormerUrl[] | undefined;
  }[],
  now: Date,
  relatedCount: number,
  ignored: readonly string[] = [],
): Problem[] {
  const checked = articles.map((a) => ({
    slug: a.slug,
    file: a.file,
    relPath: a.relPath,
    related: a.related,
    articleLinks: a.articleLinks,
    status: publicationStatus(a, now),
    section: a.section,
    tags: a.tags,
    authors: a.authors,
    formerUrls: a.formerUrls,
  }));
  // Whether coverage has gone quiet depends on the build's time, so it is checked on every run, not kept with a file's record.
  const staleLive = articles.flatMap((a, i) => {
    const warning = checked[i]!.status === 'published' ? liveCoverageWarning(a, now) : undefined;
    return warning ? [warning] : [];
  });
  const siteLinks = checkSiteLinks(articles.map((a, i) => ({ ...checked[i]!, siteLinks: a.siteLinks })));
  return [...checkCollection(checked, failed, relatedCount, ignored), ...siteLinks, ...staleLive];
}
