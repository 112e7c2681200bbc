/**
 * How deep frontmatter may nest. The deepest field Dateline reads is a list of corrections, each a few
 * `field: value` pairs (three levels); a file nesting thousands of levels (a TOML key of 10,000 dotted parts,
 * `[[[[…]]]]`) would otherwise overflow the stack of every step that walks the values after the parser.
 */
export const MAX_FRONTMATTER_DEPTH = 16;

/**
 * The top-level field of `data` that nests deeper than `limit` levels, if one does. Walked with a stack of
 * its own, not by recursion, so the check itself cannot overflow.
 */
export function fieldTooDeep(data: Record<string, unknown>, limit = MAX_FRONTMATTER_DEPTH): string | undefined {
  for (const [field, value] of Object.entries(data)) {
    const pending: [unknown, number][] = [[value, 1]];
    while (pending.length > 0) {
      const [current, depth] = pending.pop()!;
      if (current === null || typeof current !== 'object') continue;
      if (depth > limit) return field;
      for (const child of Object.values(current)) pending.push([child, depth + 1]);
    }
  }
  return undefined;
}

/** The problem of a field that nests too deeply, for the YAML and TOML readers alike. */
export function tooDeepProblem(file: string, line: number, field: string | undefined) {
  return {
    severity: 'error' as const,
    file,
    line,
    ...(field !== undefined && { field }),
    message: `${field === undefined ? 'the frontmatter ' : ''}nests more than ${MAX_FRONTMATTER_DEPTH} levels deep, deeper than any field Dateline reads`,
    hint: 'a field holds a value, a list of values, or a list of `field: value` pairs (corrections): remove the nesting',
  };
}
