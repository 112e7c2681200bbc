import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHead } from '../../src/integrations/page-head.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('readHead', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dateline-head-'));

  it.each([
    ['a short head', 100],
    ['a head ending across two reads', 8192 - 3],
    ['a long head', 20_000],
  ])('should read %s up to </head> and no further', (_case, padding) => {
    const head = `<!doctype html><html><head><meta name="x" content="${'a'.repeat(padding)}"></head>`;
    const file = path.join(dir, `${padding}.html`);
    writeFileSync(file, `${head}<body>${'b'.repeat(100_000)}</body></html>`);
    const read = readHead(file)!;
    expect(read.startsWith(head)).toBe(true);
    expect(read.length).toBeLessThan(head.length + 8192);
  });

  it('should read a whole page that has no </head>, and nothing for a missing file', () => {
    const file = path.join(dir, 'no-head.html');
    writeFileSync(file, '<p>just text</p>');
    expect(readHead(file)).toBe('<p>just text</p>');
    expect(readHead(path.join(dir, 'missing.html'))).toBeUndefined();
  });
});

describe('lastmodFromHtml', () => {
  it('should keep no page alive through the lastmod it returns', () => {
    // 200 pages of 1 MB each; the sitemap keeps every lastmod. A lastmod that is a slice of its page keeps
    // the page: about 200 MB would stay in the heap instead of a few kilobytes.
    const script = `
      import { lastmodFromHtml } from ${JSON.stringify(path.join(ROOT, 'src', 'lib', 'sitemaps.ts'))};
      const kept = [];
      for (let i = 0; i < 200; i++) {
        const page = '<meta property="article:modified_time" content="2024-10-26T08:05:00+02:00">' + String(i).repeat(1).padEnd(1_000_000, 'x');
        kept.push(lastmodFromHtml(page));
      }
      globalThis.gc();
      console.log(JSON.stringify({ heap: process.memoryUsage().heapUsed, first: kept[0], count: kept.length }));
    `;
    const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const { heap, first, count } = JSON.parse(run.stdout) as { heap: number; first: string; count: number };
    expect(first).toBe('2024-10-26T08:05:00+02:00');
    expect(count).toBe(200);
    expect(heap).toBeLessThan(50 * 1_048_576);
  });
});
