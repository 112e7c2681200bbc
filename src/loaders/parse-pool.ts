import { hash } from 'node:crypto';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { writeBody } from '../body-files.ts';
import { parseArticle, type ParseOptions, type ParseResult } from '../lib/article/parse.ts';
import type { StoredArticleInput } from '../lib/article/stored.ts';
import { extraThreadsFor, shareOut, takeFromCounter, WORKER_STACK_MB } from '../work-sharing.ts';
import { articleSource } from './content-files.ts';
import { readArticleFile } from './content-folder.ts';

/**
 * Parsing is most of a cold build's own work (about 2.5–3 ms an article on one thread: Markdown,
 * frontmatter, the HTML pipeline, all synchronous), so many files are parsed on every core: this thread and
 * worker threads running parse-worker.ts take the next file from a shared counter. (Two cores give about
 * 1.3×, not 2×: each thread parses ~1.5× slower beside the other, probably V8's background work (GC,
 * compilation) taking its share; in one trial, a main thread that only waited for two workers was
 * slower.) Results come back in file order, and each is what `parseArticle` gives on any thread: the
 * outcome never depends on how the work was shared.
 */

/** Below this many files per extra thread, starting one (it loads the whole pipeline, ~0.4 s) costs more than it saves. */
const FILES_PER_EXTRA_THREAD = 100;

/**
 * What every thread is given: the files to parse (names and digests from the loader) and the shared counter.
 * Each thread reads the files it takes: the loader's bytes are not copied to every thread, nor kept while
 * the others parse (at 100,000 articles, about half a gigabyte each way).
 */
export interface ParseJobs {
  root: string;
  contentDir: string;
  relPaths: string[];
  /** The store digest each file's entry will have, which names its body file (body-files.ts). */
  digests: string[];
  /** SHA-1 of the bytes the loader read (and made the digest from): a thread that reads other bytes says so. */
  sha1s: string[];
  bodiesDir: string;
  options: ParseOptions;
  /** The largest file read (`maxArticleBytes`): a file that grew past it since the loader read it is not read. */
  maxBytes: number;
  next: SharedArrayBuffer;
}

/** A file's parse result; the article's body is written to its body file by the thread that parsed it, not carried back. */
export type ParsedFile = Omit<ParseResult, 'article'> & { article?: StoredArticleInput };

/**
 * A file that changed between the loader's read and the parser's is not parsed: its entry would carry the
 * digest of the old bytes with the new content. `astro dev` reloads again once the save has settled.
 */
function changedWhileReading(file: string): ParsedFile {
  return {
    problems: [
      {
        severity: 'error',
        file,
        message: 'the file changed while it was being read',
        hint: 'build again once it is saved',
      },
    ],
  };
}

/** Parses files from the shared counter until none is left (on this thread, or in parse-worker.ts). */
export function parseShare(jobs: ParseJobs): [number, ParsedFile][] {
  return takeFromCounter(jobs.next, jobs.relPaths.length, (i) => {
    const relPath = jobs.relPaths[i]!;
    const source = articleSource(jobs.root, jobs.contentDir, relPath, new Uint8Array());
    let bytes: Buffer | undefined;
    try {
      bytes = readArticleFile(jobs.contentDir, relPath, jobs.maxBytes);
    } catch {
      // Removed, renamed or replaced since the loader read it (a checkout while `astro dev` runs).
    }
    if (!bytes || hash('sha1', bytes) !== jobs.sha1s[i]) return changedWhileReading(source.file);
    const { article, ...result } = parseArticle({ ...source, bytes }, jobs.options);
    // Copied, as a worker's results are when posted back: a string the parser took from the file (a
    // heading's text, a problem's quote) is otherwise a view of the whole file, and the store would keep
    // the source of every article parsed on this thread for the rest of the build.
    if (!article) return structuredClone(result);
    const { html, ...stored } = article;
    writeBody(jobs.bodiesDir, jobs.digests[i]!, html);
    return structuredClone({ ...result, article: stored });
  });
}

/** Parses the files, on as many threads as pay off, and writes their bodies; results in the order of `files`. */
export async function parseFiles(
  root: string,
  contentDir: string,
  files: { relPath: string; digest: string; sha1: string }[],
  options: ParseOptions,
  bodiesDir: string,
  maxBytes: number,
): Promise<ParsedFile[]> {
  const jobs: ParseJobs = {
    root,
    contentDir,
    relPaths: files.map((file) => file.relPath),
    digests: files.map((file) => file.digest),
    sha1s: files.map((file) => file.sha1),
    bodiesDir,
    options,
    maxBytes,
    next: new SharedArrayBuffer(4),
  };
  // Loaded by path from the project's source folder: the loader itself is bundled by Vite, the worker runs as plain Node code.
  const script = path.join(root, 'src', 'loaders', 'parse-worker.ts');
  const workers = Array.from(
    { length: extraThreadsFor(files.length, FILES_PER_EXTRA_THREAD) },
    () => new Worker(script, { workerData: jobs, resourceLimits: { stackSizeMb: WORKER_STACK_MB } }),
  );
  return shareOut(files.length, workers, () => parseShare(jobs));
}
