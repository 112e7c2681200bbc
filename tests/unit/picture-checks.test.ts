import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pictureProblems, pictureUses } from '../../src/loaders/picture-checks.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const GOOD = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect width="100" height="50"/></svg>';
const MALFORMED = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dateline-svg-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('pictureUses', () => {
  it('keeps the pictures of the hero and the body, with their lines', () => {
    const body = { path: './map.SVG', written: './map.SVG', text: 'A map', line: 9 };
    const photo = { path: './photo.jpg', written: './photo.jpg', text: '', line: 10 };
    expect(pictureUses('./chart.svg', 4, [body, photo])).toEqual([
      { path: './chart.svg', line: 4 },
      { path: './map.SVG', line: 9, reference: body },
      { path: './photo.jpg', line: 10, reference: photo },
    ]);
    expect(pictureUses(undefined, undefined, [])).toEqual([]);
  });
});

describe('pictureProblems', () => {
  it('is an error of the article, at the line naming the picture, for each SVG sharp cannot draw; a missing file is left to the other checks', async () => {
    const dir = folder({ 'good.svg': GOOD, 'bad.svg': MALFORMED, 'story.md': '' });
    const reference = { path: './bad.svg', written: './bad.svg', text: 'Turnout', line: 12 };
    const problems = await pictureProblems(
      'content/world/story.md',
      path.join(dir, 'story.md'),
      [
        { path: './bad.svg', line: 4 },
        { path: './good.svg', line: 8 },
        { path: './bad.svg', line: 12, reference },
        { path: './gone.svg', line: 14 },
      ],
      new Map(),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'content/world/story.md',
        line: 4,
        field: 'image',
        message: expect.stringMatching(/^"\.\/bad\.svg" cannot be drawn: XML parse error: at line 1, column \d+: /),
      }),
      expect.objectContaining({
        severity: 'error',
        line: 12,
        message: expect.stringMatching(/^image \.\/bad\.svg \("Turnout"\): cannot be drawn: XML parse error/),
      }),
    ]);
    expect(problems[0]!.hint).toMatch(/export it as PNG$/);
  });

  it('draws each SVG once, by its bytes: a verdict found earlier is reused, and a changed picture is drawn again', async () => {
    const dir = folder({ 'chart.svg': MALFORMED, 'story.md': '' });
    const verdicts = new Map<string, string>();
    const uses = [{ path: './chart.svg', line: 4 }];
    expect(await pictureProblems('story.md', path.join(dir, 'story.md'), uses, verdicts)).toHaveLength(1);
    expect([...verdicts.values()]).toEqual([expect.stringContaining('XML parse error')]);

    // A verdict says "draws" for these bytes: the picture is not drawn again.
    for (const key of verdicts.keys()) verdicts.set(key, '');
    expect(await pictureProblems('story.md', path.join(dir, 'story.md'), uses, verdicts)).toEqual([]);

    writeFileSync(path.join(dir, 'chart.svg'), GOOD);
    expect(await pictureProblems('story.md', path.join(dir, 'story.md'), uses, verdicts)).toEqual([]);
    expect(verdicts.size).toBe(2);
  });

  it('is an error for a picture whose size and format cannot be read (a text file renamed .jpg), as Astro would stop the build on it', async () => {
    const dir = folder({ 'fake.jpg': 'hello\n', 'story.md': '' });
    writeFileSync(path.join(dir, 'real.jpg'), readFileSync(path.join(ROOT, 'content', 'authors', 'elena-petrova.jpg')));
    const reference = { path: './fake.jpg', written: './fake.jpg', text: 'The scene', line: 12 };
    const verdicts = new Map<string, string>();
    const problems = await pictureProblems(
      'content/world/story.md',
      path.join(dir, 'story.md'),
      [
        { path: './fake.jpg', line: 4 },
        { path: './real.jpg', line: 5 },
        { path: './fake.jpg', line: 12, reference },
      ],
      verdicts,
    );
    expect(problems.map(({ line, field, message }) => ({ line, field, message }))).toEqual([
      { line: 4, field: 'image', message: '"./fake.jpg" is not a picture: its size and format cannot be read' },
      { line: 12, field: undefined, message: 'image ./fake.jpg ("The scene"): is not a picture: its size and format cannot be read' },
    ]);
    expect(problems[0]!.hint).toContain('save it again as JPEG, PNG, WebP or AVIF');
    expect(verdicts.size).toBe(2);
  });
});
