// `npm run bench:related [-- --sizes 1000,10000,100000 --runs 5]`
// Times the Related ranking for synthetic corpora and reports median and range, plus peak memory.
// Each size runs in its own child process so its peak resident memory is its own.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { computeRelated } from '../src/lib/related.ts';
import { median } from './bench-stats.ts';
import { syntheticCorpus } from './synthetic-related-corpus.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    runs: { type: 'string', default: '5' },
    child: { type: 'string' },
  },
});
const runs = Number(values.runs);

if (values.child) {
  const n = Number(values.child);
  const corpus = syntheticCorpus(n);
  const baseline = process.memoryUsage().rss;
  const times: number[] = [];
  let links = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const result = computeRelated(corpus, 5);
    times.push(performance.now() - t0);
    links = [...result.values()].reduce((total, list) => total + list.related.length, 0);
  }
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ n, times, links, baselineRss: baseline, peakRss }));
} else {
  const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MiB`;
  console.log(`Related ranking, ${runs} runs per size (Node ${process.version}, ${process.platform}/${process.arch})\n`);
  console.log('| articles | median | min – max | links | peak RSS (process) | RSS before ranking |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const n of values.sizes.split(',').map(Number)) {
    const child = spawnSync(process.execPath, [import.meta.filename, '--child', String(n), '--runs', String(runs)], { encoding: 'utf8' });
    if (child.status !== 0) {
      console.error(child.stderr);
      process.exit(1);
    }
    const { times, links, peakRss, baselineRss } = JSON.parse(child.stdout) as {
      times: number[];
      links: number;
      peakRss: number;
      baselineRss: number;
    };
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    console.log(
      `| ${n} | ${ms(median(times))} | ${ms(Math.min(...times))} – ${ms(Math.max(...times))} | ${links} | ${mib(peakRss)} | ${mib(baselineRss)} |`,
    );
  }
}
