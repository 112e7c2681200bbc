import path from 'node:path';
// Types only: the pipeline is loaded by the threads that parse, not by the build's own thread.
import type { ParseOptions, ParseResult } from '../lib/article/parse.ts';
import type { StoredArticleInput } from '../lib/article/stored.ts';
import { WorkPool } from '../build/work-sharing.ts';
import { displayPath, stoppedProblem } from './content-files.ts';
import { failedRecord, type FileRecord } from './parse-results.ts';

/**
 * Parsing is most of a cold build's own work and nearly all of `npm run validate`'s (Markdown, frontmatter,
 * the HTML pipeline, all synchronous), so both run it on these threads (parse-worker.ts), one per core when
 * there are many files, where a file that takes too long can be stopped (work-sharing.ts). Results come back
 * in file order, and each is what parsing gives on any thread: the outcome never depends on how the work was
 * shared.
 */

/** Per thread started: starting one loads the whole pipeline, worth it for about this many files. */
const FILES_PER_THREAD = 100;

/**
 * The heap a parsing thread may use, in MiB: twice what the largest file read (`maxArticleBytes`) of prose
 * needs. Some shapes need far more (a Markdown table of a megabyte, gigabytes): such a file is stopped
 * with an error naming it, rather than every thread growing until the machine runs out.
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

/** What validate's threads are given: the files to check the quick way (parse-worker.ts). */
export interface CheckJobs {
  root: string;
  contentDir: string;
  relPaths: string[];
  options: ParseOptions;
  maxBytes: number;
  /** Larger files are read the build's way, under the same time limit, so validate stops what the build would. */
  quickReadingMaxBytes: number;
}

/**
 * A file's parse result; the article's body is written to its body file by the thread that parsed it, not
 * carried back. Posted back, so copied: none of it is a view of the file's text that would keep it alive.
 */
export type ParsedFile = Omit<ParseResult, 'article'> & {
  article?: StoredArticleInput;
  /** The files next to it the parser asked about, with the answers (parse-results.ts). */
  lookups: [string, boolean][];
  /** Stopped at the time limit, or its thread failed. */
  stopped?: true;
  /** Not parsed: the file changed between the loader's read and the thread's. */
  unsettled?: true;
};

/** How a thread reads files: the build's way (the whole pipeline) or validate's quick way (body-scan.ts). */
export interface ThreadSetup {
  reading: 'build' | 'quick';
}

type Pool = WorkPool<ParseJobs | CheckJobs, ParsedFile | FileRecord>;

/** Threads that parse articles, each file under the time limit; `astro dev` keeps them between reloads. */
export function parsePool(root: string, maxParseSeconds: number, keepAlive: boolean, reading: ThreadSetup['reading'] = 'build'): Pool {
  return new WorkPool({
    // Loaded by path from the project's source folder: the loader itself is bundled by Vite, the worker runs as plain Node code.
    script: path.join(root, 'src', 'loaders', 'parse-worker.ts'),
    itemsPerThread: FILES_PER_THREAD,
    limitMs: maxParseSeconds * 1000,
    heapLimitMb: PARSE_HEAP_LIMIT_MB,
    keepAlive,
    setup: { reading } satisfies ThreadSetup,
  });
}

const DEV_POOL = Symbol.for('dateline.devParsePool');

/**
 * The pool `astro dev` keeps between reloads. One per process: when the server restarts (a changed config
 * makes a new loader), the threads of the pool before are ended rather than left idle.
 */
export function devParsePool(root: string, maxParseSeconds: number): Pool {
  const registry = globalThis as { [DEV_POOL]?: Pool };
  void registry[DEV_POOL]?.close();
  return (registry[DEV_POOL] = parsePool(root, maxParseSeconds, true));
}

/** Parses the files on the pool's threads and writes their bodies; results in the order of `files`. */
export async function parseFiles(
  pool: Pool,
  jobs: Omit<ParseJobs, 'relPaths' | 'digests' | 'sha1s'>,
  files: { relPath: string; digest: string; sha1: string; file: string }[],
  maxParseSeconds: number,
): Promise<ParsedFile[]> {
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
    'result' in outcome
      ? (outcome.result as ParsedFile)
      : { problems: [stoppedProblem(files[i]!.file, outcome, maxParseSeconds)], lookups: [], stopped: true },
  );
}

/** Checks the files the quick way (validate); records in the order of `jobs.relPaths`. */
export async function checkFiles(pool: Pool, jobs: CheckJobs, maxParseSeconds: number): Promise<FileRecord[]> {
  const outcomes = await pool.run(jobs, jobs.relPaths.length);
  return outcomes.map((outcome, i) => {
    if ('result' in outcome) return outcome.result as FileRecord;
    const relPath = jobs.relPaths[i]!;
    const file = displayPath(jobs.root, path.join(jobs.contentDir, relPath));
    return failedRecord(file, relPath, stoppedProblem(file, outcome, maxParseSeconds));
  });
}
