import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeFile } from '../../src/build/place-file.ts';

describe('placeFile', () => {
  it('should put the file in place once, and leave it when it is already there', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dateline-place-'));
    const source = path.join(dir, 'cached.png');
    const target = path.join(dir, 'published.png');
    writeFileSync(source, 'card');
    expect(placeFile(source, target)).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('card');
    expect(placeFile(source, target)).toBe(false);
  });

  it('should replace a different file at the target, and keep an equal copy', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dateline-place-'));
    const source = path.join(dir, 'cached.png');
    const target = path.join(dir, 'published.png');
    writeFileSync(source, 'new card');
    writeFileSync(target, 'old card');
    expect(placeFile(source, target)).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new card');
    const copy = path.join(dir, 'copy.png');
    writeFileSync(copy, 'new card');
    const before = statSync(copy).ino;
    expect(placeFile(source, copy)).toBe(false);
    expect(statSync(copy).ino).toBe(before);
  });
});
