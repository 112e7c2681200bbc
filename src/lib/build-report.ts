import { compareText, type Problem } from './problems.ts';
import type { PublicationStatus } from './publishing.ts';

/** One article file as the report counts it. */
export interface ReportedArticle {
  file: string;
  status: PublicationStatus;
  /** The publish time as the site writes it, for scheduled articles. */
  when?: string;
}

/**
 * The report printed after every build (and every reload in `astro dev`): one line per category, so no
 * article leaves the site unsaid, nor any file that looks like one and is not read. Rejected files are named with their first error; the full report of
 * every problem is printed above it.
 */
export function buildReport(articles: readonly ReportedArticle[], problems: readonly Problem[], notRead: readonly string[] = []): string[] {
  const rejected = new Map<string, Problem>();
  for (const problem of problems) {
    if (problem.severity === 'error' && !rejected.has(problem.file)) rejected.set(problem.file, problem);
  }
  // An article that parsed but fails a check across files (a slug another file has) is rejected, not published:
  // each file is counted once, so the categories add up to the files read.
  const sorted = [...articles].filter((a) => !rejected.has(a.file)).sort((a, b) => compareText(a.file, b.file));
  const of = (status: PublicationStatus) => sorted.filter((a) => a.status === status);
  const list = (items: string[]) => (items.length > 0 ? `: ${items.join(', ')}` : '');
  return [
    `published: ${of('published').length}`,
    `drafts: ${of('draft').length}${list(of('draft').map((a) => a.file))}`,
    `scheduled: ${of('scheduled').length}${list(of('scheduled').map((a) => `${a.file} (for ${a.when ?? '?'})`))}`,
    `rejected: ${rejected.size}${list(
      [...rejected.values()]
        .sort((a, b) => compareText(a.file, b.file))
        .map((p) => `${p.file} (${p.field ? `${p.field}: ` : ''}${p.message})`),
    )}`,
    // Files that look like articles and are not read (`.markdown`, `story.md `): each has its warning above.
    ...(notRead.length > 0 ? [`not read: ${notRead.length}${list([...notRead].sort(compareText))}`] : []),
  ];
}
