import type { Problem } from './problems.ts';

/**
 * A problem as a GitHub Actions workflow command (`::error file=…,line=…,title=…::message`), which GitHub
 * shows on the file and line of a pull request's changes. Values are escaped as the runner reads them:
 * `%`, CR and LF in the message; `:` and `,` too in properties.
 */
export function githubAnnotation(problem: Problem): string {
  const data = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const properties = [
    `file=${property(problem.file)}`,
    ...(problem.line !== undefined ? [`line=${problem.line}`] : []),
    ...(problem.field !== undefined ? [`title=${property(problem.field)}`] : []),
  ];
  const command = problem.severity === 'error' ? 'error' : problem.severity === 'warning' ? 'warning' : 'notice';
  return `::${command} ${properties.join(',')}::${data(problem.hint ? `${problem.message} (${problem.hint})` : problem.message)}`;
}
