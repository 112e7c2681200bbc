import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What a cached result was computed by, as a digest, so a cache is never read by other code than wrote it:
 * parse results, social cards, the search index. Computed from the code itself, so no one has to
 * remember to bump a version when the parser changes.
 */

/** A relative import or re-export of a module: `from './x.ts'`, `import('./x.ts')`. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*)['"](\.{1,2}\/[^'"]+\.(?:ts|mts|mjs|js))['"]/g;

/** Every project module the entries reach by relative imports (their own included), relative to `root`, sorted. */
export function moduleGraph(root: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    // A path that names no file (an example in a comment) is no module.
    for (const [, specifier] of String(readOrEmpty(path.join(root, file))).matchAll(RELATIVE_IMPORT))
      visit(path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier!)));
  };
  for (const entry of entries) visit(entry);
  return [...seen].filter((file) => existsSync(path.join(root, file))).sort();
}

/**
 * A digest of the project's own code behind a result: every module the entries reach. For caches whose
 * packages are keyed by name and version already (social cards, the search index), so that updating an
 * unrelated package does not throw them away. Paths are relative, so a cache restored into a clone at
 * another path still matches.
 */
export function modulesDigest(root: string, entries: readonly string[]): string {
  return digestOf(root, moduleGraph(root, entries)).digest('hex');
}

/**
 * A digest of all the code behind a result: every module the entries reach, the installed packages
 * (package-lock.json: a sanitiser upgrade must re-sanitise every article) and Node's version (its Unicode
 * data).
 */
export function codeDigest(root: string, entries: readonly string[]): string {
  return digestOf(root, [...moduleGraph(root, entries), 'package-lock.json'])
    .update(process.version)
    .digest('hex');
}

function digestOf(root: string, files: readonly string[]) {
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(readOrEmpty(path.join(root, file)))
      .update('\0');
  return hash;
}

function readOrEmpty(file: string): Buffer | string {
  try {
    return readFileSync(file);
  } catch {
    return '';
  }
}
