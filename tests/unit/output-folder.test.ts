import { existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from './support/temp-dir.ts';
import { filesBelow, syncFolder } from '../../src/integrations/output-folder.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('syncFolder', () => {
  const dir = useTempDir('sync');

  it('should write every file into a folder that does not exist yet', () => {
    const target = path.join(dir(), 'pagefind');
    expect(
      syncFolder(target, [
        { path: 'pagefind.js', content: bytes('js') },
        { path: 'fragment/en_1.pf_fragment', content: bytes('a') },
      ]),
    ).toEqual({
      written: 2,
      removed: 0,
    });
    expect(filesBelow(target).sort()).toEqual([path.join('fragment', 'en_1.pf_fragment'), 'pagefind.js']);
  });

  it('should leave identical files untouched, rewrite changed ones, and remove the rest with their emptied folders', () => {
    mkdirSync(path.join(dir(), 'fragment'));
    mkdirSync(path.join(dir(), 'old'));
    writeFileSync(path.join(dir(), 'pagefind-entry.json'), '{"v":1}');
    writeFileSync(path.join(dir(), 'fragment', 'en_1.pf_fragment'), 'same');
    writeFileSync(path.join(dir(), 'fragment', 'en_2.pf_fragment'), 'deleted article');
    writeFileSync(path.join(dir(), 'old', 'stale.pf_index'), 'stale');
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(path.join(dir(), 'fragment', 'en_1.pf_fragment'), past, past);

    const result = syncFolder(dir(), [
      { path: 'pagefind-entry.json', content: bytes('{"v":2}') },
      { path: 'fragment/en_1.pf_fragment', content: bytes('same') },
      { path: 'fragment/en_3.pf_fragment', content: bytes('new article') },
    ]);

    expect(result).toEqual({ written: 2, removed: 2 });
    expect(readFileSync(path.join(dir(), 'pagefind-entry.json'), 'utf8')).toBe('{"v":2}');
    expect(statSync(path.join(dir(), 'fragment', 'en_1.pf_fragment')).mtime).toEqual(past);
    expect(readFileSync(path.join(dir(), 'fragment', 'en_3.pf_fragment'), 'utf8')).toBe('new article');
    expect(existsSync(path.join(dir(), 'fragment', 'en_2.pf_fragment'))).toBe(false);
    expect(existsSync(path.join(dir(), 'old'))).toBe(false);
    expect(existsSync(dir())).toBe(true);
  });

  it('should replace a file where a folder is now wanted, and a folder where a file is', () => {
    writeFileSync(path.join(dir(), 'fragment'), 'was a file');
    mkdirSync(path.join(dir(), 'index'));
    writeFileSync(path.join(dir(), 'index', 'en_1.pf_index'), 'was in a folder');
    syncFolder(dir(), [
      { path: 'fragment/en_1.pf_fragment', content: bytes('now in a folder') },
      { path: 'index', content: bytes('now a file') },
    ]);
    expect(readFileSync(path.join(dir(), 'fragment', 'en_1.pf_fragment'), 'utf8')).toBe('now in a folder');
    expect(readFileSync(path.join(dir(), 'index'), 'utf8')).toBe('now a file');
  });
});
