import { describe, expect, it } from 'vitest';
import { buildPhases, parseBuildLog, parseDuration, routeKind } from '../../scripts/bench-build-log.ts';
import { median, summarise } from '../../scripts/bench-stats.ts';
import { editOneSentence, formatHugoTable, formatTable, summariseRuns, type BuildMeasure } from '../../scripts/bench.ts';
import { hugoArticle } from '../../scripts/bench-hugo.ts';
import { cpuMs, descendants, orphanedCpuMs, parentPid, residentBytes } from '../../scripts/process-tree.ts';

// What `astro build` prints with NO_COLOR and DATELINE_TIMINGS=1, shortened to a few routes.
const LOG = `09:31:44 [content] Syncing content
[dateline-timing] content 9040 ms
09:31:51 [dateline-articles] 200 files: 1 parsed, 199 unchanged.
09:31:51 [content] Synced content
09:31:51 [types] Generated 13.30s
09:31:51 [build] Collecting build info...
09:31:51 [build] ✓ Completed in 13.62s.
09:31:51 [build] Building static entrypoints...
09:31:54 [vite] ✓ built in 2.24s
09:31:55 [vite] ✓ built in 133ms
09:31:55 [build] Rearranging server assets...

 generating static routes 
[dateline-timing] bodies 77 ms
[dateline-timing] newsroom 107 ms
09:31:55   ├─ /404.html (+33ms) 
09:31:55   ├─ /rss.xml (+15ms) 
09:31:55   ├─ /tags/topic-0-study/index.html (+9ms) 
09:31:55   ├─ /world/article-000001/index.html (+8ms) 
09:31:55   ├─ /world/article-000002/index.html (+1.20s) 
09:31:55   └─ /world/index.html (+4ms) 
09:31:58 ✓ Completed in 3.27s.

09:31:58 [build] ✓ Completed in 5.83s.
[dateline-timing] cards 120 ms
09:31:58 [dateline-social-cards] social cards: 150 (12 drawn, 138 from the cache; 12 written, 0 removed)
[dateline-timing] search-index 3089 ms
09:32:02 [build] 428 page(s) built in 1m 5s
09:32:02 [build] Complete!
`;

describe('parseDuration', () => {
  it.each([
    ['450ms', 450],
    ['1.44s', 1440],
    ['2m 3s', 123_000],
    ['soon', undefined],
  ])('should read %s as %s ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
});

describe('routeKind', () => {
  it.each([
    ['/world/article-000001/index.html', 'article'],
    ['/world/index.html', 'list'],
    ['/world/page/2/index.html', 'list'],
    ['/tags/kim-jong-un/index.html', 'list'],
    ['/authors/ana-lima/index.html', 'list'],
    ['/404.html', 'list'],
    ['/rss.xml', 'feed'],
    ['/feed.json', 'feed'],
  ])('should file %s under %s', (pathname, kind) => {
    expect(routeKind(pathname)).toBe(kind);
  });
});

describe('parseBuildLog', () => {
  const log = parseBuildLog(LOG);

  it("should read Astro's own timings", () => {
    expect(log).toMatchObject({ sync: 13_300, bundling: 2_373, generate: 3_270, total: 65_000 });
  });

  it('should count routes by kind and sum their render times', () => {
    expect(log.routes).toEqual({
      article: { count: 2, ms: 1_208 },
      list: { count: 3, ms: 46 },
      feed: { count: 1, ms: 15 },
    });
  });

  it('should read our timing lines and what the loader parsed', () => {
    expect(log.timings).toEqual({ content: 9_040, bodies: 77, newsroom: 107, cards: 120, 'search-index': 3_089 });
    expect(log.files).toEqual({ parsed: 1, unchanged: 199 });
    expect(log.cards).toEqual({ published: 150, drawn: 12 });
  });

  it('should ignore colour codes', () => {
    expect(parseBuildLog('\x1b[2m09:31:51\x1b[22m [types] Generated \x1b[2m450ms\x1b[22m').sync).toBe(450);
  });
});

describe('buildPhases', () => {
  it('should take the newsroom out of page generation, count the cards after it, and split the rest of the wall time', () => {
    const phases = buildPhases(parseBuildLog(LOG), 70_000);
    expect(phases).toMatchObject({ contentSync: 13_300, contentParsing: 9_040, bodies: 77, newsroom: 107, cards: 120, searchIndex: 3_089 });
    expect(phases.rendering).toBe(3_270 - 77 - 107);
    expect(phases.startup).toBe(70_000 - 65_000);
    expect(phases.other).toBe(65_000 - 13_300 - 2_373 - 3_270 - 120 - 3_089);
  });

  it("should count a search index built after Astro exited (npm run build) outside Astro's total", () => {
    const log = LOG.replace('[dateline-timing] search-index 3089 ms\n', '').replace(
      '09:32:02 [build] Complete!\n',
      '09:32:02 [build] Complete!\n[dateline-timing] search-index-after-build 4100 ms\nsearch index built from 2 pages\n',
    );
    const phases = buildPhases(parseBuildLog(log), 70_000);
    expect(phases.searchIndex).toBe(4_100);
    expect(phases.startup).toBe(70_000 - 65_000 - 4_100);
    expect(phases.other).toBe(65_000 - 13_300 - 2_373 - 3_270 - 120);
  });

  it('should leave out what the log does not say', () => {
    const phases = buildPhases(parseBuildLog('09:31:54 [vite] ✓ built in 2.24s'), 5_000);
    expect(phases).toMatchObject({ bundling: 2_240, contentSync: undefined, rendering: undefined, other: undefined, startup: undefined });
  });
});

describe('median and summarise', () => {
  it.each([
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
    [[], Number.NaN],
  ])('should give the median of %j as %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('should give median, minimum and maximum', () => {
    expect(summarise([12, 10, 30])).toEqual({ median: 12, min: 10, max: 30 });
  });
});

