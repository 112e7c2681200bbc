import { rejectedFiles, type RejectedFile } from './leave-out.ts';
import { compareText, type Problem } from './problems.ts';
import type { PublicationStatus } from './publishing.ts';

/** One article file as the report counts it. */
export interface ReportedArticle {
  file: string;
  status: PublicationStatus;
  /** The publish time as the site writes it, for scheduled articles; the takedown time, for expired ones. */
  when?: string;
}

/**
 * What a build did with every file, as written to `build-report.json` beside the output folder (for CI
 * and scripts) and printed as lines (`reportLines`). Each file is counted once, so the categories add up to
 * the files read.
 */
export interface BuildReport {
  /** Rejected files were left out and the rest published (`leaveOutRejected`); false: rejected files stop the build. */
  leftOut: boolean;
  published: number;
  drafts: string[];
  scheduled: { file: string; when: string }[];
  /** Stories past their `expires` time: taken down, in no page, list, feed, sitemap or search result. */
  expired: { file: string; when: string }[];
  /** Files with errors, each with every error. */
  rejected: RejectedFile[];
  /** Files that look like articles and are not read (`.markdown`, `story.md `): each has its warning. */
  notRead: string[];
}

export function buildReport(
  articles: readonly ReportedArticle[],
  problems: readonly Problem[],
  notRead: readonly string[] = [],
  leftOut = false,
): BuildReport {
  const rejected = rejectedFiles(problems);
  const rejectedNames = new Set(rejected.map((r) => r.file));
  // An article that parsed but fails a check across files (a slug another file has) is rejected, not published.
  const sorted = [...articles].filter((a) => !rejectedNames.has(a.file)).sort((a, b) => compareText(a.file, b.file));
  return {
    leftOut,
    published: sorted.filter((a) => a.status === 'published').length,
    drafts: sorted.filter((a) => a.status === 'draft').map((a) => a.file),
    scheduled: sorted.filter((a) => a.status === 'scheduled').map((a) => ({ file: a.file, when: a.when ?? '?' })),
    expired: sorted.filter((a) => a.status === 'expired').map((a) => ({ file: a.file, when: a.when ?? '?' })),
    rejected,
    notRead: [...notRead].sort(compareText),
  };
}

/**
 * The report printed after every build (and every reload in `astro dev`): one line per category, so no
 * article leaves the site unsaid, nor any file that looks like one and is not read. Rejected files are named
 * with their first error; the full report of every problem is printed above it.
 */
export function reportLines(report: BuildReport): string[] {
  const list = (items: string[]) => (items.length > 0 ? `: ${items.join(', ')}` : '');
  const first = ({ file, problems: [problem] }: RejectedFile) =>
    `${file} (${problem?.field ? `${problem.field}: ` : ''}${problem?.message})`;
  return [
    `published: ${report.published}`,
    `drafts: ${report.drafts.length}${list(report.drafts)}`,
    `scheduled: ${report.scheduled.length}${list(report.scheduled.map((s) => `${s.file} (for ${s.when})`))}`,
    ...(report.expired.length > 0
      ? [`expired: ${report.expired.length}${list(report.expired.map((e) => `${e.file} (taken down ${e.when})`))}`]
      : []),
    `${report.leftOut ? 'rejected and left out' : 'rejected'}: ${report.rejected.length}${list(report.rejected.map(first))}`,
    ...(report.notRead.length > 0 ? [`not read: ${report.notRead.length}${list(report.notRead)}`] : []),
  ];
}
