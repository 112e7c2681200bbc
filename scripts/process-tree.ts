// Peak resident memory and CPU time of a process and all its descendants (Linux /proc), for `npm run bench`.
// A build is Node plus the helpers it starts (Pagefind's binary, Vite's esbuild), and the machine has to hold
// them all at once, so memory is the largest sum seen, not any single process's peak. CPU is sampled too
// because a helper its parent leaves running at exit is reaped by init, so no rusage of ours ever counts it.
import { readdirSync, readFileSync } from 'node:fs';

/** The fields of `/proc/<pid>/stat` after the command name, which may itself hold spaces or `)`: [state, ppid, …]. */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** The parent pid from `/proc/<pid>/stat`. */
export function parentPid(stat: string): number {
  return Number(statFields(stat)[1]);
}

/** User + system CPU time of the process itself from `/proc/<pid>/stat` (utime, stime: 1/100 s), in ms. */
export function cpuMs(stat: string): number {
  const fields = statFields(stat);
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** `VmRSS` from `/proc/<pid>/status`, in bytes (0 for a process without memory of its own, e.g. a zombie). */
export function residentBytes(status: string): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/** `root` and every process below it, from a child → parent table. */
export function descendants(root: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** Reads a /proc file, or undefined when the process ended meanwhile. */
function readProc(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** A process of the tree as last seen. */
export interface SeenProcess {
  /** The parent it had when first seen (a process left running at its parent's exit is given to init). */
  ppid: number;
  cpuMs: number;
  /** Number of the last sample it was alive in. */
  lastSample: number;
}

/**
 * `root`'s process tree right now, with the processes seen in it before that are still alive (a helper left
 * running when its parent exits is no longer below `root`, but is still the build's): each with its parent
 * and CPU time, and their summed resident bytes.
 */
function readTree(
  root: number,
  earlier: Iterable<number>,
): { processes: Map<number, { ppid: number; cpuMs: number }>; residentBytes: number } {
  const stats = new Map<number, string>();
  for (const name of readdirSync('/proc')) {
    const stat = /^\d+$/.test(name) ? readProc(`/proc/${name}/stat`) : undefined;
    if (stat) stats.set(Number(name), stat);
  }
  const tree = new Set(descendants(root, new Map([...stats].map(([pid, stat]) => [pid, parentPid(stat)]))));
  for (const pid of earlier) if (stats.has(pid)) tree.add(pid);
  const processes = new Map([...tree].map((pid) => [pid, { ppid: parentPid(stats.get(pid) ?? ''), cpuMs: cpuMs(stats.get(pid) ?? '') }]));
  const bytes = [...tree].reduce((sum, pid) => sum + residentBytes(readProc(`/proc/${pid}/status`) ?? ''), 0);
  return { processes, residentBytes: bytes };
}

/**
 * Samples the tree every `everyMs` until `stop()`, which returns the peak of the summed resident memory and
 * every process seen with its last CPU time (a process that ended keeps its last sample, at most `everyMs` old).
 */
export function sampleProcessTree(root: number, everyMs = 100): { stop: () => { peakBytes: number; seen: Map<number, SeenProcess> } } {
  let peakBytes = 0;
  const seen = new Map<number, SeenProcess>();
  let count = 0;
  const sample = () => {
    const { processes, residentBytes } = readTree(root, seen.keys());
    peakBytes = Math.max(peakBytes, residentBytes);
    count += 1;
    for (const [pid, proc] of processes) seen.set(pid, { ppid: seen.get(pid)?.ppid ?? proc.ppid, cpuMs: proc.cpuMs, lastSample: count });
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return { peakBytes, seen };
    },
  };
}

/**
 * CPU time of the processes that outlived their parent: no wait4 rusage counts them (init reaps them), while
 * every other process of the tree is in the rusage of its parent, and so of the root's.
 */
export function orphanedCpuMs(seen: ReadonlyMap<number, SeenProcess>): number {
  let sum = 0;
  for (const proc of seen.values()) {
    const parent = seen.get(proc.ppid);
    if (parent && proc.lastSample > parent.lastSample) sum += proc.cpuMs;
  }
  return sum;
}
