import { copyFileSync, linkSync, readFileSync, statSync, unlinkSync } from 'node:fs';

/**
 * Puts a cached file at `target` unless that is already the same file: a hard link where the file system
 * allows (no bytes copied: a card's cache file is never rewritten, a new card gets a new name), a copy where
 * it does not. Says whether it wrote anything.
 */
export function placeFile(source: string, target: string): boolean {
  const existing = statSync(target, { throwIfNoEntry: false });
  if (existing) {
    const cached = statSync(source);
    if (existing.ino === cached.ino && existing.dev === cached.dev) return false;
    if (existing.size === cached.size && readFileSync(target).equals(readFileSync(source))) return false;
    unlinkSync(target);
  }
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
  return true;
}
