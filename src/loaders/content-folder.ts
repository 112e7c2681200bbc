import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  readSync,
  realpathSync,
  statSync,
  type Dirent,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import { AstroError } from 'astro/errors';

/**
 * The one place that lists and opens the content folder's files, for the build, `astro dev` and
 * `npm run validate` alike. A content folder is written by many hands: only regular files whose real path
 * is inside it are read, never more than a size limit, and a file that looks like an article but is not
 * read is named, never passed over unsaid.
 */

/** A file of the content folder that is not read, and why: an error (refused) or a warning (not an article). */
export interface SetAside {
  relPath: string;
  message: string;
  hint: string;
}

export interface ContentListing {
  /** The articles to read: `.md` files (any case) that are regular files inside the folder, sorted. */
  files: string[];
  /** `.md` files set aside on purpose: a name, or a folder's name, that starts with `.` or `_`. */
  ignored: string[];
  /** Files that look like articles but are not read (other Markdown extensions, odd names): warnings. */
  notRead: SetAside[];
  /** Files that look like articles and cannot be read safely (links out of the folder, devices): errors. */
  refused: SetAside[];
}

/** Other spellings of a Markdown file name (Jekyll writes `.markdown`): not read, but never passed over unsaid. */
const OTHER_MARKDOWN = /\.(markdown|mdown|mkdn|mkd|mdwn|mdx|mdoc)$/i;
/** `.md` followed by what an editor or a copy can leave behind: spaces, dots, invisible characters. */
const MD_WITH_TRAILER = /\.md[\s.\u200B-\u200F\u2060\uFEFF]+$/i;
/** Invisible characters that make a name look like another: a zero-width space before `.md`. */
const INVISIBLE = /[\u200B-\u200F\u2060\uFEFF]/;

const hidden = (relPath: string) => relPath.split('/').some((part) => part.startsWith('.') || part.startsWith('_'));

/**
 * Lists the content folder. Symbolic links are followed only to files inside the folder (a linked folder is
 * named, not walked: it could hold the folder itself); everything that looks like an article and is not
 * listed in `files` is in `ignored`, `notRead` or `refused`. `skipFolder` (a folder at the top, such as
 * the author profiles') is not walked: its files are read by a loader of their own.
 */
