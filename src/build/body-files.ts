import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from './atomic-write.ts';
import { cacheDir } from './build-paths.ts';

/**
 * Article bodies (the sanitised HTML) are kept beside Astro's content store rather than in it, one file per
 * stored entry, named by the entry's digest. Astro turns the whole store into a single JavaScript module on
 * every build (`export default JSON.parse("…")`), which Vite then bundles and the pages load: the bodies
 * were most of it (docs/performance.md), paid for in bundling time, loading time and memory by every build,
 * warm ones included. A body file is written when its article is parsed and read when pages are rendered. The folder is inside Astro's cache folder, so it goes when the store goes.
 */

/** The folder of body files (`<cache>/dateline-bodies`); the build runs from the project root. */
export function bodiesDir(root = process.cwd()): string {
  return path.join(cacheDir(root), 'dateline-bodies');
}

function bodyPath(dir: string, digest: string): string {
  return path.join(dir, `${digest}.html`);
}

/** Keeps one entry's body. Written aside and renamed, so a reader never sees half a file. */
export function writeBody(dir: string, digest: string, html: string): void {
  writeFileAtomically(bodyPath(dir, digest), Buffer.from(html));
}

export function readBody(dir: string, digest: string): string {
  return readFileSync(bodyPath(dir, digest), 'utf8');
}

/** Whether an entry's body file is there: a stored entry whose body went missing is parsed again. */
export function hasBody(dir: string, digest: string): boolean {
  return existsSync(bodyPath(dir, digest));
}

/** Deletes the body files of entries no longer stored (edited, removed or rejected articles) and stray partial files. */
export function pruneBodies(dir: string, keep: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // no folder yet: nothing to prune
  }
  for (const name of names) {
    if (name.endsWith('.html') && keep.has(name.slice(0, -'.html'.length))) continue;
    rmSync(path.join(dir, name), { force: true });
  }
}
