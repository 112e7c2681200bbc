import { mkdirSync, readdirSync, readFileSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Keeping a build's output folder in step with what the build wrote (prune-output.ts, the search index).

/** A file to have in the folder: its path inside it (`/`-separated) and its bytes. */
export interface FolderFile {
  path: string;
  content: Uint8Array;
}

/**
 * Makes `dir` hold exactly `files`: writes the files that are missing or whose bytes differ, leaves identical
 * ones untouched, and removes every other file (and folders left empty). A rebuild after editing one
 * article changes a few dozen of the search index's files (46 of 2,060 at 2,000 articles); writing only
 * those, instead of deleting and writing all ~10,000 at 10,000 articles, saves seconds, and the result is
 * the same folder a build from scratch writes.
 */
export function syncFolder(dir: string, files: readonly FolderFile[]): { written: number; removed: number } {
  const wanted = new Map(files.map((file) => [path.join(...file.path.split('/')), file.content]));
  // Stale files go first, so a file where a folder is now wanted (or the other way round) is out of the way.
  let removed = 0;
  for (const relative of filesBelow(dir)) {
    if (wanted.has(relative)) continue;
    unlinkSync(path.join(dir, relative));
    removed += 1;
    removeEmptyFolders(dir, path.dirname(relative));
  }
  let written = 0;
  for (const [relative, content] of wanted) {
    const target = path.join(dir, relative);
    if (sameBytes(target, content)) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
    written += 1;
  }
  return { written, removed };
}

function sameBytes(file: string, content: Uint8Array): boolean {
  try {
    return Buffer.from(content.buffer, content.byteOffset, content.byteLength).equals(readFileSync(file));
  } catch {
    return false;
  }
}

/** Files below a folder (none if it does not exist), relative to it. */
export function filesBelow(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
  } catch {
    return [];
  }
}

/** Removes `folder` (relative to `dir`) and its parents while they are empty; never `dir` itself. */
export function removeEmptyFolders(dir: string, folder: string): void {
  for (let current = folder; current !== '.' && current !== ''; current = path.dirname(current)) {
    try {
      rmdirSync(path.join(dir, current));
    } catch {
      return; // not empty (or already gone): its parents are not empty either
    }
  }
}
