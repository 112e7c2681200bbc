// `npm run validate [-- --details]`: checks every article of the content folder (or CONTENT_DIR) without
// building, and prints every error and warning at once (`path:line: field: message (hint)`; editorial
// warnings of one kind as one line when there are many, unless --details), then a summary.
// Exit code 1 when any file has an error. Same parser and checks as the build, plus the editorial
// warnings (tag spellings, one-off tags, long headlines and standfirsts: src/lib/editorial-checks.ts).
//
// Files are parsed on the build's parse threads (src/loaders/parse-pool.ts), the quick way where it applies,
// and only when something they depend on changed since the last run of validate or the build: both keep
// what they found in one cache (src/loaders/parse-results.ts). The checks across files always run on the
// whole folder. Results are put back in file order, so the report is the same whatever was cached and
// however many threads.
import { hash } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildTime } from '../src/build/clock.ts';
import { checkEditorial } from '../src/lib/editorial-checks.ts';
import { githubAnnotation } from '../src/lib/annotations.ts';
import { formatReport, sortProblems, type Problem } from '../src/lib/problems.ts';
import { articleSource, checkAcrossFiles, listingProblems, parseOptionsFor } from '../src/loaders/content-files.ts';
import { listMarkdownFiles, readArticleFile } from '../src/loaders/content-folder.ts';
import { checkFiles, parsePool } from '../src/loaders/parse-pool.ts';
import { ParseResults, parseResultsKey, type FileRecord } from '../src/loaders/parse-results.ts';
import { pictureProblems } from '../src/loaders/picture-checks.ts';
import { readProfiles } from '../src/loaders/author-profiles.ts';
import { PROFILES_FOLDER } from '../src/lib/author/profile-schema.ts';
import { checkSiteConfig } from '../src/lib/site-config.ts';
import { site } from '../src/site.config.ts';

const parseOptions = parseOptionsFor(site);

/**
 * The build stops a file whose parse takes longer than `maxParseSeconds`, which the quick reading (no
 * Markdown parser) would never see. The shapes the parser is slowest on (docs/performance.md, "Parse
 * time") need far more bytes than this to reach the limit, even on a machine several times slower: larger
 * files are read the build's way, under the same limit, so validate stops what the build would. Newsroom
 * articles are well below it.
 */
const QUICK_READING_MAX_BYTES = site.maxParseSeconds * 4 * 1024;

/** Each file's record: the earlier one where it still holds, else a new one from the parse threads. */
async function recordsOf(
  root: string,
  contentDir: string,
  files: readonly string[],
  results: ParseResults,
): Promise<{ records: FileRecord[]; stale: number }> {
  const records = files.map((relPath) => {
    if (!results.knows(relPath)) return undefined;
    let bytes: Buffer;
    try {
      bytes = readArticleFile(contentDir, relPath, site.maxArticleBytes);
    } catch {
      return undefined; // parsed again, which reports why it cannot be read
    }
    return results.reuse(relPath, hash('sha1', bytes), articleSource(root, contentDir, relPath, bytes).fileExists!);
  });
  const stale = files.flatMap((_, i) => (records[i] ? [] : [i]));
  if (stale.length > 0) {
    const jobs = {
      root,
      contentDir,
      relPaths: stale.map((i) => files[i]!),
      options: parseOptions,
      maxBytes: site.maxArticleBytes,
      quickReadingMaxBytes: QUICK_READING_MAX_BYTES,
    };
    const pool = parsePool(root, site.maxParseSeconds, false, 'quick');
    const parsed = await checkFiles(pool, jobs, site.maxParseSeconds);
    for (const [i, fileIndex] of stale.entries()) records[fileIndex] = parsed[i];
  }
  for (const [i, relPath] of files.entries()) results.set(relPath, records[i]!);
  return { records: records as FileRecord[], stale: stale.length };
}

async function main(): Promise<void> {
  const started = performance.now();
  // The build refuses a wrong setting before reading any article; so does validate, with the same words.
  const configProblems = checkSiteConfig(site);
  if (configProblems.length > 0) {
    console.log(`src/site.config.ts has problems:\n  ${configProblems.join('\n  ')}\nFix the settings above, then run again.`);
    process.exitCode = 1;
    return;
  }
  const root = path.resolve(import.meta.dirname, '..');
  const contentDir = path.resolve(root, process.env.CONTENT_DIR || 'content');
  const listing = listMarkdownFiles(contentDir, { skipFolder: PROFILES_FOLDER });
  const { files, ignored } = listing;

  const results = new ParseResults(root, contentDir, parseResultsKey(root, contentDir, parseOptions, site.maxArticleBytes));
  const { records, stale } = await recordsOf(root, contentDir, files, results);
  const problems: Problem[] = [];
  for (const [i, relPath] of files.entries()) {
    const { problems: own, article, failed, pictures } = records[i]!;
    problems.push(...own);
    const file = article?.file ?? failed?.file;
    if (pictures && file)
      problems.push(...(await pictureProblems(file, path.join(contentDir, relPath), pictures, results.pictureVerdicts)));
  }
  results.save(files);

  const articles = records.flatMap((r) => (r.article ? [r.article] : []));
  const failed = records.flatMap((r) => (r.failed ? [r.failed] : []));
  problems.push(...checkAcrossFiles(articles, failed, buildTime(), site.relatedCount, ignored));
  problems.push(...listingProblems(root, contentDir, listing));
  problems.push(...(await readProfiles(root, contentDir, site)).problems);
  problems.push(...checkEditorial(articles));

  for (const name of ignored) console.log(`ignored (name starts with . or _): ${name}`);
  // Editorial warnings of one kind are one line when there are more than a few, unless asked for each.
  const details = process.argv.includes('--details');
  const grouping = details ? {} : { groupOver: 3, details: '  (npm run validate -- --details lists each warning with its file)' };
  // In GitHub Actions, each problem also goes on its file and line of the pull request (before the report, which ends the output).
  if (process.env.GITHUB_ACTIONS === 'true') for (const problem of sortProblems(problems)) console.log(githubAnnotation(problem));
  if (problems.length > 0) console.log(formatReport(problems, grouping));
  const errors = problems.some((p) => p.severity === 'error');
  const unchanged = files.length - stale;
  const notRead = listing.notRead.length;
  console.log(
    `${files.length} files checked in ${Math.round(performance.now() - started)} ms${unchanged > 0 ? ` (${unchanged} unchanged since the last run)` : ''}${notRead > 0 ? `, ${notRead} not read (see the warnings)` : ''}: ${errors ? 'fix the errors above' : 'ready to publish'}.`,
  );
  // Not process.exit(): it can cut off a long report still being written to a pipe (`npm run validate | less`).
  process.exitCode = errors ? 1 : 0;
}

await main();
