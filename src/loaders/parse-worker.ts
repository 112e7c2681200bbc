// A worker thread of the loader's parse pool (parse-pool.ts): parses each file it is sent, under the pool's time limit.
import { hash } from 'node:crypto';
import { writeBody } from '../build/body-files.ts';
import { parseArticle } from '../lib/article/parse.ts';
import { serveItems } from '../build/work-sharing.ts';
import { articleSource } from './content-files.ts';
import { readArticleFile } from './content-folder.ts';
import type { ParsedFile, ParseJobs } from './parse-pool.ts';

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

/** Parses file number `i` of the jobs and writes its body. */
function parseFile(jobs: ParseJobs, i: number): ParsedFile {
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
  if (!article) return result;
  const { html, ...stored } = article;
  writeBody(jobs.bodiesDir, jobs.digests[i]!, html);
  return { ...result, article: stored };
}

serveItems(parseFile);
