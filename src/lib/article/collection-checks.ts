import type { Problem } from '../problems.ts';
import { compareText } from '../problems.ts';
import type { PublicationStatus } from '../publishing.ts';
import { describeReference, type ArticleLink } from './local-references.ts';
import { checkNameCollisions } from './name-collisions.ts';
import type { FormerUrl } from './former-urls.ts';
import { checkRedirects } from './redirect-checks.ts';

/** What the checks across files need of each article. */
export interface CheckedArticle {
  slug: string;
  file: string;
  related: readonly string[];
  status: PublicationStatus;
  /** Path inside the content folder (`world/a.md`), which body links name; absent: nothing links to it. */
  relPath?: string;
  /** Body links to other articles' files; absent: none to check. */
  articleLinks?: readonly ArticleLink[];
  /** Section, tags and authors as written, to find different names that would share a page; absent: not checked. */
  section?: string;
  tags?: readonly string[];
  authors?: readonly string[];
  /** Former addresses, each to be free (redirect-checks.ts); absent: none. */
  formerUrls?: readonly FormerUrl[];
}

/** A file that had errors: the slug its name gives (for pins) and its path in the content folder (for links). */
export interface FailedFile {
  slug: string;
  file: string;
  relPath?: string;
  /** Its body links to other articles, checked like a good file's, so all its problems show in one run. */
  articleLinks?: readonly ArticleLink[] | undefined;
  /** Its old addresses, checked against the other stories' (it has no page of its own while it fails). */
  formerUrls?: readonly FormerUrl[] | undefined;
}

/**
 * Problems that only show when all articles are read together: two files with one slug (both named),
 * and `related:` pins to slugs that do not exist or whose file failed (errors) or are not published
 * (warning: the pin waits). `failed` lists files that had errors, by the slug their name gives. Then the
 * body links to other articles' files (`checkArticleLinks`), and different section, tag and author names
 * that would share a URL (`checkNameCollisions`).
 */
export function checkCollection(
  articles: readonly CheckedArticle[],
  failed: readonly FailedFile[] = [],
  relatedCount?: number,
  ignored: readonly string[] = [],
): Problem[] {
  const problems: Problem[] = [];
  const bySlug = new Map<string, CheckedArticle[]>();
  for (const article of articles) bySlug.set(article.slug, [...(bySlug.get(article.slug) ?? []), article]);

  for (const [slug, owners] of bySlug) {
    if (owners.length < 2) continue;
    const files = owners.map((a) => a.file).sort(compareText);
    for (const file of files) {
      problems.push({
        severity: 'error',
        file,
        field: 'slug',
        message: `"${slug}" is also the slug of ${files.filter((f) => f !== file).join(', ')}`,
        hint: 'rename one of the files, or give one of them another `slug:`',
      });
    }
  }

  for (const article of articles) {
    const warn = (message: string, hint: string) =>
      problems.push({ severity: 'warning', file: article.file, field: 'related', message, hint });
    if (article.related.includes(article.slug)) warn('lists the article itself; that pin is ignored', 'remove its own slug from related:');
    const repeated = article.related.filter((pin, i) => article.related.indexOf(pin) !== i);
    if (repeated.length > 0)
      warn(`lists "${[...new Set(repeated)].join('", "')}" more than once; the repeat is ignored`, 'list each slug once');
    if (relatedCount !== undefined && new Set(article.related).size > relatedCount) {
      warn(
        `pins ${new Set(article.related).size} articles but Related shows ${relatedCount}; the last pins are not shown`,
        'keep the most important pins first, or raise relatedCount in src/site.config.ts',
      );
    }
    for (const pin of article.related) {
      if (pin === article.slug) continue;
      const target = bySlug.get(pin)?.[0];
      const broken = failed.find((f) => f.slug === pin);
      if (!target && broken) {
        problems.push({
          severity: 'error',
          file: article.file,
          field: 'related',
          message: `"${pin}" is ${broken.file}, which has errors of its own`,
          hint: 'fix that file (see its errors in this report)',
          becauseOf: broken.file,
        });
      } else if (!target) {
        problems.push({
          severity: 'error',
          file: article.file,
          field: 'related',
          message: `"${pin}" is not the slug of any article`,
          hint: 'use the file name of an article without .md, e.g. related: [budget-vote-delayed]',
        });
      } else if (target.status !== 'published') {
        problems.push({
          severity: 'warning',
          file: article.file,
          field: 'related',
          message:
            target.status === 'expired'
              ? `"${pin}" was taken down (expires); it is left out of Related`
              : `"${pin}" is ${target.status === 'draft' ? 'a draft' : 'scheduled'}; it is left out of Related until it is published`,
        });
      }
    }
  }
  problems.push(...checkArticleLinks(articles, failed, ignored));
  problems.push(...checkNameCollisions(articles));
  problems.push(
    ...checkRedirects([
      ...articles,
      ...failed.map(({ slug, file, formerUrls }) => ({ slug, file, formerUrls: formerUrls ?? [], failed: true })),
    ]),
  );
  return problems;
}

