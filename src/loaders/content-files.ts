import { existsSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { AstroError } from 'astro/errors';
import { checkCollection } from '../lib/article/collection-checks.ts';
import type { ArticleLink } from '../lib/article/local-references.ts';
import type { ArticleSource, ParseOptions } from '../lib/article/parse.ts';
import type { SiteConfig } from '../lib/site-config.ts';
import type { Problem } from '../lib/problems.ts';
import { publicationStatus } from '../lib/publishing.ts';

/** Other spellings of a Markdown file name (Jekyll writes `.markdown`): not read, but never passed over unsaid. */
const OTHER_MARKDOWN = /\.(markdown|mdown|mkdn|mkd|mdwn|mdx|mdoc)$/i;

/**
 * `.md` files below the folder, as sorted `/`-separated paths. Files and folders whose names start with
 * `.` or `_` are set aside (drafts folders, editor files) and listed as ignored, so none vanishes unsaid;
 * so are other Markdown file names (`notRead`: `.markdown`, `.mdx`, …). Folders are never listed, even
 * one named `photos.md`.
 */
export async function listMarkdownFiles(dir: string): Promise<{ files: string[]; ignored: string[]; notRead: string[] }> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    throw new AstroError(
      `${dir}: the content folder cannot be read (${(error as Error).message})`,
      'create the folder, or set CONTENT_DIR to the folder that holds the articles',
    );
  }
  const names = entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  const markdown = names.filter((entry) => entry.toLowerCase().endsWith('.md'));
  const hidden = (entry: string) => entry.split('/').some((part) => part.startsWith('.') || part.startsWith('_'));
  return {
    files: markdown.filter((entry) => !hidden(entry)),
    ignored: markdown.filter(hidden),
    notRead: names.filter((entry) => OTHER_MARKDOWN.test(entry) && !hidden(entry)),
  };
}

/** A warning per file with another Markdown file name (`notRead` of `listMarkdownFiles`): it is not published. */
export function notReadProblems(root: string, contentDir: string, notRead: readonly string[]): Problem[] {
  return notRead.map((relPath) => ({
    severity: 'warning',
    file: displayPath(root, path.join(contentDir, relPath)),
    message: 'is not read: only files ending in .md are articles',
    hint: `rename it to ${path.posix.basename(relPath).replace(OTHER_MARKDOWN, '.md')} to publish it`,
  }));
}

/** Paths inside the project are shown relative to it (`content/world/a.md`); others in full. */
export function displayPath(root: string, absPath: string): string {
  const relative = path.relative(root, absPath);
  return relative.startsWith('..') ? absPath : relative.split(path.sep).join('/');
}

/** What parsing takes from the site configuration, the same for the build and `npm run validate`. */
export function parseOptionsFor(site: SiteConfig): ParseOptions {
  return { timeZone: site.timeZone, sections: site.sections, embedHosts: site.embedHosts };
}

/** One article file as the parser and the checks need it, wherever it is read (build or `npm run validate`). */
export function articleSource(root: string, contentDir: string, relPath: string, bytes: Uint8Array): ArticleSource {
  const absPath = path.join(contentDir, relPath);
  return { file: displayPath(root, absPath), relPath, bytes, fileExists: (src) => existsSync(path.resolve(path.dirname(absPath), src)) };
}

/**
 * The problems only visible across all files (slugs, pins, links between articles, names that would share
 * a page), from the parsed articles, the files that failed and the files set aside (`ignored` of
 * `listMarkdownFiles`).
 */
export function checkAcrossFiles(
  articles: readonly {
    slug: string;
    file: string;
    relPath: string;
    related: readonly string[];
    articleLinks: readonly ArticleLink[];
    draft: boolean;
    date: { iso: string };
    section: string;
    tags: readonly string[];
    authors: readonly string[];
  }[],
  failed: readonly { slug: string; file: string; relPath: string }[],
  now: Date,
  relatedCount: number,
  ignored: readonly string[] = [],
): Problem[] {
  return checkCollection(
    articles.map((a) => ({
      slug: a.slug,
      file: a.file,
      relPath: a.relPath,
      related: a.related,
      articleLinks: a.articleLinks,
      status: publicationStatus(a, now),
      section: a.section,
      tags: a.tags,
      authors: a.authors,
    })),
    failed,
    relatedCount,
    ignored,
  );
}
