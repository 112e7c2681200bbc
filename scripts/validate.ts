// `npm run validate`: checks every article of the content folder (or CONTENT_DIR) without building, and
// prints every error and warning at once (`path:line: field: message (hint)`), then a summary.
// Exit code 1 when any file has an error. Same parser and checks as the build.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkCollection } from '../src/lib/article/collection-checks.ts';
import { parseArticle, type ParsedArticle } from '../src/lib/article/parse.ts';
import { formatReport, type Problem } from '../src/lib/problems.ts';
import { publicationStatus } from '../src/lib/publishing.ts';
import { slugFromFileName } from '../src/lib/slug.ts';
import { displayPath, listMarkdownFiles } from '../src/loaders/content-files.ts';
import { site } from '../src/site.config.ts';

const started = performance.now();
const root = path.resolve(import.meta.dirname, '..');
const contentDir = path.resolve(root, process.env.CONTENT_DIR || 'content');
const now = process.env.DATELINE_NOW ? new Date(process.env.DATELINE_NOW) : new Date();

const { files, ignored } = await listMarkdownFiles(contentDir);
const problems: Problem[] = [];
const articles: ParsedArticle[] = [];
const failed: { slug: string; file: string }[] = [];
for (const relPath of files) {
  const absPath = path.join(contentDir, relPath);
  const file = displayPath(root, absPath);
  const result = parseArticle(
    { file, relPath, bytes: await readFile(absPath), fileExists: (src) => existsSync(path.resolve(path.dirname(absPath), src)) },
    { timeZone: site.timeZone, sections: site.sections },
  );
  problems.push(...result.problems);
  if (result.article) articles.push(result.article);
  else failed.push({ slug: slugFromFileName(relPath), file });
}
problems.push(
  ...checkCollection(
    articles.map((a) => ({ slug: a.slug, file: a.file, related: a.related, status: publicationStatus(a, now) })),
    failed,
    site.relatedCount,
  ),
);

for (const name of ignored) console.log(`ignored (name starts with . or _): ${name}`);
if (problems.length > 0) console.log(formatReport(problems));
const errors = problems.some((p) => p.severity === 'error');
console.log(
  `${files.length} files checked in ${Math.round(performance.now() - started)} ms: ${errors ? 'fix the errors above' : 'ready to publish'}.`,
);
process.exit(errors ? 1 : 0);