/**
 * Body links to other articles' files (`[the vote](../politics/budget.md#vote)`), resolved against the linking
 * file when it was parsed: the target must be an article of the folder, and not one with errors. A link to
 * a draft or a scheduled article is a warning: it is shown as plain text (its words, no link) until the
 * target is published, because the URL would be a 404 until then; links are resolved on every build, so
 * the build that publishes the target also turns the link on, with no edit to the linking file.
 * `ignored` lists the files set aside (names starting with `.` or `_`), to say why one is no article.
 */
export function checkArticleLinks(
  articles: readonly CheckedArticle[],
  failed: readonly FailedFile[] = [],
  ignored: readonly string[] = [],
): Problem[] {
  const problems: Problem[] = [];
  const byPath = new Map<string, CheckedArticle>();
  for (const article of articles) if (article.relPath !== undefined) byPath.set(article.relPath, article);
  const failedByPath = new Map<string, FailedFile>();
  for (const file of failed) if (file.relPath !== undefined) failedByPath.set(file.relPath, file);
  const setAside = new Set(ignored);

  for (const article of [...articles, ...failed]) {
    for (const link of article.articleLinks ?? []) {
      const problem = (severity: Problem['severity'], message: string, hint?: string, becauseOf?: string) =>
        problems.push({
          severity,
          file: article.file,
          line: link.line,
          message: `${describeReference(link)}: ${message}`,
          hint,
          becauseOf,
        });
      const shown = displayTarget(article, link.target);
      const target = byPath.get(link.target);
      if (target?.status === 'draft') {
        problem('warning', `${target.file} is a draft; the link is shown as plain text until it is published`);
      } else if (target?.status === 'scheduled') {
        problem('warning', `${target.file} is scheduled; the link is shown as plain text until it is published`);
      } else if (target?.status === 'expired') {
        problem('warning', `${target.file} was taken down (expires); the link is shown as plain text`);
      } else if (target) {
        continue;
      } else if (failedByPath.has(link.target)) {
        const { file } = failedByPath.get(link.target)!;
        problem('error', `${file} has errors of its own`, 'fix that file (see its errors in this report)', file);
      } else if (setAside.has(link.target)) {
        problem(
          'error',
          `${shown} is set aside (a name starting with . or _) and never published`,
          'rename the file or its folder, or remove the link',
        );
      } else {
        problem('error', `no article at ${shown}`, 'check the file name');
      }
    }
  }
  return problems;
}

/** A target path shown as the linking file's path is (`content/world/b.md`): same folder prefix. */
function displayTarget(article: { file: string; relPath?: string | undefined }, target: string): string {
  const { file, relPath } = article;
  if (relPath === undefined || !file.endsWith(relPath)) return target;
  return `${file.slice(0, file.length - relPath.length)}${target}`;
}
