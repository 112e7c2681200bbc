import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import { random } from '../../scripts/synthetic-related-corpus.ts';
import { parseArticle } from '../../src/lib/article/parse.ts';
import { constructsPossibleIn, parseMarkdownTree } from '../../src/lib/article/markdown-parser.ts';
import { useTempDir } from './support/temp-dir.ts';

/** What parseMarkdownTree must always equal: remark-parse with the whole of remark-gfm. */
const reference = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze();

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md') && !file.startsWith(`authors${path.sep}`))
    .sort()
    .map((file) => path.join(dir, file));
}

/** Texts written to hold each construct the parser may leave out, alone and together, and near misses. */
const CRAFTED = [
  'Write to desk@example.org, or news+tips@mail.example.co.uk.',
  'a_b@c_d.com and _emphasis_ and mailto:x@y.z and xmpp:a@b.c/d',
  'An @handle, a trailing @, and user@localhost without a dot.',
  'See www.example.com/a_b_c and https://example.org/path_(x) and HTTP://EXAMPLE.ORG.',
  'WWW.EXAMPLE.COM, Https://Example.org/x and [https://a.example](https://a.example) ![www.x.y](a.png)',
  // Literal autolinks micromark leaves to the search after parsing: after a character reference, HTML, an escape, code.
  'a&amp;www.b.com and <b>www.x.com</b> and \\_a@b.cd and `c`www.x.com and `c`https://x.y',
  'Inside *em www.example.com* and **strong a@b.cd** and a [link to desk@example.org](https://example.org).',
  '| a | b |\n| - | :-: |\n| 1 | 2 \\| 3 |',
  // One-column tables need no pipe; a table that could start ends a paragraph even where none is made.
  'a\n:-',
  'a b\n:-:\nc',
  'a\n<b>\n-:',
  'a | b\n--|--\n1 | 2',
  'no table | here\n\njust a pipe',
  '~~gone~~ and ~one~ and ~~~not\n\n~~~\nfenced\n~~~',
  'Text[^1] and [^note].\n\n[^1]: A note with desk@example.org.\n[^note]: Another | with ~~strike~~.',
  '[^]: not a footnote, [^ x] neither',
  '- [ ] to do\n- [x] done\n- [X] also done\n\n* [ ]\n* [y] not a task',
  '---\ntitle: "A | b ~ c @ d [^e]"\n---\n\nBody without any of them.',
  '+++\ntitle = "TOML"\n+++\n\nBody with a | pipe.',
  '```\ncode with a@b.c | ~~x~~ [^1]\n```\n\nand `inline a@b.c`',
  '<span>raw@html.tag</span> <a href="mailto:x@y.z">x</a>',
  'Line one\r\nwith CRLF and a@b.co\r\n\r\n| x |\r\n| - |\r\n',
  '> quoted | table\n> | - |\n> a@b.cd ~~s~~[^q]\n\n[^q]: q',
];

/** Pieces of Markdown around the characters the parser looks for (after the review's fuzzer, which found the pipe-free table). */
const FUZZ_PIECES = [
  ...['[', '![', ']', '](u)', '][x]', '[]', '(', ')', '[x]: /u', '[^n]', '[^n]: note', '![ ^n]', '^'],
  ...['www.a.com', 'Www.b.org/x)', 'http://c.d', 'https://e.f/g_h', 'h', 'w', 'a', 'z9', 'a@b.co', 'mailto:m@n.op', '@'],
  ...['_', '*', '**', '`', '~', '~~', '|', '-', ':', '-:', '\n:-\n', '.', '+', '\\*', '\\[', '\\|'],
  ...['<b>', '</b>', '<!---->', '&#64;', '&#124;', '&#126;', '&#91;', '&amp;', 'é', 'ſ', 'K'],
  ...[' ', '  ', '\t', '\n', '\n', '\r\n', '\n\n', '> ', '- ', '1. ', '    ', '```\n'],
];

