// A file that cannot be published: the problems that stop its reading early, and what is still checked
// of it (its links, its pictures), so one run reports every problem.
import type { Problem } from '../problems.ts';
import type { FormerUrl } from './former-urls.ts';
import type { ArticleSource, ParseResult } from './read-types.ts';
import { MAX_BLOCK_LINES, overlongBlock } from './block-length.ts';
import { isRelativePath, isSupportedImage, leavesContentFolder } from './local-references.ts';
import type { RenderedBody } from './render.ts';

/** A block too long for the Markdown parser to read in reasonable time, found before anything parses the body. */
export function overlongBlockProblem(split: { body: string; bodyLine: number }, file: string): Problem | undefined {
  const long = overlongBlock(split.body, split.bodyLine);
  if (!long) return undefined;
  return {
    severity: 'error',
    file,
    line: long.line,
    message: `${long.lines.toLocaleString('en')} lines from here are one block, with no blank line between them: no block may run over ${MAX_BLOCK_LINES.toLocaleString('en')} lines (the Markdown parser's time grows with the square of a block's length)`,
    hint: 'put a blank line between paragraphs',
  };
}

/** A file with no frontmatter block, or one never closed. */
export function noFrontmatterProblem(text: string, file: string): Problem {
  const fence = /^(---|\+\+\+)[ \t]*\r?$/.exec(text.split('\n', 1)[0]!)?.[1];
  return {
    severity: 'error',
    file,
    line: 1,
    message: fence ? 'the frontmatter block is not closed' : 'the file has no frontmatter',
    hint: fence
      ? `add a line with only ${fence} after the last field`
      : 'start the file with a --- line, then title: and date: fields, then another --- line',
  };
}

/**
 * A file with errors: no article, but every problem found, and its links to other articles and its old
 * addresses, which the checks across files still check (a link to a missing article, or an old address
 * another story claims, is reported beside a bad field, not after it is fixed).
 */
export function failedWith(problems: Problem[], body: RenderedBody | undefined, formerUrls: FormerUrl[] = []): ParseResult {
  return {
    problems,
    ...(body && body.articleLinks.length > 0 && { articleLinks: body.articleLinks }),
    ...(formerUrls.length > 0 && { formerUrls }),
  };
}

/**
 * A file with errors, with the pictures still checked after parsing (an SVG must draw): those beside it
 * that exist, the hero picture included.
 */
export function failedWithPictures(
  problems: Problem[],
  body: RenderedBody | undefined,
  source: ArticleSource,
  hero: { src: string; line: number } | undefined,
  formerUrls: FormerUrl[] = [],
): ParseResult {
  const beside = (src: string) => !leavesContentFolder(source.relPath, src) && isSupportedImage(src) && source.fileExists?.(src) === true;
  const drawn = hero && isRelativePath(hero.src) && beside(hero.src) ? hero : undefined;
  return {
    ...failedWith(problems, body, formerUrls),
    ...(body && { imageUses: body.imageUses.filter((use) => beside(use.path)) }),
    ...(drawn && { heroImage: drawn.src, imageLine: drawn.line }),
  };
}
