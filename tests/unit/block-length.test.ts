import { describe, expect, it } from 'vitest';
import { overlongBlock } from '../../src/lib/article/block-length.ts';
import { checkArticle } from '../../src/lib/article/body-scan.ts';
import { parseArticle } from '../../src/lib/article/parse.ts';
import { formatProblem } from '../../src/lib/problems.ts';

const options = { timeZone: 'Europe/Paris', sections: ['World'] };

describe('overlongBlock', () => {
  it('should find the first block over the limit, with the line it starts on', () => {
    expect(overlongBlock('a\nb\n\nc\nd\ne\n', 10, 2)).toEqual({ line: 13, lines: 3 });
    expect(overlongBlock('a\nb\n\nc\nd\n', 10, 2)).toBeUndefined();
  });

  it('should not count fenced code or table rows, which the parser reads in linear time', () => {
    expect(overlongBlock('```\na\nb\nc\nd\n```\n', 1, 2)).toBeUndefined();
    expect(overlongBlock('~~~~\na\n~~~\nb\nc\n~~~~\n', 1, 2)).toBeUndefined();
    expect(overlongBlock('| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |\n', 1, 2)).toBeUndefined();
    expect(overlongBlock('a\nb\n```\nx\n```\nc\nd\ne\n', 1, 2)).toEqual({ line: 6, lines: 3 });
  });
});

describe('a body the Markdown parser would take minutes over', () => {
  const problemsOf = (body: string) => {
    const text = `---\ntitle: x\ndate: 2024-10-25\n---\n\nIntro.\n\n${body}\n`;
    const source = { file: 'content/world/long.md', relPath: 'world/long.md', bytes: new TextEncoder().encode(text) };
    const built = parseArticle(source, options);
    expect((checkArticle(source, options) ?? built).problems).toEqual(built.problems);
    return built.problems.map(formatProblem);
  };

  it('should refuse a quote continued by 40,000 lines (68 s of parsing) with the file and line, at once', () => {
    expect(problemsOf(`> a\n${'b\n'.repeat(40_000)}`)).toEqual([
      "content/world/long.md:8: 40,001 lines from here are one block, with no blank line between them: no block may run over 1,000 lines (the Markdown parser's time grows with the square of a block's length) (put a blank line between paragraphs)",
    ]);
  });

  it('should read blocks up to the limit, long tables and long fenced code', () => {
    expect(problemsOf(`> a\n${'b\n'.repeat(999)}`)).toEqual([]);
    expect(problemsOf(`| a | b |\n| - | - |\n${'| x | y |\n'.repeat(3000)}`)).toEqual([]);
    expect(problemsOf(`\`\`\`\n${'x\n'.repeat(5000)}\`\`\``)).toEqual([]);
  });
});