describe('parseMarkdownTree', () => {
  it('gives the same tree as remark-parse with remark-gfm, on texts written to hold each construct', () => {
    for (const text of CRAFTED) expect(parseMarkdownTree(text), text).toEqual(reference.parse(text));
  });

  it('gives the same tree on every sample article and test fixture', () => {
    const files = [...markdownFiles('content'), ...markdownFiles('tests/fixtures')];
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(parseMarkdownTree(text), file).toEqual(reference.parse(text));
    }
  });

  it('gives the same tree on thousands of random texts built from the characters the constructs need', () => {
    const next = random(20_261_127);
    const pick = (list: readonly string[]) => list[Math.floor(next() * list.length)]!;
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let n = 1 + Math.floor(next() * 30); n > 0; n--) text += pick(FUZZ_PIECES) + (next() < 0.25 ? ' ' : '');
      expect(parseMarkdownTree(text), JSON.stringify(text)).toEqual(reference.parse(text));
    }
  });

  const tempDir = useTempDir('markdown-parser');
  it('gives the same tree on the benchmark’s synthetic articles', () => {
    generateCorpus(100, tempDir());
    const files = markdownFiles(tempDir());
    expect(files).toHaveLength(100);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(parseMarkdownTree(text), file).toEqual(reference.parse(text));
    }
  });
});

describe('constructsPossibleIn', () => {
  it('leaves out every optional construct from a text without its character', () => {
    expect(constructsPossibleIn('# Plain\n\nWords, [a link](https://example.org) and www.example.org.\n\n- [ ] task')).toEqual([]);
  });

  it('keeps each construct whose character the text has', () => {
    expect(constructsPossibleIn('desk@example.org')).toEqual(['email autolink']);
    expect(constructsPossibleIn('a[^1]')).toEqual(['footnote']);
    expect(constructsPossibleIn('~~x~~')).toEqual(['strikethrough']);
    expect(constructsPossibleIn('a | b')).toEqual(['table']);
    expect(constructsPossibleIn('a\n:-')).toEqual(['table']);
    expect(constructsPossibleIn('a\n-:')).toEqual(['table']);
    expect(constructsPossibleIn('a@b.c [^1] ~x~ |')).toEqual(['email autolink', 'footnote', 'strikethrough', 'table']);
  });
});

describe('the remark-gfm fallback (markdownParser)', () => {
  it('parses with remark-gfm itself when the site says so, and publishes the same article', () => {
    const options = { timeZone: 'Europe/Paris', sections: ['World', 'Politics', 'Business', 'Technology', 'Science', 'Culture'] };
    for (const file of markdownFiles('content')) {
      const source = { file, relPath: path.relative('content', file), bytes: readFileSync(file) };
      const fallback = parseArticle(source, { ...options, markdownParser: 'remark-gfm' });
      expect(fallback.article, file).toBeDefined();
      expect(fallback, file).toEqual(parseArticle(source, options));
    }
    const text = 'a\n:-';
    expect(parseMarkdownTree(text, 'remark-gfm')).toEqual(reference.parse(text));
  });

  it('uses the GFM packages at the versions remark-gfm itself resolves, so the two parse with the same code', () => {
    const ours = createRequire(path.resolve('package.json'));
    const theirs = createRequire(createRequire(ours.resolve('remark-gfm')).resolve('mdast-util-gfm'));
    const viaMicromark = createRequire(createRequire(ours.resolve('remark-gfm')).resolve('micromark-extension-gfm'));
    // The package's own folder, from its entry point (its package.json is not among its exports).
    const version = (require: NodeJS.Require, name: string) => {
      let dir = path.dirname(require.resolve(name));
      while (path.basename(dir) !== name) dir = path.dirname(dir);
      return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    };
    const dependencies = Object.keys(
      (JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies,
    );
    const gfmParts = dependencies.filter((name) =>
      /^(mdast-util-gfm-|micromark-extension-gfm-|micromark-util-combine-extensions$)/.test(name),
    );
    expect(gfmParts.length).toBeGreaterThanOrEqual(10);
    for (const name of gfmParts) {
      const resolver = name.startsWith('mdast-') ? theirs : viaMicromark;
      expect(version(ours, name), name).toBe(version(resolver, name));
    }
  });
});
