// A worker thread of the parse pool (parse-pool.ts): parses each file it is sent, under the pool's time
// limit, the build's way (and writes its body) or validate's quick way (and records what it found).
import { hash } from 'node:crypto';
import { workerData } from 'node:worker_threads';
import { writeBody } from '../build/body-files.ts';
import { serveItems } from '../build/work-sharing.ts';
import { articleSource, unreadableProblem } from './content-files.ts';
import { readArticleFile } from './content-folder.ts';
import type { CheckJobs, ParsedFile, ParseJobs, ThreadSetup } from './parse-pool.ts';
import { failedRecord, recordingLookups, toRecord, type FileRecord } from './parse-results.ts';

// A thread loads its reading's code before it takes a file, so the time limit counts parsing alone; a thread
// of validate's loads the build's reading only if a file needs it (parse-pool.ts, `ThreadSetup`).
const { reading } = (workerData as { setup: ThreadSetup }).setup;
let parseArticle = reading === 'build' ? (await import('../lib/article/parse.ts')).parseArticle : undefined;
const checkArticle = reading === 'quick' ? (await import('../lib/article/body-scan.ts')).checkArticle : undefined;

/**
 * A file that changed between the loader's read and the parser's is not parsed: its entry would carry the
 * digest of the old bytes with the new content. `astro dev` reloads again once the save has settled.
 */
function changedWhileReading(file: string): ParsedFile {
  return {
    problems: [{ severity: 'error', file, message: 'the file changed while it was being read', hint: 'build again once it is saved' }],
    lookups: [],
    unsettled: true,
  };
}

/** Parses file number `i` of the build's jobs and writes its body. */
function parseFile(jobs: ParseJobs, i: number): ParsedFile {
  const relPath = jobs.relPaths[i]!;
  let bytes: Buffer | undefined;
  try {
    bytes = readArticleFile(jobs.contentDir, relPath, jobs.maxBytes);
  } catch {
    // Removed, renamed or replaced since the loader read it (a checkout while `astro dev` runs).
  }
  const { source, lookups } = recordingLookups(articleSource(jobs.root, jobs.contentDir, relPath, bytes ?? new Uint8Array()));
  if (!bytes || hash('sha1', bytes) !== jobs.sha1s[i]) return changedWhileReading(source.file);
  const { article, ...result } = parseArticle!(source, jobs.options);
  if (!article) return { ...result, lookups: [...lookups] };
  const { html, ...stored } = article;
  writeBody(jobs.bodiesDir, jobs.digests[i]!, html);
  return { ...result, article: stored, lookups: [...lookups] };
}

/**
 * Checks file number `i` of validate's jobs: the quick reading (no Markdown pipeline) where it applies,
 * the build's where it does not (raw HTML, and files large enough to reach the time limit).
 */
async function checkFile(jobs: CheckJobs, i: number): Promise<FileRecord> {
  const relPath = jobs.relPaths[i]!;
  let bytes: Buffer;
  try {
    bytes = readArticleFile(jobs.contentDir, relPath, jobs.maxBytes);
  } catch (error) {
    const { file } = articleSource(jobs.root, jobs.contentDir, relPath, new Uint8Array());
    return failedRecord(file, relPath, unreadableProblem(file, error));
  }
  const { source, lookups } = recordingLookups(articleSource(jobs.root, jobs.contentDir, relPath, bytes));
  const quick = bytes.length <= jobs.quickReadingMaxBytes ? checkArticle!(source, jobs.options) : undefined;
  parseArticle ??= quick ? undefined : (await import('../lib/article/parse.ts')).parseArticle;
  return toRecord(source, hash('sha1', bytes), lookups, quick ?? parseArticle!(source, jobs.options));
}

serveItems<ParseJobs | CheckJobs, ParsedFile | FileRecord>((jobs, i) => ('bodiesDir' in jobs ? parseFile(jobs, i) : checkFile(jobs, i)));
