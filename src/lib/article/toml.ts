import { parse, TomlDate, TomlError } from 'smol-toml';
import type { Problem } from '../problems.ts';
import { fieldTooDeep, tooDeepProblem } from './frontmatter-depth.ts';
import type { RawFrontmatter } from './yaml.ts';

/**
 * Reads a TOML frontmatter block (`+++` … `+++`, as Hugo writes it) into the same shape as YAML
 * frontmatter, so one schema validates both. TOML dates are typed values; they become the ISO strings
 * they were written as (`2024-10-25T19:13:00+02:00`, a local `2024-10-25T19:13:00`, or `2024-10-25`),
 * so the schema reads them in the newsroom's time zone exactly like YAML dates.
 */
export function readToml(tomlText: string, firstLine: number, file: string): { frontmatter?: RawFrontmatter; problems: Problem[] } {
  let parsed: Record<string, unknown>;
  try {
    parsed = parse(tomlText) as Record<string, unknown>;
  } catch (error) {
    const line = error instanceof TomlError ? error.line + firstLine - 1 : firstLine;
    return {
      problems: [
        {
          severity: 'error',
          file,
          line,
          message: `the frontmatter is not valid TOML: ${firstLineOf((error as Error).message)}`,
          hint: 'check quotes and brackets: text values need double quotes, e.g. title = "Headline"',
        },
      ],
    };
  }
  const keyLines = topLevelKeyLines(tomlText, firstLine);
  const deep = fieldTooDeep(parsed);
  if (deep !== undefined) return { problems: [tooDeepProblem(file, keyLines.get(deep) ?? lineStarting(tomlText, deep, firstLine), deep)] };
  return { frontmatter: { data: datesAsText(parsed) as Record<string, unknown>, keyLines }, problems: [] };
}

/** The line of the first row that starts with `key` (a dotted key, a table header), or the block's first. */
function lineStarting(tomlText: string, key: string, firstLine: number): number {
  const row = tomlText.split('\n').findIndex((text) => {
    const trimmed = text.trimStart().replace(/^\[+\s*/, '');
    // The key itself, not a longer one it begins (`a` is not `authors`).
    return [key, `"${key}"`].some((written) => trimmed.startsWith(written) && /^(?:$|[\s.=\]])/.test(trimmed.slice(written.length)));
  });
  return row === -1 ? firstLine : firstLine + row;
}

function datesAsText(value: unknown): unknown {
  // `toISOString` of a TomlDate keeps the form it was written in (offset, local date-time or date).
  if (value instanceof TomlDate) return value.toISOString().replace(/\.000(?=$|Z|[+-])/, '');
  if (Array.isArray(value)) return value.map(datesAsText);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, datesAsText(v)]));
  return value;
}

/** The line of each top-level `key = value`: those before the first `[table]` header. */
function topLevelKeyLines(tomlText: string, firstLine: number): Map<string, number> {
  const lines = new Map<string, number>();
  const rows = tomlText.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!.trim();
    if (row.startsWith('[')) break;
    const key = /^(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*=/.exec(row);
    if (key) lines.set(key[1] ?? key[2] ?? key[3]!, firstLine + i);
  }
  return lines;
}

function firstLineOf(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/^Invalid TOML document:\s*/, '')
    .trim();
}
