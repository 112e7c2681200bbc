import type { Problem } from '../lib/problems.ts';

/**
 * In `astro dev`, a file with errors does not stop the server: the loader keeps every other article and
 * leaves the problems here, and every page shows them in a panel (see ContentProblems.astro). The loader
 * and the pages run in the same Node process but in different module graphs (Vite loads pages), so the
 * hand-over goes through a global registry key rather than a module variable.
 */
const KEY = Symbol.for('dateline.devContentProblems');

type WithProblems = typeof globalThis & { [KEY]?: readonly Problem[] };

export function setDevProblems(problems: readonly Problem[]): void {
  (globalThis as WithProblems)[KEY] = problems;
}

/** The problems of the last load in `astro dev`; always empty in a build (a build stops on errors instead). */
export function devProblems(): readonly Problem[] {
  return (globalThis as WithProblems)[KEY] ?? [];
}
