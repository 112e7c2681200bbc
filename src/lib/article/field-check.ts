import type { z } from 'astro/zod';
import type { Problem } from '../problems.ts';
import { FIELD_HELP, KNOWN_FIELDS, type FrontmatterSchema, type KnownField } from './schema.ts';
import { nearest } from './suggest.ts';

/**
 * The frontmatter against the schema, field by field: what each refused field holds and what it expects, in
 * the newsroom's words, and a warning for each field Dateline does not know.
 */

/** A warning for each field Dateline does not know, with the known field it is closest to. */
export function unknownFields(
  data: Readonly<Record<string, unknown>>,
  lineOf: (field: string) => number,
  file: string,
  known: readonly string[] = KNOWN_FIELDS,
): Problem[] {
  return Object.keys(data)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const guess = nearest(key, known);
      return {
        severity: 'warning',
        file,
        line: lineOf(key),
        field: key,
        message: 'is not a field Dateline knows; it is ignored',
        hint: guess ? `did you mean \`${guess}\`?` : `known fields: ${known.join(', ')}`,
      };
    });
}

/**
 * The schema's verdict, and the fields it refused: the other checks still run on the rest, so one run
 * reports everything. Each refused field is an error at its line, named as the writer wrote it.
 */
export function checkFields<S extends FrontmatterSchema | z.ZodType>(
  schema: S,
  data: Readonly<Record<string, unknown>>,
  writtenAs: ReadonlyMap<KnownField, string>,
  lineOf: (field: string) => number,
  file: string,
  fieldHelp: Readonly<Record<string, string>> = FIELD_HELP,
): { parsed: ReturnType<S['safeParse']>; refused: Set<string>; problems: Problem[] } {
  const parsed = schema.safeParse(data, { reportInput: true }) as ReturnType<S['safeParse']>;
  const refused = new Set<string>();
  const problems: Problem[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      refused.add(field);
      const help = fieldHelp[field];
      // Inside a list of objects, name the item and key: `corrections[2].text`.
      const where = issue.path
        .map((part, i) =>
          i === 0 ? (writtenAs.get(field as KnownField) ?? field) : typeof part === 'number' ? `[${part + 1}]` : `.${String(part)}`,
        )
        .join('');
      problems.push({
        severity: 'error',
        file,
        message: describeIssue(issue),
        line: lineOf(field),
        field: where || undefined,
        hint: help ? `expected ${help}` : undefined,
      });
    }
  }
  return { parsed, refused, problems };
}

interface IssueLike {
  code: string;
  message: string;
  input?: unknown;
  expected?: string;
  minimum?: unknown;
  origin?: string;
}

function describeIssue(issue: IssueLike): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is missing';
  if (issue.code === 'invalid_type' || issue.code === 'invalid_union' || issue.code === 'invalid_value')
    return `is ${describeValue(issue.input)}`;
  if (issue.code === 'too_small') return issue.origin === 'array' ? 'is an empty list' : 'is empty';
  return issue.message;
}

/** A value as a newsroom would name it: `a number (2024)`, `the text "false"`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  switch (typeof value) {
    case 'string':
      return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
    case 'number':
      return `a number (${value})`;
    case 'boolean':
      return `${value} (yes/no)`;
    case 'object':
      return 'a group of fields';
    default:
      return 'missing';
  }
}
