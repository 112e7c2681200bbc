import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../src/lib/article/body-scan.ts';
import { fieldTooDeep } from '../../src/lib/article/frontmatter-depth.ts';
import { parseArticle } from '../../src/lib/article/parse.ts';
import { formatProblem } from '../../src/lib/problems.ts';

const options = { timeZone: 'Europe/Paris', sections: ['World'] };
const body = '\n\nBody.\n';

/** What the build (parseArticle) and `npm run validate` (checkArticle) report for a file: they must agree. */
function problemsOf(text: string): string[] {
  const source = { file: 'content/world/bomb.md', relPath: 'world/bomb.md', bytes: new TextEncoder().encode(text) };
  const built = parseArticle(source, options);
  const validated = checkArticle(source, options) ?? built;
  expect(validated.problems).toEqual(built.problems);
  return built.problems.map(formatProblem);
}

const DEPTH =
  'nests more than 16 levels deep, deeper than any field Dateline reads (a field holds a value, a list of values, or a list of `field: value` pairs (corrections): remove the nesting)';

describe('frontmatter that cannot blow up', () => {
  it('should refuse a TOML key of 10,000 dotted parts with the file, line and field, not a stack overflow', () => {
    const key = Array.from({ length: 10_000 }, (_, i) => `k${i}`).join('.');
    expect(problemsOf(`+++\ntitle = "x"\ndate = 2024-10-25\n${key} = 1\n+++${body}`)).toEqual([`content/world/bomb.md:4: k0: ${DEPTH}`]);
  });

  it('should name the line of the deep TOML table, not of a field whose name it begins', () => {
    const table = Array.from({ length: 17 }, (_, i) => String.fromCharCode(97 + i)).join('.');
    expect(problemsOf(`+++\ntitle = "x"\ndate = 2024-10-25\nauthors = ["Ana Lima"]\n[${table}]\nkey = 1\n+++${body}`)).toEqual([
      `content/world/bomb.md:5: a: ${DEPTH}`,
    ]);
  });

  it('should refuse YAML nested thousands of levels deep, in flow and in block style, naming the line', () => {
    expect(problemsOf(`---\ntitle: x\ndate: 2024-10-25\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---${body}`)).toEqual([
      `content/world/bomb.md:4: x: ${DEPTH}`,
    ]);
    const block = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n');
    expect(problemsOf(`---\ntitle: x\ndate: 2024-10-25\nx:\n${block} 1\n---${body}`)).toEqual([`content/world/bomb.md:4: x: ${DEPTH}`]);
  });

  it('should refuse nesting just past the limit, and read the deepest field Dateline has', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    expect(problemsOf(`---\ntitle: x\ndate: 2024-10-25\nx: ${nested(17)}\n---${body}`)).toEqual([`content/world/bomb.md:4: x: ${DEPTH}`]);
    expect(problemsOf(`---\ntitle: x\ndate: 2024-10-25\nx: ${nested(16)}\n---${body}`)).toEqual([
      expect.stringMatching(/^content\/world\/bomb\.md:4: x: is not a field Dateline knows; it is ignored/),
    ]);
    expect(
      problemsOf(
        `---\ntitle: x\ndate: 2024-10-25T10:00\ncorrections:\n  - date: 2024-10-25T12:00\n    text: A name was misspelt.\n---${body}`,
      ),
    ).toEqual([]);
    expect(fieldTooDeep({ a: 1, b: [[[1]]] }, 3)).toBeUndefined();
    expect(fieldTooDeep({ a: 1, b: [[[[1]]]] }, 3)).toBe('b');
  });

  it('should bound YAML alias expansion (a billion laughs) and name the file', () => {
    const laughs = `a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]`;
    expect(problemsOf(`---\ntitle: x\ndate: 2024-10-25\n${laughs}\n---${body}`)).toEqual([
      'content/world/bomb.md:2: the frontmatter could not be read: Excessive alias count indicates a resource exhaustion attack (remove YAML aliases (*name) and anchors (&name); write each value out)',
    ]);
  });

  it('should keep __proto__ and constructor keys inert: ignored fields, no prototype touched, in YAML and TOML', () => {
    const yaml = `---\ntitle: x\ndate: 2024-10-25\n__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\ntags: [__proto__, constructor, toString]\n---${body}`;
    expect(problemsOf(yaml)).toEqual([
      expect.stringMatching(/^content\/world\/bomb\.md:4: __proto__: is not a field Dateline knows; it is ignored/),
      expect.stringMatching(/^content\/world\/bomb\.md:6: constructor: is not a field Dateline knows; it is ignored/),
    ]);
    const toml = `+++\ntitle = "x"\ndate = 2024-10-25\n[__proto__]\npolluted = true\n[constructor.prototype]\npolluted = true\n+++${body}`;
    expect(problemsOf(toml)).toEqual([
      expect.stringMatching(/^content\/world\/bomb\.md:1: __proto__: is not a field Dateline knows; it is ignored/),
      expect.stringMatching(/^content\/world\/bomb\.md:1: constructor: is not a field Dateline knows; it is ignored/),
    ]);
    const article = parseArticle(
      { file: 'content/world/bomb.md', relPath: 'world/bomb.md', bytes: new TextEncoder().encode(yaml) },
      options,
    ).article!;
    expect(article.tags).toEqual(['__proto__', 'constructor', 'toString']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
