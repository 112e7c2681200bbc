import type { Problem } from '../problems.ts';
import { compareText } from '../problems.ts';
import type { PublicationStatus } from '../publishing.ts';

/** What the checks across files need of each article. */
export interface CheckedArticle {
  slug: string;
  file: string;
  related: readonly string[];
  status: PublicationStatus;
}

/**
 * Problems that only show when all articles are read together: two files with one slug (both named),
 * and `related:` pins to slugs that do not exist or whose file failed (errors) or are not published
 * (warning: the pin waits). `failed` lists files that had errors, by the slug their name gives.
 */
export function checkCollection(
  articles: readonly CheckedArticle[],
  failed: readonly { slug: string; file: string }[] = [],
  relatedCount?: number,
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
          message: `"${pin}" is ${target.status === 'draft' ? 'a draft' : 'scheduled'}; it is left out of Related until it is published`,
        });
      }
    }
  }
  return problems;
}
