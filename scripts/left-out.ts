// `npm run left-out [report]`: after a build that left files with errors out (leaveOutRejected), says which
// and why, for people and for CI: prints each file with its errors as a Markdown list (the deploy workflow
// adds it to the run's summary) and `left-out=N` to $GITHUB_OUTPUT when set. Exit code 0: it reports, the
// workflow decides what fails. The report defaults to build-report.json beside dist/.
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BuildReport } from '../src/lib/build-report.ts';

const file = path.resolve(process.argv[2] ?? 'build-report.json');
const report = JSON.parse(readFileSync(file, 'utf8')) as BuildReport;
const lines =
  report.rejected.length === 0
    ? ['Every article file was published or held back on purpose (drafts, scheduled): none was left out.']
    : [
        `**${report.rejected.length} article ${report.rejected.length === 1 ? 'file was' : 'files were'} left out of the published site**, each for the errors listed; the other ${report.published} are published. Fix each file and push: the next build publishes it.`,
        '',
        ...report.rejected.flatMap(({ file: name, problems }) => [
          `- \`${name}\``,
          ...problems.map(
            (p) =>
              `  - ${p.line !== undefined ? `line ${p.line}: ` : ''}${p.field ? `${p.field}: ` : ''}${p.message}${p.hint ? ` (${p.hint})` : ''}`,
          ),
        ]),
      ];
console.log(lines.join('\n'));
if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `left-out=${report.rejected.length}\n`);
