import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { beyondTheScan, checkArticle, hasRawHtml, isLive, nestsDeeply, scanBody } from '../../src/lib/article/body-scan.ts';
import { splitFrontmatter } from '../../src/lib/article/frontmatter-split.ts';
import { mayHoldTemplateTags } from '../../src/lib/article/template-tags.ts';
import { parseArticle, type ArticleSource } from '../../src/lib/article/parse.ts';
import { parseMarkdown } from '../../src/lib/article/render.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const options = {
  timeZone: 'Europe/Paris',
  sections: ['World', 'Politics', 'Business', 'Technology', 'Science', 'Culture'],
  embedHosts: ['www.youtube-nocookie.com', 'player.vimeo.com'],
};

/** Every Markdown file the project has: the sample newsroom and every fixture, hostile ones included. */
function markdownFiles(): { absPath: string; relPath: string }[] {
  const files: { absPath: string; relPath: string }[] = [];
  for (const dir of ['content', 'tests/fixtures']) {
    for (const name of readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
      if (!name.endsWith('.md') || name.endsWith('README.md')) continue;
      const absPath = path.join(ROOT, dir, name);
      // Fixture folders stand for content folders: the path inside one is what the article sees.
      const inside = dir === 'content' ? name : name.split(path.sep).slice(1).join('/');
      // Author profiles are no articles (author-profiles.test.ts reads them).
      if (inside.startsWith('authors/')) continue;
      files.push({ absPath, relPath: inside.includes('/') ? inside : `world/${inside}` });
    }
  }
  return files.sort((a, b) => (a.absPath < b.absPath ? -1 : 1));
}

function source(absPath: string, relPath: string): ArticleSource {
  return {
    file: path.relative(ROOT, absPath),
    relPath,
    bytes: new Uint8Array(readFileSync(absPath)),
    fileExists: (src) => existsSync(path.resolve(path.dirname(absPath), src)),
  };
}

describe('the quick reading used by npm run validate', () => {
  const files = markdownFiles();

  it('should cover the sample newsroom and every fixture', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files.map((f) => [path.relative(ROOT, f.absPath), f] as const))('should report what the build reports for %s', (_name, file) => {
    const rendered = parseArticle(source(file.absPath, file.relPath), options);
    const scanned = checkArticle(source(file.absPath, file.relPath), options);
    if (!scanned) {
      // Left to the full pipeline: only live stories, and bodies with raw HTML, template tags, deep nesting or Markdown beyond the scan.
      const text = readFileSync(file.absPath, 'utf8');
      expect(isLive(text) || hasRawHtml(text) || mayHoldTemplateTags(text) || nestsDeeply(text) || beyondTheScan(text)).toBe(true);
      return;
    }
    expect(scanned.problems).toEqual(rendered.problems);
    expect(Boolean(scanned.article)).toBe(Boolean(rendered.article));
    if (rendered.article && scanned.article) {
      const { slug, title, date, tags, articleLinks, bodyImages } = rendered.article;
      expect(scanned.article).toMatchObject({ slug, title, date, tags, articleLinks, bodyImages });
    }
  });

  it('should scan most of the sample newsroom, and leave files with raw HTML to the pipeline', () => {
    const sample = files.filter((f) => f.absPath.includes(`${path.sep}content${path.sep}`));
    const scanned = sample.filter((f) => checkArticle(source(f.absPath, f.relPath), options));
    expect(scanned.length).toBeGreaterThan(sample.length / 2);
    const hostile = files.find((f) => f.absPath.endsWith('hostile-input.md'))!;
    expect(checkArticle(source(hostile.absPath, hostile.relPath), options)).toBeUndefined();
  });
});

describe('splitFrontmatter', () => {
  it.each([
    '---\ntitle: A\n---\n\nBody\n',
    '---\r\ntitle: A\r\n---\r\nBody\r\n',
    '+++\ntitle = "A"\n+++\nBody',
    '---\n---\nBody',
    '---  \ntitle: A\n---\t\nBody',
    '---\ntitle: A\n',
    '--- \ntitle: A\n----\nBody',
    'title: A\n---\n',
    '\n---\ntitle: A\n---\n',
    '---\ntitle: A\n---',
  ])('should find the block remark finds in %j', (text) => {
    const { frontmatter } = parseMarkdown(text);
    expect(splitFrontmatter(text)?.frontmatter).toEqual(frontmatter);
  });

  it('should say on which line the body starts', () => {
    expect(splitFrontmatter('---\ntitle: A\ndate: 2024-10-25\n---\n\nBody')).toMatchObject({ body: '\n\nBody', bodyLine: 4 });
  });
});

describe('scanBody', () => {
  it('should find links to articles and pictures in every Markdown form, with lines, outside code', () => {
    const body = [
      '',
      'See [the vote](../politics/budget.md#vote) and [the map][map].',
      '![A crowd](./crowd.jpg "Crowd") and ![a chart][chart]',
      '[![Thumb](./thumb.jpg)](./other.md) [a story](<./my story.md>)',
      '`[not a link](./code.md)`',
      '```',
      '![not an image](./code.jpg)',
      '```',
      '',
      '[map]: ./map.md',
      '[chart]: chart.png',
    ].join('\n');
    const found = scanBody(body, 5, { relPath: 'world/a.md', embedHosts: [] });
    expect(found.articleLinks.map((l) => [l.target, l.fragment, l.text, l.line])).toEqual([
      ['politics/budget.md', '#vote', 'the vote', 6],
      ['world/map.md', '', 'the map', 6],
      ['world/other.md', '', 'Thumb', 8],
      ['world/my story.md', '', 'a story', 8],
    ]);
    expect(found.imageUses.map((u) => [u.path, u.text, u.line])).toEqual([
      ['./crowd.jpg', 'A crowd', 7],
      ['./chart.png', 'a chart', 7],
      ['./thumb.jpg', 'Thumb', 8],
    ]);
  });

  it('should find links that leave the content folder', () => {
    expect(scanBody('[x](../../secret.md)', 1, { relPath: 'world/a.md', embedHosts: [] }).linksOutside).toEqual([
      { written: '../../secret.md', text: 'x', line: 1 },
    ]);
  });

  it('should tell raw HTML from autolinks and code', () => {
    for (const html of ['<img src=x>', 'a <br/> b', '</p>', '<!-- note -->', '<!doctype html>', '<?xml ?>', '<iframe\nsrc=x>'])
      expect(hasRawHtml(html), html).toBe(true);
    for (const plain of ['<https://example.org>', '<ana@example.org>', '`<script>`', '```\n<b>\n```', 'a < b and c > d', '2 <3'])
      expect(hasRawHtml(plain), plain).toBe(false);
  });
});
