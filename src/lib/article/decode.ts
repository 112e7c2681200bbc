import type { Problem } from '../problems.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns a file's bytes into text, or says why it cannot be an article: empty, binary (NUL bytes), or not
 * UTF-8. A byte-order mark is dropped; CRLF line ends are left to the Markdown parser, which reads them.
 */
export function decodeSource(bytes: Uint8Array, file: string): { text: string } | { problem: Problem } {
  const problem = (message: string, hint: string): { problem: Problem } => ({
    problem: { severity: 'error', file, line: 1, message, hint },
  });
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    return problem('the file is empty', 'write the article, or delete the file');
  }
  // Windows editors save "Unicode" as UTF-16, whose byte-order mark comes first and whose ASCII letters carry NUL bytes.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return problem('the file is UTF-16 text, not UTF-8', 'save it as UTF-8 (most editors: "Save with encoding" → UTF-8)');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return problem(
      `the file holds binary data (a NUL byte at offset ${nul}), not Markdown text`,
      'save the article as plain UTF-8 text, or move non-article files out of the content folder',
    );
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return problem('the file is not UTF-8 text', 'save it as UTF-8 (most editors: "Save with encoding" → UTF-8)');
  }
  return { text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}
