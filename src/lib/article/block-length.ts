/**
 * The longest run of lines the Markdown parser may read as one block. micromark's time grows with the square
 * of a block's length for paragraphs, quotes and list items continued line after line (docs/performance.md,
 * "Parse time"); the same lines in shorter blocks cost linearly less. No article needs a paragraph of a thousand lines; a table or fenced code may run
 * longer, and both are read in linear time.
 */
export const MAX_BLOCK_LINES = 1000;

/**
 * The first block of `text` (lines with no blank line between them, outside fenced code, table rows not
 * counted) longer than `limit` lines: the file line it starts on and its length. `firstLine` is the file
 * line `text` starts on.
 */
export function overlongBlock(text: string, firstLine: number, limit = MAX_BLOCK_LINES): { line: number; lines: number } | undefined {
  const rows = text.split('\n');
  let fence: string | undefined;
  let start = -1;
  let length = 0;
  const over = () => (length > limit ? { line: firstLine + start, lines: length } : undefined);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(row)?.[1];
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (marker) {
      const found = over();
      if (found) return found;
      fence = marker;
      length = 0;
      continue;
    }
    if (row.trim() === '' || /^\s*\|/.test(row)) {
      const found = over();
      if (found) return found;
      length = 0;
      continue;
    }
    if (length === 0) start = i;
    length += 1;
  }
  return over();
}
