import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomically } from '../build/atomic-write.ts';
import { githubAnnotation } from '../lib/annotations.ts';
import type { BuildReport } from '../lib/build-report.ts';
import { sortProblems, type Problem } from '../lib/problems.ts';

/** The machine-readable report: beside the output folder, so it is never published with the site. */
export function buildReportPath(outDir: URL): string {
  return path.join(path.dirname(fileURLToPath(outDir)), 'build-report.json');
}

/** Written aside and renamed, so CI never reads half a report. */
export function writeBuildReport(outDir: URL, report: BuildReport): void {
  writeFileAtomically(buildReportPath(outDir), Buffer.from(`${JSON.stringify(report, null, 2)}\n`));
}

/** In GitHub Actions, each error also goes on its file and line (as `npm run validate` does on pull requests). */
export function annotate(problems: readonly Problem[]): void {
  for (const problem of sortProblems(problems)) if (problem.severity === 'error') console.log(githubAnnotation(problem));
}
