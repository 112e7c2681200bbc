import { spawnSync } from 'node:child_process';
import { hash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBody } from '../../src/build/body-files.ts';
import { parseArticle } from '../../src/lib/article/parse.ts';
import { articleSource, parseOptionsFor } from '../../src/loaders/content-files.ts';
import { devParsePool, parseFiles, parsePool } from '../../src/loaders/parse-pool.ts';
import { site } from '../../src/site.config.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
// 201 hostile articles: enough for the pool to start a worker thread on a machine with two cores or more.
const FOLDER = path.join(ROOT, 'tests', 'fixtures', 'xss');

/** What every thread is given to parse files of `contentDir`, with a body folder of its own. */
const jobsFor = (contentDir: string) => ({
  root: ROOT,
  contentDir,
  options: parseOptionsFor(site),
  bodiesDir: mkdtempSync(path.join(tmpdir(), 'dateline-bodies-')),
  maxBytes: site.maxArticleBytes,
});

describe('parseFiles', () => {
  it('gives, in file order, what parseArticle gives for each file, with each body in its body file', async () => {
    const files = readdirSync(FOLDER, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((relPath, i) => {
        const bytes = readFileSync(path.join(FOLDER, relPath));
        return { relPath, file: relPath, bytes, digest: `digest-${i}`, sha1: hash('sha1', bytes) };
      });
    expect(files.length).toBeGreaterThan(200);
    const bodies = mkdtempSync(path.join(tmpdir(), 'dateline-bodies-'));
    const options = parseOptionsFor(site);

    const jobs = { root: ROOT, contentDir: FOLDER, options, bodiesDir: bodies, maxBytes: site.maxArticleBytes };
    const pooled = await parseFiles(parsePool(ROOT, 8, false), jobs, files, 8);

    expect(pooled).toHaveLength(files.length);
    files.forEach(({ relPath, bytes, digest }, i) => {
      const asked: string[] = [];
      const source = articleSource(ROOT, FOLDER, relPath, bytes);
      const exists = source.fileExists!;
      const fileExists = (src: string) => (asked.push(src), exists(src));
      const { article, ...rest } = parseArticle({ ...source, fileExists }, options);
      const { article: pooledArticle, lookups, ...pooledRest } = pooled[i]!;
      expect(pooledRest, relPath).toEqual(rest);
      // What it asked about the files beside it, with the answers: what decides whether its record still holds.
      expect(lookups, relPath).toEqual([...new Set(asked)].map((src) => [src, exists(src)]));
      if (!article) return expect(pooledArticle, relPath).toBeUndefined();
      const { html, ...stored } = article;
      expect(pooledArticle, relPath).toEqual(stored);
      expect(readBody(bodies, digest), relPath).toBe(html);
    });
  });

  it('keeps no source file alive through what it returns', () => {
    // 100 articles of about 300 KB each (mostly a code block, quick to parse; no HTML, which is parsed
    // again into new strings); their results are kept, as the store keeps them. A heading's text that is a
    // view of its file would keep about 30 MB in the heap.
    const script = `
      import { parseFiles, parsePool } from ${JSON.stringify(path.join(ROOT, 'src', 'loaders', 'parse-pool.ts'))};
      import { parseOptionsFor } from ${JSON.stringify(path.join(ROOT, 'src', 'loaders', 'content-files.ts'))};
      import { site } from ${JSON.stringify(path.join(ROOT, 'src', 'site.config.ts'))};
      import { createHash } from 'node:crypto';
      import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
      import { tmpdir } from 'node:os';
      import path from 'node:path';
      const text = (i) => '---\\ntitle: Story ' + i + '\\ndate: 2024-10-25\\n---\\n\\n## A heading long enough to be a slice, number ' + i + '\\n\\nText of the story, in a sentence.\\n\\n\\x60\\x60\\x60\\n' + ('x'.repeat(99) + '\\n').repeat(3_000) + '\\x60\\x60\\x60\\n';
      const contentDir = mkdtempSync(path.join(tmpdir(), 'dateline-content-'));
      mkdirSync(path.join(contentDir, 'world'));
      const files = Array.from({ length: 100 }, (_, i) => ({ relPath: 'world/story-' + i + '.md', file: 'story-' + i, digest: 'digest-' + i, sha1: createHash('sha1').update(text(i)).digest('hex') }));
      files.forEach(({ relPath }, i) => writeFileSync(path.join(contentDir, relPath), text(i)));
      const jobs = { root: ${JSON.stringify(ROOT)}, contentDir, bodiesDir: mkdtempSync(path.join(tmpdir(), 'dateline-bodies-')), options: parseOptionsFor(site), maxBytes: site.maxArticleBytes };
      const kept = await parseFiles(parsePool(${JSON.stringify(ROOT)}, 60, false), jobs, files, 60);
      globalThis.gc();
      console.log(JSON.stringify({ heap: process.memoryUsage().heapUsed, parsed: kept.filter((r) => r.article).length, heading: kept[0].article?.headings[0]?.text }));
    `;
    // A file, not `--input-type=module -e`: worker threads inherit the flags, and that one refuses a script file.
    const scriptFile = path.join(mkdtempSync(path.join(tmpdir(), 'dateline-heap-')), 'heap.mjs');
    writeFileSync(scriptFile, script);
    const run = spawnSync(process.execPath, ['--expose-gc', scriptFile], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const { heap, parsed, heading } = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as {
      heap: number;
      parsed: number;
      heading: string;
    };
    expect(parsed).toBe(100);
    expect(heading).toBe('A heading long enough to be a slice, number 0');
    expect(heap).toBeLessThan(30 * 1_048_576);
  });

  it('reports a file that changed or went after the loader read it, rather than parsing other bytes than it digested', async () => {
    const contentDir = mkdtempSync(path.join(tmpdir(), 'dateline-content-'));
    mkdirSync(path.join(contentDir, 'world'));
    const read = '---\ntitle: As read\ndate: 2024-10-25\n---\n\nText of the story, in a sentence.\n';
    writeFileSync(path.join(contentDir, 'world', 'edited.md'), read.replace('As read', 'As saved since'));
    const files = ['edited.md', 'removed.md'].map((name) => ({
      relPath: `world/${name}`,
      file: name,
      digest: name,
      sha1: hash('sha1', read),
    }));
    const jobs = jobsFor(contentDir);
    const results = await parseFiles(parsePool(ROOT, 8, false), jobs, files, 8);
    for (const result of results) {
      expect(result.article).toBeUndefined();
      expect(result.problems).toEqual([
        expect.objectContaining({ severity: 'error', message: 'the file changed while it was being read' }),
      ]);
    }
  });
});

describe('devParsePool', () => {
  it('ends the threads of the pool before when a restarted dev server makes another', async () => {
    const before = devParsePool(ROOT, 8);
    const after = devParsePool(ROOT, 8);
    const jobs = { root: ROOT, contentDir: FOLDER, options: parseOptionsFor(site), bodiesDir: tmpdir(), maxBytes: site.maxArticleBytes };
    await expect(before.run({ ...jobs, relPaths: ['x.md'], digests: ['x'], sha1s: ['x'] }, 1)).rejects.toThrow('WorkPool: closed');
    await after.close();
  });
});

describe('the time limit per file', () => {
  it('stops a file whose Markdown takes too long to parse, names it, and parses the others', async () => {
    const contentDir = mkdtempSync(path.join(tmpdir(), 'dateline-content-'));
    mkdirSync(path.join(contentDir, 'world'));
    const frontmatter = (title: string) => `---\ntitle: ${title}\ndate: 2024-10-25\n---\n\n`;
    // Within every size and block rule, and still slow: each quote followed by 999 lazy lines costs micromark
    // tens of milliseconds, and there are a hundred of them (measured curve in docs/performance.md).
    const texts: Record<string, string> = {
      'before.md': `${frontmatter('Before')}Text of the story, in a sentence.\n`,
      'slow.md': frontmatter('Slow') + `> a\n${'b\n'.repeat(999)}\n`.repeat(100),
      'after.md': `${frontmatter('After')}Text of the story, in a sentence.\n`,
    };
    const files = Object.entries(texts).map(([name, text]) => {
      writeFileSync(path.join(contentDir, 'world', name), text);
      return { relPath: `world/${name}`, file: `content/world/${name}`, digest: name, sha1: hash('sha1', text) };
    });
    const jobs = jobsFor(contentDir);

    const [before, slow, after] = await parseFiles(parsePool(ROOT, 0.3, false), jobs, files, 0.3);

    expect(before!.article?.title).toBe('Before');
    expect(after!.article?.title).toBe('After');
    expect(slow!.article).toBeUndefined();
    expect(slow!.problems).toEqual([
      {
        severity: 'error',
        file: 'content/world/slow.md',
        message: 'parsing took longer than 0.3 s and was stopped',
        hint: expect.stringContaining('raise maxParseSeconds in src/site.config.ts'),
      },
    ]);
  });
});
