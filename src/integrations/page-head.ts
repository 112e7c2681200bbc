import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 8192;
/** A page's head is a few kilobytes; a page without `</head>` is read no further than this. */
const MAX_HEAD = 256 * 1024;
/** One buffer for every page: the sitemap reads the pages one at a time. */
const buffer = Buffer.allocUnsafe(MAX_HEAD);

/**
 * The start of a built page up to its `</head>` (or the whole page, if shorter): what the sitemap reads
 * for each article's `lastmod`, without reading and holding the whole page. Undefined when there is no file.
 */
export function readHead(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    let length = 0;
    while (length < MAX_HEAD) {
      const read = readSync(fd, buffer, length, Math.min(CHUNK, MAX_HEAD - length), length);
      if (read === 0) break;
      // Searched from a little before the new bytes, so a `</head>` split between two reads is found.
      const from = Math.max(0, length - 6);
      length += read;
      if (buffer.subarray(from, length).includes('</head>')) break;
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}