export function listMarkdownFiles(dir: string, options: { skipFolder?: string } = {}): ContentListing {
  let realDir: string;
  try {
    realDir = realpathSync(dir);
    if (!statSync(realDir).isDirectory()) throw new Error('not a folder');
  } catch (error) {
    throw new AstroError(
      `${dir}: the content folder cannot be read (${(error as Error).message})`,
      'create the folder, or set CONTENT_DIR to the folder that holds the articles',
    );
  }
  const listing: ContentListing = { files: [], ignored: [], notRead: [], refused: [] };
  const walk = (folder: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(dir, folder), { withFileTypes: true });
    } catch (error) {
      listing.refused.push({
        relPath: folder,
        message: `is a folder that cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        hint: 'give the build read access to it, or remove it from the content folder',
      });
      return;
    }
    for (const entry of entries) {
      const relPath = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (relPath !== options.skipFolder) walk(relPath);
      } else if (entry.isSymbolicLink() && !hidden(relPath) && isLinkedFolder(path.join(dir, relPath)))
        listing.notRead.push({
          relPath,
          message: 'is a symbolic link to a folder: the articles in it are not read',
          hint: 'move the folder into the content folder instead of linking to it',
        });
      else classify(dir, realDir, relPath, entry, listing);
    }
  };
  walk('');
  for (const list of [listing.files, listing.ignored]) list.sort(compareNames);
  for (const list of [listing.notRead, listing.refused]) list.sort((a, b) => compareNames(a.relPath, b.relPath));
  return listing;
}

function isLinkedFolder(absPath: string): boolean {
  try {
    return statSync(absPath).isDirectory();
  } catch {
    return false;
  }
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function classify(dir: string, realDir: string, relPath: string, entry: Dirent, listing: ContentListing): void {
  const name = entry.name;
  const isMarkdown = name.toLowerCase().endsWith('.md');
  const looksLikeArticle = isMarkdown || OTHER_MARKDOWN.test(name) || MD_WITH_TRAILER.test(name);
  if (!looksLikeArticle) return;
  if (hidden(relPath)) {
    if (isMarkdown) listing.ignored.push(relPath);
    return;
  }
  const refusal = refuse(dir, realDir, relPath, entry);
  if (refusal) return void listing.refused.push({ relPath, ...refusal });
  if (OTHER_MARKDOWN.test(name)) {
    const renamed = name.replace(OTHER_MARKDOWN, '.md');
    return void listing.notRead.push({
      relPath,
      message: 'is not read: only files ending in .md are articles',
      hint: `rename it to ${renamed} to publish it`,
    });
  }
  if (!isMarkdown) {
    const renamed = name.replace(MD_WITH_TRAILER, '.md');
    return void listing.notRead.push({
      relPath,
      message: `is not read: its name goes on after ".md" (${JSON.stringify(name.slice(name.toLowerCase().lastIndexOf('.md') + 3))})`,
      hint: `rename it to ${renamed} to publish it`,
    });
  }
  if (INVISIBLE.test(name)) {
    return void listing.refused.push({
      relPath: relPath,
      message:
        'has an invisible character in its name (a zero-width space or a direction mark): its address would not be the one it looks like',
      hint: `rename it to ${name.replace(new RegExp(INVISIBLE.source, 'g'), '')}`,
    });
  }
  listing.files.push(relPath);
}

/** Why a listed entry cannot be read as an article, if it cannot: a link out of the folder, a device, a folder. */
function refuse(dir: string, realDir: string, relPath: string, entry: Dirent): { message: string; hint: string } | undefined {
  const absPath = path.join(dir, relPath);
  if (entry.isSymbolicLink()) {
    let target: string;
    let stats: Stats;
    try {
      target = realpathSync(absPath);
      stats = statSync(target);
    } catch {
      return {
        message: 'is a symbolic link to nothing (its target does not exist)',
        hint: 'remove the link, or put the article itself here',
      };
    }
    if (!isInside(realDir, target)) {
      return {
        message: 'is a symbolic link to a file outside the content folder: only files inside it are read',
        hint: 'copy the article into the content folder instead of linking to it',
      };
    }
    return stats.isFile() ? undefined : notRegular(stats);
  }
  return entry.isFile() ? undefined : notRegular(entry);
}

function notRegular(kind: Dirent | Stats): { message: string; hint: string } {
  const what = kind.isFIFO()
    ? 'a named pipe (FIFO)'
    : kind.isSocket()
      ? 'a socket'
      : kind.isCharacterDevice() || kind.isBlockDevice()
        ? 'a device'
        : 'not a regular file';
  return { message: `is ${what}, not a file: only regular files are read`, hint: 'remove it from the content folder' };
}

/**
 * Whether a file (a picture beside an article) exists and is inside the content folder once links are
 * followed: a picture linked from elsewhere on the machine is not published.
 */
export function isFileInside(contentDir: string, absPath: string): boolean {
  try {
    return statSync(absPath).isFile() && isInside(realpathSync(contentDir), realpathSync(absPath));
  } catch {
    return false;
  }
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Why an article file could not be read: said as a problem of that file (message, then what to do). */
export class UnreadableFile extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

/**
 * Reads an article file listed by `listMarkdownFiles`, checking again what may have changed since: the file
 * must still be a regular file inside the content folder, of at most `maxBytes`. Opened without waiting (a
 * named pipe put in its place would otherwise hang the build) and read no further than the limit.
 */
export function readArticleFile(contentDir: string, relPath: string, maxBytes: number): Buffer {
  const absPath = path.join(contentDir, relPath);
  let fd: number;
  try {
    fd = openSync(absPath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new UnreadableFile(
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      'check that the file exists and can be read',
    );
  }
  try {
    // The file opened, not the path checked before: a link swapped in between is caught here.
    if (!isInside(realpathSync(contentDir), openedPath(fd, absPath))) {
      throw new UnreadableFile(
        'is outside the content folder (a symbolic link)',
        'copy the article into the content folder instead of linking to it',
      );
    }
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      const { message, hint } = notRegular(stats);
      throw new UnreadableFile(message, hint);
    }
    if (stats.size > maxBytes) throw tooLarge(`is ${kib(stats.size)}`, maxBytes);
    // One byte past the limit is asked for, so a file that grew since fstat is still caught.
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (let read = 1; read > 0 && length < buffer.length; length += read)
      read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) throw tooLarge('grew while it was read', maxBytes);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** Where an open file really is: Linux names it in /proc; elsewhere the path is resolved again. */
function openedPath(fd: number, absPath: string): string {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return realpathSync(absPath);
  }
}

const kib = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString('en')} KiB`;

function tooLarge(what: string, maxBytes: number): UnreadableFile {
  return new UnreadableFile(
    `${what}, over the limit of ${kib(maxBytes)} for one article`,
    'split it into several articles, or raise maxArticleBytes in src/site.config.ts',
  );
}