describe('process tree', () => {
  // /proc/<pid>/stat: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
  const stat = '4242 (node (astro) x) S 4200 4242 4200 0 -1 4194560 9000 0 0 0 2150 320 0 0 20 0 11';

  it('should read the parent pid and CPU time even when the command name holds spaces and parentheses', () => {
    expect(parentPid(stat)).toBe(4200);
    expect(cpuMs(stat)).toBe(24_700);
  });

  it('should read VmRSS in bytes, and 0 without it', () => {
    expect(residentBytes('Name:\tnode\nVmRSS:\t  524288 kB\nVmSwap:\t0 kB\n')).toBe(536_870_912);
    expect(residentBytes('Name:\tzombie\nState:\tZ (zombie)\n')).toBe(0);
  });

  it('should list a process and all its descendants, nothing else', () => {
    const parents = new Map([
      [10, 1],
      [11, 10],
      [12, 11],
      [13, 10],
      [20, 1],
    ]);
    expect(descendants(10, parents).sort()).toEqual([10, 11, 12, 13]);
  });

  it('should add up the CPU time of processes that outlived their parent: what no rusage counts', () => {
    // GNU time (1) → npm (2) → Node (3), which left Pagefind (4) running at its exit (sample 8) until sample
    // 9; Node's esbuild (6) ended before Node, so is in Node's rusage; 7 has no parent seen.
    const seen = new Map([
      [1, { ppid: 0, cpuMs: 10, lastSample: 10 }],
      [2, { ppid: 1, cpuMs: 300, lastSample: 10 }],
      [3, { ppid: 2, cpuMs: 20_000, lastSample: 8 }],
      [4, { ppid: 3, cpuMs: 3_000, lastSample: 9 }],
      [6, { ppid: 3, cpuMs: 500, lastSample: 7 }],
      [7, { ppid: 99, cpuMs: 500, lastSample: 9 }],
    ]);
    expect(orphanedCpuMs(seen)).toBe(3_000);
  });
});

describe('editOneSentence', () => {
  const article = '---\ntitle: "A headline. With a stop"\ndate: 2024-01-01\n---\n\nFirst sentence here. Second one.\n\n## Heading\n';

  it('should change the first body sentence and nothing else', () => {
    expect(editOneSentence(article, '2')).toBe(
      '---\ntitle: "A headline. With a stop"\ndate: 2024-01-01\n---\n\nEdited by the benchmark, run 2. Second one.\n\n## Heading\n',
    );
  });

  it('should fail on a file without a body sentence', () => {
    expect(() => editOneSentence('---\ntitle: x\n---\n\n## Only a heading\n', '1')).toThrow(/no body sentence/);
  });
});

