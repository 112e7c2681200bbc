import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listingProblems } from '../../src/loaders/content-files.ts';
import { isFileInside, listMarkdownFiles, readArticleFile, UnreadableFile } from '../../src/loaders/content-folder.ts';
import { articleSource } from '../../src/loaders/content-files.ts';

const root = mkdtempSync(path.join(tmpdir(), 'dateline-list-'));
const dir = path.join(root, 'content');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const write = (file: string, text = 'x') => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};

beforeAll(() => {
  for (const file of [
    'world/a.md',
    'world/Budget Talks.MD',
    'world/_draft.md',
    '.notes/b.md',
    'world/photos.md/caption.txt',
    'world/2024-10-25-post.markdown',
    'world/page.mdx',
    'world/photo.jpg',
    'world/trailing-space.md ',
    'world/trailing-dot.md.',
    'world/zero\u200Bwidth.md',
  ])
    write(file);
  mkdirSync(path.join(root, 'elsewhere', 'articles'), { recursive: true });
  writeFileSync(path.join(root, 'elsewhere', 'secret.md'), 'token');
  writeFileSync(path.join(root, 'elsewhere', 'articles', 'c.md'), 'x');
  symlinkSync('/dev/zero', path.join(dir, 'world', 'zero.md'));
  symlinkSync(path.join(root, 'elsewhere', 'secret.md'), path.join(dir, 'world', 'outside.md'));
  symlinkSync('../../elsewhere/secret.md', path.join(dir, 'world', 'relative-outside.md'));
  symlinkSync(path.join(dir, 'world', 'a.md'), path.join(dir, 'world', 'inside-link.md'));
  symlinkSync(path.join(dir, 'world', 'missing.md'), path.join(dir, 'world', 'dangling.md'));
  symlinkSync(path.join(root, 'elsewhere', 'articles'), path.join(dir, 'linked-folder'));
  symlinkSync(path.join(root, 'elsewhere', 'articles'), path.join(dir, 'world', 'folder.md'));
  execFileSync('mkfifo', [path.join(dir, 'world', 'pipe.md')]);
});

describe('listMarkdownFiles', () => {
  it('should list .md files in any case and links to files inside the folder; set aside names starting with . or _', () => {
    const listed = listMarkdownFiles(dir);
    expect(listed.files).toEqual(['world/Budget Talks.MD', 'world/a.md', 'world/inside-link.md']);
    expect(listed.ignored).toEqual(['.notes/b.md', 'world/_draft.md']);
  });

  it('should refuse, as errors naming each, links out of the folder or to nothing, devices, pipes and invisible names', () => {
    const { refused } = listMarkdownFiles(dir);
    expect(refused.map((entry) => [entry.relPath, entry.message])).toEqual([
      ['world/dangling.md', 'is a symbolic link to nothing (its target does not exist)'],
      ['world/outside.md', 'is a symbolic link to a file outside the content folder: only files inside it are read'],
      ['world/pipe.md', 'is a named pipe (FIFO), not a file: only regular files are read'],
      ['world/relative-outside.md', 'is a symbolic link to a file outside the content folder: only files inside it are read'],
      ['world/zero.md', 'is a symbolic link to a file outside the content folder: only files inside it are read'],
      [
        'world/zero\u200Bwidth.md',
        'has an invisible character in its name (a zero-width space or a direction mark): its address would not be the one it looks like',
      ],
    ]);
  });

  it('should name, as warnings with the fix, what looks like an article and is not read: other extensions, odd endings, linked folders', () => {
    const { notRead } = listMarkdownFiles(dir);
    expect(notRead).toEqual([
      {
        relPath: 'linked-folder',
        message: 'is a symbolic link to a folder: the articles in it are not read',
        hint: 'move the folder into the content folder instead of linking to it',
      },
      {
        relPath: 'world/2024-10-25-post.markdown',
        message: 'is not read: only files ending in .md are articles',
        hint: 'rename it to 2024-10-25-post.md to publish it',
      },
      {
        relPath: 'world/folder.md',
        message: 'is a symbolic link to a folder: the articles in it are not read',
        hint: 'move the folder into the content folder instead of linking to it',
      },
      {
        relPath: 'world/page.mdx',
        message: 'is not read: only files ending in .md are articles',
        hint: 'rename it to page.md to publish it',
      },
      {
        relPath: 'world/trailing-dot.md.',
        message: 'is not read: its name goes on after ".md" (".")',
        hint: 'rename it to trailing-dot.md to publish it',
      },
      {
        relPath: 'world/trailing-space.md ',
        message: 'is not read: its name goes on after ".md" (" ")',
        hint: 'rename it to trailing-space.md to publish it',
      },
    ]);
    expect(listingProblems(root, dir, { notRead: notRead.slice(0, 1), refused: [] })).toEqual([
      {
        severity: 'warning',
        file: 'content/linked-folder',
        message: 'is a symbolic link to a folder: the articles in it are not read',
        hint: 'move the folder into the content folder instead of linking to it',
      },
    ]);
  });

  it('should say which folder cannot be read rather than fail', () => {
    expect(() => listMarkdownFiles(path.join(root, 'no-such-folder'))).toThrow(/the content folder cannot be read/);
  });
});

