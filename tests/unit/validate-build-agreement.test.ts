import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../src/lib/article/body-scan.ts';
import { parseArticle, type ArticleSource } from '../../src/lib/article/parse.ts';

/**
 * `npm run validate` reads Markdown bodies the quick way (body-scan.ts) and the build with the full pipeline:
 * for every body the quick reading accepts, both must report the same problems. Bodies are drawn at random
 * (fixed seed) from the link and picture forms writers and attackers use, in the places Markdown treats
 * differently (code, quotes, lists, escapes, references).
 */

const options = { timeZone: 'Europe/Paris', sections: ['World', 'Politics'] };

function random(seed: number): () => number {
  // mulberry32: small, fast, and the same sequence everywhere.
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TARGETS = [
  './other.md',
  '../politics/vote.md#result',
  'vote.md',
  '..%2f..%2fsecret.md',
  '..\\..\\secret.md',
  '<my story.md>',
  'https://example.org/a.md',
  '/world/a/',
  '#top',
  '../../../etc/passwd',
  './photo.jpg',
  'photo.png',
  '../../elsewhere/photo.png',
  '..%2felsewhere%2fphoto.png',
  '..%2F..%2Fphoto.png',
  './report.pdf',
  '<my photo.jpg>',
  'https://cdn.example/x.jpg',
  '/images/x.jpg',
  'missing.webp',
  './sub/../photo.jpg',
  '%2e%2e/%2e%2e/photo.jpg',
  './missing&#46;md',
  'photo&period;jpg',
];
const TEXTS = ['the vote', '', 'A *crowd*', 'x', '`code`', '[nested]'];

function fragment(next: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const target = pick(TARGETS);
  const text = pick(TEXTS);
  const title = next() < 0.2 ? ' "a title"' : '';
  const forms = [
    `[${text}](${target}${title})`,
    `![${text}](${target}${title})`,
    `\`![${text}](${target})\``,
    `\\![${text}](${target})`,
    `[${text}][ref]\n\n[ref]: ${target}`,
    `![${text}][pic]\n\n[pic]: ${target}`,
    `\`\`\`\n![${text}](${target})\n\`\`\``,
    `<${target}>`,
    `**[${text}](${target})**`,
    `> See [${text}][q].\n>\n> [q]: ${target}`,
    `- [${text}][l]\n\n  [l]: ${target}`,
  ];
  return pick(forms);
}

function body(next: () => number): string {
  const separators = [' ', '\n', '\n\n', '\n\n- ', '\n\n> ', '\n\n1. ', '\n\n    '];
  const parts: string[] = [];
  const count = 1 + Math.floor(next() * 5);
  for (let i = 0; i < count; i++) parts.push(separators[Math.floor(next() * separators.length)]!, fragment(next));
  return parts.join('').trim();
}

describe('validate and the build agree', () => {
  it('should report the same problems for 3,000 random bodies of links and pictures in every written form', () => {
    const next = random(20241025);
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      const text = `---\ntitle: Story ${i}\ndate: 2024-10-25T19:13:00\n---\n\n${body(next)}\n`;
      const source: ArticleSource = {
        file: `content/world/story-${i}.md`,
        relPath: `world/story-${i}.md`,
        bytes: new TextEncoder().encode(text),
        fileExists: (relative) => /photo\.(?:jpg|png)$/.test(relative),
      };
      const quick = checkArticle(source, options);
      if (!quick) continue; // raw HTML or deep nesting: validate reads it with the build's pipeline
      compared += 1;
      const built = parseArticle(source, options);
      expect(quick.problems, text).toEqual(built.problems);
      expect(quick.article?.bodyImages, text).toEqual(built.article?.bodyImages);
      expect(quick.article?.articleLinks, text).toEqual(built.article?.articleLinks);
    }
    // The rest hold raw HTML, indented code or escapes: validate reads those the build's way.
    expect(compared).toBeGreaterThan(600);
  });

  it("should agree with a minimum of words: a body near it is read the build's way, one well past it the quick way", () => {
    const strict = { ...options, minBodyWords: 5 };
    const prose = 'The committee met again on Friday and heard from witnesses, officials and experts about the budget. '.repeat(5);
    const next = random(20241026);
    let quickly = 0;
    for (let i = 0; i < 500; i++) {
      // Half of them short: links and pictures only, often fewer words than the minimum.
      const text = `---\ntitle: Story ${i}\ndate: 2024-10-25T19:13:00\n---\n\n${i % 2 ? prose : ''}${body(next)}\n`;
      const source: ArticleSource = { file: `content/world/s-${i}.md`, relPath: `world/s-${i}.md`, bytes: new TextEncoder().encode(text) };
      const quick = checkArticle(source, strict);
      const built = parseArticle(source, strict);
      if (quick) {
        quickly += 1;
        expect(quick.problems, text).toEqual(built.problems);
      }
      if (i % 2 === 0) expect(quick, "a short body is read the build's way").toBeUndefined();
    }
    expect(quickly).toBeGreaterThan(50);
  });

  it('should leave to the parser a body of thousands of unclosed backtick runs, which the scan would take minutes over', () => {
    const runs = Array.from({ length: 3000 }, (_, i) => `${'`'.repeat((i % 40) + 1)}a`).join('');
    const text = `---\ntitle: Backticks\ndate: 2024-10-25T19:13:00\n---\n\n${runs}\n`;
    const source = { file: 'content/world/ticks.md', relPath: 'world/ticks.md', bytes: new TextEncoder().encode(text) };
    expect(checkArticle(source, options)).toBeUndefined();
  });
});