describe('summariseRuns and formatTable', () => {
  const run = (wallMs: number, cpuMs: number, log = LOG): BuildMeasure => ({
    wallMs,
    cpuMs,
    peakRssBytes: 1_048_576 * 512,
    pages: 428,
    outBytes: 1_048_576 * 10,
    searchIndexBytes: 1_048_576,
    phases: buildPhases(parseBuildLog(log), wallMs),
    files: { parsed: 1, unchanged: 199 },
    cards: { published: 150, drawn: 12 },
    routes: parseBuildLog(LOG).routes,
    loadAverage: [1, 1, 1],
  });

  it('should summarise every figure over the runs, and leave out one a run lacks', () => {
    const withoutSync = LOG.replace(/.*\[types\].*\n/, '');
    const summary = summariseRuns([run(70_000, 9_000), run(80_000, 8_000), run(75_000, 7_000, withoutSync)]);
    expect(summary.wallMs).toEqual({ median: 75_000, min: 70_000, max: 80_000 });
    expect(summary.cpuMs).toEqual({ median: 8_000, min: 7_000, max: 9_000 });
    expect(summary['phase.contentSync']).toBeUndefined();
    expect(summary['phase.newsroom']).toEqual({ median: 107, min: 107, max: 107 });
  });

  it('should print medians with their range, and milliseconds per article', () => {
    const table = formatTable(1000, summariseRuns([run(70_000, 9_000), run(80_000, 8_000)]), summariseRuns([run(9_000, 5_000)]));
    expect(table).toContain('| figure (median, min–max) | cold build | warm rebuild (one article edited) |\n');
    expect(table).toContain('| wall time | 75.0 s (70.0–80.0) | 9.00 s |');
    expect(table).toContain('| ms per article | 75.00 ms | 9.00 ms |');
    expect(table).toContain('| pages written (HTML) | 428 | 428 |');
    expect(table).toContain('| articles parsed (the rest from the content cache) | 1 | 1 |');
    expect(table).toContain('| peak RSS (process tree) | 512.0 MiB | 512.0 MiB |');
    expect(table).toContain('| social cards drawn (the rest from the card cache) | 12 | 12 |');
    expect(table).toContain('| phase: social cards (waiting for those not drawn while pages rendered; publishing) | 0.12 s | 0.12 s |');
  });

  it('should add the rebuild with nothing changed as a third column', () => {
    const one = summariseRuns([run(9_000, 5_000)]);
    const table = formatTable(1000, one, one, summariseRuns([run(4_000, 3_000)]));
    expect(table).toContain('| cold build | warm rebuild (one article edited) | rebuild, nothing changed |\n| --- | ---: | ---: | ---: |');
    expect(table).toContain('| wall time | 9.00 s | 9.00 s | 4.00 s |');
  });

  it("should give Hugo's figures and each Dateline build as a multiple of the Hugo build of its run", () => {
    const hugo = (wallMs: number) => ({ wallMs, cpuMs: wallMs, peakRssBytes: 1_048_576 * 100, pages: 400, outBytes: 1 });
    const table = formatHugoTable({
      cold: [run(60_000, 1), run(90_000, 1)],
      warm: [run(10_000, 1), run(12_000, 1)],
      unchanged: [run(6_000, 1), run(8_000, 1)],
      hugo: [hugo(30_000), hugo(40_000)],
    });
    expect(table).toContain('| wall time | 35.0 s (30.0–40.0) |');
    expect(table).toContain('| Dateline cold build ÷ Hugo | 2.13× (2.00–2.25) |');
    expect(table).toContain('| Dateline warm rebuild (one article edited) ÷ Hugo | 0.32× (0.30–0.33) |');
    expect(table).toContain('| Dateline rebuild with nothing changed ÷ Hugo | 0.20× (0.20–0.20) |');
  });
});

describe('hugoArticle', () => {
  it("should give Hugo the article's folder as its section and its byline as author, body untouched", () => {
    const article = '---\ntitle: "Talks resume 12"\nauthors: Reporter 3\n---\n\nBody.\n';
    expect(hugoArticle(article, 'world')).toBe(
      '---\nsection: world\nauthor: "Reporter 3"\ntitle: "Talks resume 12"\nauthors: Reporter 3\n---\n\nBody.\n',
    );
  });
});
