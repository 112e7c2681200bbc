import { compareText, type Problem } from './problems.ts';

/**
 * Publishing without the files that have errors (`leaveOutRejected`): one reporter's typo must not hold back
 * every other story. A file whose only errors come from another file's (a link or a pin to it, an old address
 * it also claims) is published, its link shown as plain text, so a bad file never takes the stories around it
 * down with it.
 */
/** What leaving the other file out does to this one, by the field of the error. */
const CONSEQUENCE: Record<string, string> = {
  related: 'the pin is not shown',
  formerUrls: 'the old address leads to this story',
};

export function leaveOutProblems(problems: readonly Problem[]): Problem[] {
  return problems.map((problem) =>
    problem.severity === 'error' && problem.becauseOf !== undefined
      ? {
          ...problem,
          severity: 'warning',
          hint: `${problem.becauseOf} is left out of this build, so ${CONSEQUENCE[problem.field ?? ''] ?? 'the link is shown as plain text'} until that file is fixed`,
        }
      : problem,
  );
}

/** One rejected file and every error that keeps it out. */
export interface RejectedFile {
  file: string;
  problems: { line?: number; field?: string; message: string; hint?: string }[];
}

/** The files with errors, in name order, each with its errors in line order: the report's `rejected`. */
export function rejectedFiles(problems: readonly Problem[]): RejectedFile[] {
  const byFile = new Map<string, RejectedFile['problems']>();
  for (const problem of problems) {
    if (problem.severity !== 'error') continue;
    const { line, field, message, hint } = problem;
    const list = byFile.get(problem.file) ?? [];
    list.push({ ...(line !== undefined && { line }), ...(field !== undefined && { field }), message, ...(hint !== undefined && { hint }) });
    byFile.set(problem.file, list);
  }
  return [...byFile.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([file, list]) => ({ file, problems: list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) }));
}
