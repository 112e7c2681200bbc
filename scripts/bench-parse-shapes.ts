// `npm run bench:parse-shapes [-- --shape "[a]("]`
// Times one parse (and the memory it left in use) of Markdown shapes the parser is slow on, each repeated to 64 KB, 256 KB, 1 MiB and 4 MiB,
// within the build's rules (at most `maxArticleBytes`; no block over 1,000 lines), on this thread, without
// the time limit. A shape stops growing after a size past 20 s or 1 GiB. Figures: docs/performance.md, "Parse time".
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parseArticle } from '../src/lib/article/parse.ts';
import { parseOptionsFor } from '../src/loaders/content-files.ts';
import { site } from '../src/site.config.ts';

const { values } = parseArgs({ options: { shape: { type: 'string' } } });

/** `unit` repeated to about `bytes`. */
const fill = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));
const lazyBlock = (opener: string) => `${opener}\n${'b\n'.repeat(999)}\n`;

const shapes: Record<string, (bytes: number) => string> = {
  'paragraphs of prose (the reference)': (b) => fill('The minister said the budget would be balanced by next year, officials said.\n\n', b),
  '> a then 999 lazy lines, repeated': (b) => fill(lazyBlock('> a'), b),
  '- a then 999 lazy lines, repeated': (b) => fill(lazyBlock('- a'), b),
  'one line of [a](': (b) => fill('[a](', b),
  'one line of [^a]': (b) => fill('[^a] ', b),
  'one line of [': (b) => fill('[', b),
  'one line of www.a': (b) => fill('www.a ', b),
  'one line of a@b.c': (b) => fill('a@b.c ', b),
  'one line of *a': (b) => fill('*a ', b),
  'one line of _a': (b) => fill('_a ', b),
  'one line of ![a': (b) => fill('![a', b),
  'one line of ~a': (b) => fill('~a ', b),
  'one line of <a': (b) => fill('<a ', b),
  'one line of &amp;': (b) => fill('&amp; ', b),
  'one line of <!--': (b) => fill('<!-- ', b),
  'tables of 1,000 rows, repeated': (b) => fill(`| a | b |\n| - | - |\n${'| x | y |\n'.repeat(998)}\n`, b),
  'one table, many columns': (b) => `|${' a |'.repeat(b / 8)}\n|${' - |'.repeat(b / 8)}\n`,
  'backtick runs of 1 to 40': (b) => fill(Array.from({ length: 40 }, (_, i) => `${'`'.repeat(i + 1)}a`).join(''), b),
};

const SIZES = [64 * 1024, 256 * 1024, 1024 * 1024, site.maxArticleBytes - 200];
const options = parseOptionsFor(site);
for (const [name, make] of Object.entries(shapes)) {
  if (values.shape && !name.includes(values.shape)) continue;
  const row: string[] = [];
  for (const size of SIZES) {
    const body = make(size);
    const bytes = new TextEncoder().encode(`---\ntitle: A shape\ndate: 2024-10-25\n---\n\n${body}\n`);
    const started = performance.now();
    const { problems } = parseArticle({ file: 'shape.md', relPath: 'world/shape.md', bytes }, options);
    const seconds = (performance.now() - started) / 1000;
    const error = problems.find((p) => p.severity === 'error');
    const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
    row.push(`${Math.round(body.length / 1024)} KB ${seconds.toFixed(2)} s ${rss} MiB${error ? ` (error: ${error.message})` : ''}`);
    // Larger would take minutes, or more memory than this process has (some tables need gigabytes).
    if (seconds > 20 || rss > 1024) break;
  }
  console.log(`${name} | ${row.join(' | ')}`);
}
