// Measuring one build from outside, for the benchmarks: wall time, CPU time and peak memory of its whole
// process tree, and what it wrote.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { orphanedCpuMs, sampleProcessTree } from './process-tree.ts';

/**
 * Runs a build command under GNU time while sampling its process tree; rejects when it fails.
 * `npm run build` is the newsroom's build (`astro build`, then the search index).
 */
export async function timedBuild(
  command: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  logFile: string,
): Promise<{ wallMs: number; cpuMs: number; peak: number; log: string }> {
  const timeFile = `${logFile}.time`;
  const useTime = statSync('/usr/bin/time', { throwIfNoEntry: false })?.isFile() ?? false;
  const [program, ...args] = useTime ? ['/usr/bin/time', '-f', '%U %S', '-o', timeFile, ...command] : command;
  const started = performance.now();
  const child = spawn(program!, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const sampler = sampleProcessTree(child.pid!);
  let log = '';
  // Decoded as streams, so a character split across two chunks (Astro's ✓ and ├─) is not mangled.
  for (const stream of [child.stdout, child.stderr]) stream.setEncoding('utf8').on('data', (text: string) => (log += text));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - started;
  const { peakBytes, seen } = sampler.stop();
  writeFileSync(logFile, log);
  if (status !== 0) throw new Error(`build failed (exit ${status}); log: ${logFile}\n${log.slice(-3000)}`);
  // GNU time's last line: user and system seconds of the command and every process of the tree that its
  // parent waited for; processes that outlived their parent are added from the samples. Without GNU time,
  // every process's last sample.
  const [user, system] = useTime ? readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number) : [];
  const cpuMs = useTime ? (user! + system!) * 1000 + orphanedCpuMs(seen) : [...seen.values()].reduce((sum, proc) => sum + proc.cpuMs, 0);
  return { wallMs, cpuMs, peak: peakBytes, log };
}

/**
 * Writes out what earlier steps left in the page cache (the corpus, the last build's ~0.9 GB at 10,000
 * articles) before a build is timed, so that the build does not pay for them. `sync` is in every Unix.
 */
export function flushFileSystem(): void {
  spawnSync('sync', { stdio: 'ignore' });
}

/** HTML pages written, bytes of the whole output and of Pagefind's index in it. */
export function measureOutput(outDir: string): { pages: number; outBytes: number; searchIndexBytes: number } {
  const result = { pages: 0, outBytes: 0, searchIndexBytes: 0 };
  const searchDir = path.join(outDir, 'pagefind') + path.sep;
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { size } = statSync(file);
    result.outBytes += size;
    if (file.startsWith(searchDir)) result.searchIndexBytes += size;
    if (entry.name.endsWith('.html')) result.pages += 1;
  }
  return result;
}
