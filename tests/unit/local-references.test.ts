import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  classifyLink,
  isSupportedImage,
  localImagePath,
  marker,
  readMarker,
  resolveInContent,
} from '../../src/lib/article/local-references.ts';
import { checkArticle } from '../../src/lib/article/body-scan.ts';
import { parseArticle, type ArticleSource } from '../../src/lib/article/parse.ts';
import { formatProblem } from '../../src/lib/problems.ts';

const options = { timeZone: 'Europe/Paris', sections: ['World', 'Politics'] };

function source(body: string, relPath = 'world/story.md', extra: Partial<ArticleSource> = {}): ArticleSource {
  const text = `---\ntitle: A story\ndate: 2024-10-25T19:13:00\n---\n\n${body}\n`;
  return { file: `content/${relPath}`, relPath, bytes: new TextEncoder().encode(text), ...extra };
}

describe('resolveInContent', () => {
  it.each([
    ['world/a.md', 'b.md', 'world/b.md'],
    ['world/a.md', './b.md', 'world/b.md'],
    ['world/a.md', '../politics/b.md', 'politics/b.md'],
    ['politics/my-story/index.md', '../other/index.md', 'politics/other/index.md'],
    ['politics/my-story/index.md', '../../world/b.md', 'world/b.md'],
    ['a.md', 'world/b.md', 'world/b.md'],
    ['world/a.md', './x/../b.md', 'world/b.md'],
    ['world/a.md', '../../b.md', undefined],
    ['a.md', '../b.md', undefined],
  ])('should resolve %j + %j to %j', (from, relative, expected) => {
    expect(resolveInContent(from, relative)).toBe(expected);
  });
});

describe('classifyLink', () => {
  it.each([
    ['./other.md', { kind: 'article', target: 'world/other.md', fragment: '' }],
    ['other.md', { kind: 'article', target: 'world/other.md', fragment: '' }],
    ['../politics/budget.md#section', { kind: 'article', target: 'politics/budget.md', fragment: '#section' }],
    ['./Other.MD?x=1#top', { kind: 'article', target: 'world/Other.MD', fragment: '#top' }],
    ['./my%20story.md', { kind: 'article', target: 'world/my story.md', fragment: '' }],
    ['..\\politics\\budget.md', { kind: 'article', target: 'politics/budget.md', fragment: '' }],
    ['./other.md#', { kind: 'article', target: 'world/other.md', fragment: '' }],
    ['../../secret.md', { kind: 'outside' }],
    ['https://example.org/readme.md', undefined],
    ['mailto:desk@example.org', undefined],
    ['/world/other.md', undefined],
    ['//example.org/x.md', undefined],
    ['#other.md', undefined],
    ['../politics/earlier-story/', undefined],
    ['./chart.png', undefined],
  ])('should read %j', (href, expected) => {
    expect(classifyLink('world/story.md', href)).toEqual(expected);
  });
});

describe('localImagePath', () => {
  it.each([
    ['./photo.jpg', './photo.jpg'],
    ['photo.jpg', './photo.jpg'],
    ['images/photo.jpg?v=2', './images/photo.jpg'],
    ['../shared/map.png', '../shared/map.png'],
    ['my%20photo.jpg', './my photo.jpg'],
    ['/images/photo.jpg', undefined],
    ['https://example.org/a.jpg', undefined],
    ['data:image/png;base64,AAAA', undefined],
    ['#top', undefined],
    ['', undefined],
  ])('should read %j as %j', (src, expected) => {
    expect(localImagePath(src)).toBe(expected);
  });

  it('should know the picture formats astro:assets reads', () => {
    expect(['./a.jpg', './a.JPEG', './a.png', './a.webp', './a.avif', './a.gif', './a.svg'].every(isSupportedImage)).toBe(true);
    expect(['./a.pdf', './x', './a.jpg.txt'].some(isSupportedImage)).toBe(false);
  });
});

