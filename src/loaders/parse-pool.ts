import path from 'node:path';
// Types only: the pipeline is loaded by the threads that parse, not by the build's own thread.
import type { ParseOptions, ParseResult } from '../lib/article/parse.ts';
import type { StoredArticleInput } from '../lib/article/stored.ts';
import { WorkPool } from '../build/work-sharing.ts';
import { stoppedProblem } from './content-files.ts';

/**
 * Parsing is most of a cold build's own work (about 2.5–3 ms an article on one thread: Markdown,
 * frontmatter, the HTML pipeline, all synchronous), so it runs on worker threads (parse-worker.ts), one
 * per core when there are many files, where a file that takes too long can be stopped (work-sharing.ts).
 * Results come back in file order, and each is what `parseArticle` gives on any thread: the outcome never
 * depends on how the work was shared.
 */

/** Per thread started: starting one loads the whole pipeline (~0.4 s), worth it for about this many files. */
const FILES_PER_THREAD = 100;

/**
 * The heap a parsing thread may use, in MiB: twice what the largest file read (`maxArticleBytes`) of prose
 * needs. Some shapes need far more (a Markdown table of a megabyte, gigabytes): such a file is stopped
 * with an error naming it, rather than every thread growing until the machine runs out. Shared with validate.
 */
export const PARSE_HEAP_LIMIT_MB = 1024;

/**
 * What every thread is given: the files to parse (names and digests from the loader). Each thread reads
 * the files it takes: the loader's bytes are not copied to every thread, nor kept while the others parse
 * (at 100,000 articles, about half a gigabyte each way).
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
}

/**
 * A file's parse result; the article's body is written to its body file by the thread that parsed it, not
 * carried back. Posted back, so copied: none of it is a view of the file's text that would keep it alive.
 */
export type ParsedFile = Omit<ParseResult, 'article'> & { article?: StoredArticleInput };

/** Threads that parse articles, each file under the time limit; `astro dev` keeps them between reloads. */
export function parsePool(root: string, maxParseSeconds: number, keepAlive: boolean): WorkPool<ParseJobs, ParsedFile> {
  return new WorkPool({
    // Loaded by path from the project's source folder: the loader itself is bundled by Vite, the worker runs as plain Node code.
    script: path.join(root, 'src', 'loaders', 'parse-worker.ts'),
    itemsPerThread: FILES_PER_THREAD,
    limitMs: maxParseSeconds * 1000,
    heapLimitMb: PARSE_HEAP_LIMIT_MB,
    keepAlive,
  });
}

const DEV_POOL = Symbol.for('dateline.devParsePool');

/**
 * The pool `astro dev` keeps between reloads. One per process: when the server restarts (a changed config
 * makes a new loader), the threads of the pool before are ended rather than left idle.
 */
export function devParsePool(root: string, maxParseSeconds: number): WorkPool<ParseJobs, ParsedFile> {
  const registry = globalThis as { [DEV_POOL]?: WorkPool<ParseJobs, ParsedFile> };
  void registry[DEV_POOL]?.close();
  return (registry[DEV_POOL] = parsePool(root, maxParseSeconds, true));
}

/** Parses the files on the pool's threads and writes their bodies; results in the order of `files`. */
export async function parseFiles(
  pool: WorkPool<ParseJobs, ParsedFile>,
  jobs: Omit<ParseJobs, 'relPaths' | 'digests' | 'sha1s'>,
  files: { relPath: string; digest: string; sha1: string; file: string }[],
  maxParseSeconds: number,
): Promise<(ParsedFile & { stopped?: true })[]> {
  const outcomes = await pool.run(
    {
      ...jobs,
      relPaths: files.map((file) => file.relPath),
      digests: files.map((file) => file.digest),
      sha1s: files.map((file) => file.sha1),
    },
    files.length,
  );
  return outcomes.map((outcome, i) =>
    'result' in outcome ? outcome.result : { problems: [stoppedProblem(files[i]!.file, outcome, maxParseSeconds)], stopped: true },
  );
}
