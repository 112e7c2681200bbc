/**
 * A problem found in the content: what the build, the validator and the tests report. Every problem names
 * the file, and the field and line where there is one, and says what to do.
 */
export interface Problem {
  /**
   * `error` stops the build; `warning` is printed and the article is still published; `notice` says what
   * the build did on the writer's behalf (fields mapped from another generator's names).
   */
  severity: 'error' | 'warning' | 'notice';
  /** The file, as a path the newsroom recognises (relative to the project or content folder). */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number | undefined;
  /** The frontmatter field concerned, when there is one. */
  field?: string | undefined;
  /** What is wrong, in a sentence. */
  message: string;
  /** What to do about it. */
  hint?: string | undefined;
  /**
   * Editorial warnings of one kind (`label`: "tags used by one article only"), each about `subject` ("NATO"):
   * a report can show many of them as one line (`formatReport`'s `groupOver`).
   */
  group?: { label: string; subject: string } | undefined;
  /**
   * The other file this error is only a consequence of (a link or a `related:` pin to a file with errors of
   * its own): when rejected files are left out, this one is still published, with the link as plain text.
   */
  becauseOf?: string | undefined;
}

/** `content/world/a.md:3: date: is "25/10/2024" — write an ISO 8601 date, e.g. 2024-10-25T19:13:00` */
export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const field = problem.field === undefined ? '' : `${problem.field}: `;
  const hint = problem.hint === undefined ? '' : ` (${problem.hint})`;
  // One line per problem, whatever a quoted value holds: a line break inside could start a line of its own
  // that a terminal or a CI runner reads as a command (`::error …` in GitHub Actions).
  return `${where}: ${field}${problem.message}${hint}`.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** Problems in a stable order: by file, then line, then message, so reports read the same every run. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      compareText(a.field ?? '', b.field ?? '') ||
      compareText(a.message, b.message),
  );
}

/** Locale-independent string order (code units), so sorting never depends on the build machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The report printed when a build stops: every error and warning, then a count. */
export function formatReport(problems: readonly Problem[], options: { groupOver?: number; details?: string } = {}): string {
  const sorted = sortProblems(problems);
  const errors = sorted.filter((p) => p.severity === 'error');
  const warnings = sorted.filter((p) => p.severity === 'warning');
  const notices = sorted.filter((p) => p.severity === 'notice');
  const files = new Set(errors.map((p) => p.file));
  const { listed, grouped } = groupWarnings(warnings, options.groupOver);
  const lines = [
    ...errors.map((p) => `  error   ${formatProblem(p)}`),
    ...listed.map((p) => `  warning ${formatProblem(p)}`),
    ...grouped.map(({ label, subjects }) => `  warning ${subjects.length} ${label}: ${listSubjects(subjects)}`),
    ...notices.map((p) => `  notice  ${formatProblem(p)}`),
    ...(grouped.length > 0 && options.details ? [options.details] : []),
    `${errors.length} error${errors.length === 1 ? '' : 's'} in ${files.size} file${files.size === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}${notices.length > 0 ? `, ${notices.length} notice${notices.length === 1 ? '' : 's'}` : ''}.`,
  ];
  return lines.join('\n');
}

/** Warnings of a group with more than `over` members become one line; the others are listed one by one. */
function groupWarnings(warnings: readonly Problem[], over: number | undefined) {
  const byLabel = new Map<string, Problem[]>();
  for (const problem of warnings)
    if (problem.group) byLabel.set(problem.group.label, [...(byLabel.get(problem.group.label) ?? []), problem]);
  const large = new Set([...byLabel].filter(([, members]) => over !== undefined && members.length > over).map(([label]) => label));
  return {
    listed: warnings.filter((p) => !p.group || !large.has(p.group.label)),
    grouped: [...large].sort(compareText).map((label) => ({
      label,
      subjects: [...new Set(byLabel.get(label)!.map((p) => p.group!.subject))].sort(compareText),
    })),
  };
}

/** The first few subjects of a group, then how many more. */
function listSubjects(subjects: readonly string[], shown = 8): string {
  const first = subjects.slice(0, shown).join(', ');
  return subjects.length > shown ? `${first} and ${subjects.length - shown} more` : first;
}
