import type { Problem } from '../problems.ts';
import { MAX_SLUG_BYTES } from '../slug.ts';
import type { KnownField } from './schema.ts';

/**
 * What the checks of one file's fields share (read.ts makes it once per file): its frontmatter as read, the
 * fields the schema refused, where each field is, and the file's list of problems.
 */
export interface FieldContext {
  file: string;
  /** The frontmatter after other generators' names were mapped (`pubDate` → `date`). */
  data: Readonly<Record<string, unknown>>;
  /** Fields the schema refused: their own checks are left out, the others still run. */
  refused: ReadonlySet<string>;
  /** The line a field is on (the frontmatter's first line when the field is absent). */
  lineOf(field: string): number;
  /** The writer's key behind a mapped field (`categories` for `section`). */
  writtenAs: ReadonlyMap<KnownField, string>;
  /** Records an error of this file. */
  error(message: string, extra?: Partial<Problem>): void;
  /** Records a warning of this file. */
  warn(message: string, extra?: Partial<Problem>): void;
}

/** A field's text when it is usable text, whether or not other fields failed. */
export function textOf(context: FieldContext, field: string): string | undefined {
  const value = context.data[field];
  return !context.refused.has(field) && typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** What the URL length limit means for a writer. */
export const LENGTH_LIMIT = `a URL segment holds at most ${MAX_SLUG_BYTES} Latin letters, about ${Math.floor(MAX_SLUG_BYTES / 3)} in most other scripts`;

/** A long name cut for a message: its first 40 characters. */
export function shorten(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}