describe('markers', () => {
  it('should read back what it writes, and nothing else', () => {
    expect(readMarker(marker('link', 12))).toEqual({ kind: 'link', index: 12 });
    expect(readMarker(marker('image', 0))).toEqual({ kind: 'image', index: 0 });
    for (const value of ['#dateline:link:01', '#dateline:link:', '#dateline:video:1', 'dateline:link:1', '#dateline:link:1 ', 3, undefined])
      expect(readMarker(value)).toBeUndefined();
  });
});

describe('parseArticle: local references in the body', () => {
  it('should record links to other articles with their line, and leave markers in the HTML', () => {
    const { article, problems } = parseArticle(
      source('See [the vote](../politics/budget.md#vote).\n\nAnd <a href="other.md">the other</a> and [the web](https://example.org/).'),
      options,
    );
    expect(problems).toEqual([]);
    expect(article?.articleLinks).toEqual([
      { written: '../politics/budget.md#vote', text: 'the vote', line: 6, target: 'politics/budget.md', fragment: '#vote' },
      { written: 'other.md', text: 'the other', line: 8, target: 'world/other.md', fragment: '' },
    ]);
    expect(article?.html).toBe(
      '<p>See <a href="#dateline:link:0">the vote</a>.</p>\n<p>And <a href="#dateline:link:1">the other</a> and <a href="https://example.org/">the web</a>.</p>',
    );
  });

  it('should resolve links from an article in its own folder against that folder', () => {
    const { article } = parseArticle(source('[x](./notes.md) [y](../other-story/index.md)', 'politics/my-story/index.md'), options);
    expect(article?.slug).toBe('my-story');
    expect(article?.articleLinks.map((link) => link.target)).toEqual(['politics/my-story/notes.md', 'politics/other-story/index.md']);
  });

  it('should refuse a link that leaves the content folder, naming the file, line and link', () => {
    const { article, problems } = parseArticle(source('Read [the secret](../../secret.md).'), options);
    expect(article).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([
      'content/world/story.md:6: link ../../secret.md ("the secret"): the link leads outside the content folder, where no article can be (link to an article file inside the content folder, e.g. ../politics/budget-vote.md)',
    ]);
  });

  it('should publish pictures beside the article: one marker per file, site-root paths as written', () => {
    const { article, problems } = parseArticle(
      source('![A](./a.jpg)\n\n<img src="a.jpg" alt="A again" width="320">\n\n![B](b.png) ![Logo](/images/logo.png)'),
      options,
    );
    expect(problems).toEqual([]);
    expect(article?.bodyImages).toEqual(['./a.jpg', './b.png']);
    expect(article?.html).toBe(
      '<p><img src="#dateline:image:0" alt="A"></p>\n<img src="#dateline:image:0" alt="A again" width="320">\n<p><img src="#dateline:image:1" alt="B"> <img src="/images/logo.png" alt="Logo"></p>',
    );
  });

  it('should make a missing picture an error naming the article, line and path', () => {
    const exists = (p: string) => p === './here.jpg';
    const { article, problems } = parseArticle(
      source('![Here](./here.jpg)\n\n![The crowd](./crowd.jpg)', 'world/story.md', { fileExists: exists }),
      options,
    );
    expect(article).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([
      'content/world/story.md:8: image ./crowd.jpg ("The crowd"): the file does not exist next to the article (check the file name, or copy the image beside the Markdown file)',
    ]);
  });

  it('should check the decoded file name of a picture', () => {
    const asked: string[] = [];
    parseArticle(source('![A](<my photo.jpg>)', 'world/story.md', { fileExists: (p) => (asked.push(p), true) }), options);
    expect(asked).toEqual(['./my photo.jpg']);
  });

  it('should refuse a picture outside the content folder in every written form, in the build and in validate alike', () => {
    const forms = [
      '![Out](../../elsewhere/photo.png)',
      '![Out](..%2f..%2felsewhere%2fphoto.png)',
      '<img src="../../elsewhere/photo.png" alt="Out">',
      '<img src="..%2F..%2Felsewhere/photo.png" alt="Out">',
      '<img src="..\\..\\elsewhere\\photo.png" alt="Out">',
    ];
    for (const form of forms) {
      const written = source(form, 'world/story.md', { fileExists: () => true });
      const { article, problems } = parseArticle(written, options);
      expect(article, form).toBeUndefined();
      expect(problems, form).toEqual([
        expect.objectContaining({
          severity: 'error',
          line: 6,
          message: expect.stringMatching(/^image .*: the picture is outside the content folder; only pictures inside it are published$/),
        }),
      ]);
      // The quick reading of `npm run validate` (raw HTML goes to the full pipeline there too) agrees.
      const quick = checkArticle(written, options) ?? parseArticle(written, options);
      expect(quick.problems, form).toEqual(problems);
    }
  });

  it('should refuse a hero picture outside the content folder, however written', () => {
    for (const image of ['../../elsewhere/photo.png', '..%2f..%2felsewhere%2fphoto.png', '..\\..\\elsewhere\\photo.png']) {
      const text = `---\ntitle: A story\ndate: 2024-10-25T19:13:00\nimage: '${image}'\nimageAlt: A photo\n---\n\nBody.\n`;
      const { problems } = parseArticle(
        { file: 'content/world/story.md', relPath: 'world/story.md', bytes: new TextEncoder().encode(text), fileExists: () => true },
        options,
      );
      expect(problems.map(formatProblem), image).toEqual([
        `content/world/story.md:4: image: "${image.replace(/\\\\/g, '\\')}" is outside the content folder: only pictures inside it are published (copy the picture beside the Markdown file and write image: ./photo.jpg)`,
      ]);
    }
  });

  it('should refuse a body picture astro:assets cannot read', () => {
    const { problems } = parseArticle(source('![The report](./report.pdf)', 'world/story.md', { fileExists: () => true }), options);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 6,
        message: 'image ./report.pdf ("The report"): not an image file Dateline can publish',
      }),
    ]);
  });

  it('should not count references the sanitiser removes', () => {
    const { article, problems } = parseArticle(
      source(
        '<svg><a href="./b.md">x</a></svg> <math><annotation-xml encoding="text/html"><img src="x.jpg" alt="x"></annotation-xml></math>',
      ),
      options,
    );
    expect(problems).toEqual([]);
    expect(article?.articleLinks).toEqual([]);
    expect(article?.bodyImages).toEqual([]);
  });

  it('should remove markers written by hand', () => {
    const { article } = parseArticle(source('[x](#dateline:link:0) <img src="#dateline:image:0" alt="y">'), options);
    expect(article?.html).toBe('<p><a>x</a> </p>');
    expect(article?.articleLinks).toEqual([]);
  });
});

