// `npm run validate`: checks every article of the content folder (or CONTENT_DIR) without building, and
// prints every error and warning at once (`path:line: field: message (hint)`), then a summary.
// Exit code 1 when any file has an error. Same parser and checks as the build.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildTime } from '../src/clock.ts';
import { parseArticle, type ParsedArticle } from '../src/lib/article/parse.ts';
import { formatReport, type Problem } from '../src/lib/problems.ts';
import { slugFromFileName } from '../src/lib/slug.ts';
import { articleSource, checkAcrossFiles, listMarkdownFiles } from '../src/loaders/content-files.ts';
import { site } from '../src/site.config.ts';

const started = performance.now();
const root = path.resolve(import.meta.dirname, '..');
const contentDir = path.resolve(root, process.env.CONTENT_DIR || 'content');

const { files, ignored } = await listMarkdownFiles(contentDir);
const problems: Problem[] = [];
const articles: ParsedArticle[] = [];
const failed: { slug: string; file: string }[] = [];
for (const relPath of files) {
  const source = articleSource(root, contentDir, relPath, await readFile(path.join(contentDir, relPath)));
  const result = parseArticle(source, { timeZone: site.timeZone, sections: site.sections });
  problems.push(...result.problems);
  if (result.article) articles.push(result.article);
  else failed.push({ slug: slugFromFileName(relPath), file: source.file });
}
problems.push(...checkAcrossFiles(articles, failed, buildTime(), site.relatedCount));

for (const name of ignored) console.log(`ignored (name starts with . or _): ${name}`);
if (problems.length > 0) console.log(formatReport(problems));
const errors = problems.some((p) => p.severity === 'error');
console.log(
  `${files.length} files checked in ${Math.round(performance.now() - started)} ms: ${errors ? 'fix the errors above' : 'ready to publish'}.`,
);
process.exit(errors ? 1 : 0);
