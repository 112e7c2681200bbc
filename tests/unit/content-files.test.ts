import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listMarkdownFiles, notReadProblems } from '../../src/loaders/content-files.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'dateline-list-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const file of [
  'world/a.md',
  'world/Budget Talks.MD',
  'world/_draft.md',
  '.notes/b.md',
  'world/photos.md/caption.txt',
  'world/2024-10-25-post.markdown',
  'world/page.mdx',
  'world/photo.jpg',
]) {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), 'x');
}

describe('listMarkdownFiles', () => {
  it('should list .md files in any case, set aside names starting with . or _, and never list a folder', async () => {
    const listed = await listMarkdownFiles(dir);
    expect(listed.files).toEqual(['world/Budget Talks.MD', 'world/a.md']);
    expect(listed.ignored).toEqual(['.notes/b.md', 'world/_draft.md']);
  });

  it('should name other Markdown file names, which are not read, with the fix', async () => {
    const { notRead } = await listMarkdownFiles(dir);
    expect(notRead).toEqual(['world/2024-10-25-post.markdown', 'world/page.mdx']);
    expect(notReadProblems('/project', '/project/content', notRead)).toEqual([
      {
        severity: 'warning',
        file: 'content/world/2024-10-25-post.markdown',
        message: 'is not read: only files ending in .md are articles',
        hint: 'rename it to 2024-10-25-post.md to publish it',
      },
      {
        severity: 'warning',
        file: 'content/world/page.mdx',
        message: 'is not read: only files ending in .md are articles',
        hint: 'rename it to page.md to publish it',
      },
    ]);
  });
});