describe('npm run validate', () => {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const validate = (contentDir: string) =>
    spawnSync(process.execPath, [path.join(root, 'scripts', 'validate.ts')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: contentDir, DATELINE_NOW: '2025-01-01T12:00:00Z' },
    });

  it('should check links between articles and pictures beside them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dateline-local-refs-'));
    try {
      cpSync(path.join(root, 'tests', 'fixtures', 'local-refs'), dir, { recursive: true });
      const good = validate(dir);
      expect(good.stdout).toMatch(/briefing\.md:11: link \.\/draft-note\.md \("A note still being written"\): .*draft-note\.md is a draft/);
      expect(good.stdout).not.toMatch(/^ {2}error/m);

      rmSync(path.join(dir, 'politics', 'budget-vote-delayed', 'crowd.jpg'));
      writeFileSync(path.join(dir, 'world', 'broken.md'), '---\ntitle: Broken\ndate: 2024-11-01\n---\n\nSee [x](./other.md).\n');
      const bad = validate(dir);
      expect(bad.status).toBe(1);
      expect(bad.stdout).toContain(
        `${path.join(dir, 'world', 'broken.md')}:6: link ./other.md ("x"): no article at ${path.join(dir, 'world', 'other.md')} (check the file name)`,
      );
      expect(bad.stdout).toMatch(
        /budget-vote-delayed\/index\.md:11: image \.\/crowd\.jpg \("Protesters outside parliament at dusk"\): the file does not exist next to the article/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