describe('readArticleFile', () => {
  const reason = (relPath: string, maxBytes = 1024) => {
    try {
      readArticleFile(dir, relPath, maxBytes);
    } catch (error) {
      expect(error).toBeInstanceOf(UnreadableFile);
      return (error as Error).message;
    }
    return 'read';
  };

  it('should read a regular file inside the folder, and a link to one', () => {
    write('world/read-me.md', 'hello');
    expect(readArticleFile(dir, 'world/read-me.md', 1024).toString()).toBe('hello');
    expect(readArticleFile(dir, 'world/inside-link.md', 1024).toString()).toBe('x');
  });

  it('should refuse, without hanging or filling memory, a pipe, a device, and a link out of the folder', () => {
    expect(reason('world/pipe.md')).toBe('is a named pipe (FIFO), not a file: only regular files are read');
    expect(reason('world/zero.md')).toBe('is outside the content folder (a symbolic link)');
    expect(reason('world/outside.md')).toBe('is outside the content folder (a symbolic link)');
    expect(reason('world/missing.md')).toMatch(/^cannot be read \(ENOENT\)$/);
  });

  it('should refuse a file over the size limit, naming its size and the setting', () => {
    write('world/large.md', 'x'.repeat(5000));
    expect(reason('world/large.md', 4096)).toBe('is 5 KiB, over the limit of 4 KiB for one article');
    expect(reason('world/large.md', 5000)).toBe('read');
  });

  it('should refuse a file swapped for a pipe after it was listed', () => {
    write('world/swapped.md', 'x');
    expect(listMarkdownFiles(dir).files).toContain('world/swapped.md');
    unlinkSync(path.join(dir, 'world', 'swapped.md'));
    execFileSync('mkfifo', [path.join(dir, 'world', 'swapped.md')]);
    expect(reason('world/swapped.md')).toBe('is a named pipe (FIFO), not a file: only regular files are read');
  });
});

describe('pictures beside an article', () => {
  it('should count only files inside the content folder, once links are followed', () => {
    write('world/photo.png', 'png');
    symlinkSync(path.join(root, 'elsewhere', 'secret.md'), path.join(dir, 'world', 'linked-out.png'));
    symlinkSync(path.join(dir, 'world', 'photo.png'), path.join(dir, 'world', 'linked-in.png'));
    const { fileExists } = articleSource(root, dir, 'world/a.md', new Uint8Array());
    expect(fileExists!('./photo.png')).toBe(true);
    expect(fileExists!('./linked-in.png')).toBe(true);
    expect(fileExists!('./linked-out.png')).toBe(false);
    expect(fileExists!('../../elsewhere/secret.md')).toBe(false);
    expect(fileExists!('./missing.png')).toBe(false);
    expect(isFileInside(dir, path.join(dir, 'world'))).toBe(false);
  });
});
