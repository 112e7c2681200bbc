import type { FrontmatterBlock } from './render.ts';

/**
 * The frontmatter block as remark-frontmatter finds it: a `---` (YAML) or `+++` (TOML) line first in the
 * file, up to the next line holding the same fence. `bodyLine` is the file line the body starts on.
 */
export function splitFrontmatter(text: string): { frontmatter: FrontmatterBlock; body: string; bodyLine: number } | undefined {
  const open = /^(---|\+\+\+)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!open) return undefined;
  const fence = open[1]!;
  const close = new RegExp(`^${fence === '---' ? '---' : '\\+\\+\\+'}[ \\t]*$`, 'm');
  const rest = text.slice(open[0].length);
  const end = close.exec(rest);
  if (!end) return undefined;
  const value = rest.slice(0, end.index).replace(/\r?\n$/, '');
  const afterFence = rest.slice(end.index + end[0].length);
  const linesBefore = countLines(text.slice(0, open[0].length + end.index + end[0].length));
  return {
    frontmatter: { language: fence === '---' ? 'yaml' : 'toml', value, line: 1 },
    body: afterFence,
    bodyLine: linesBefore + 1 - (afterFence.startsWith('\n') || afterFence.startsWith('\r\n') ? 1 : 0),
  };
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}
