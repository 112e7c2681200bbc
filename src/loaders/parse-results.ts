import { createHash, hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from '../build/atomic-write.ts';
import { cacheDir } from '../build/build-paths.ts';
import { codeDigest } from '../build/code-digest.ts';
import { isSupportedImage, type ArticleLink } from '../lib/article/local-references.ts';
import type { FormerUrl } from '../lib/article/former-urls.ts';
import type { StoredUpdate } from '../lib/article/live-checks.ts';
import type { ArticleSource, ParsedArticle, ParseOptions, ParseResult } from '../lib/article/parse.ts';
import type { Problem } from '../lib/problems.ts';
import { slugFromFileName } from '../lib/slug.ts';
import { pictureUses, type PictureUse } from './picture-checks.ts';

/**
 * What parsing found in each file, kept between runs: the one cache of parse results, written and read by
 * the build's loader and by `npm run validate` alike, so a file parsed by either is not parsed again by the
 * other for its checks. (The build also keeps each article's full data and body, in Astro's store and
 * body-files.ts, which pages need and validate does not.)
 */

/** What the checks across files, the editorial checks and the build report read of an article. */
export type RecordedArticle = Pick<
  ParsedArticle,
  | 'slug'
  | 'file'
  | 'related'
  | 'articleLinks'
  | 'siteLinks'
  | 'draft'
  | 'date'
  | 'title'
  | 'description'
  | 'tags'
  | 'section'
  | 'authors'
  | 'formerUrls'
  | 'expires'
  | 'type'
  | 'coverageEnd'
> & { relPath: string; latestUpdate?: StoredUpdate };

/** A file that failed: the slug its name gives and where it is, for pins and links to it; its own links, still checked. */
export interface FailedFile {
  slug: string;
  file: string;
  relPath: string;
  articleLinks?: ArticleLink[] | undefined;
  formerUrls?: FormerUrl[] | undefined;
}

/** One file's parse, with what it depends on besides the code, so a later run can tell whether it still holds. */
export interface FileRecord {
  /** SHA-1 of the bytes that were parsed ('' for a result never to reuse). */
  sha1: string;
  /** Every "is there a file at this path next to the article?" the parser asked (hero and body pictures), with the answer. */
  lookups: [string, boolean][];
  /** The file's own problems: not those across files, nor its pictures', which are checked on every run. */
  problems: Problem[];
  article?: RecordedArticle;
  failed?: FailedFile;
  /** Its pictures, checked on every run (their bytes are not part of what the record depends on). */
  pictures?: PictureUse[];
}

/** The source with its file lookups recorded, for the record of its parse. */
export function recordingLookups(source: ArticleSource): { source: ArticleSource; lookups: Map<string, boolean> } {
  const lookups = new Map<string, boolean>();
  const exists = source.fileExists!;
  const fileExists = (src: string) => {
    const answer = exists(src);
    lookups.set(src, answer);
    return answer;
  };
  return { source: { ...source, fileExists }, lookups };
}

/** The record of one parse, whichever reading made it (the build's or validate's quick one: they agree). */
export function toRecord(
  source: Pick<ArticleSource, 'file' | 'relPath'>,
  sha1: string,
  lookups: ReadonlyMap<string, boolean>,
  parsed: Omit<ParseResult, 'article'> & { article?: Omit<ParsedArticle, 'html'> | undefined },
): FileRecord {
  const { file, relPath } = source;
  const { article, problems, imageLine, imageUses } = parsed;
  // Only pictures inside the content folder that exist and are of a kind published: the others have problems already.
  const pictures = pictureUses(article ? article.image?.src : parsed.heroImage, imageLine, imageUses).filter(
    (use) => lookups.get(use.path) === true && isSupportedImage(use.path),
  );
  const record: FileRecord = { sha1, lookups: [...lookups], problems, ...(pictures.length > 0 && { pictures }) };
  if (!article) return { ...record, failed: failedFile(file, relPath, parsed.articleLinks, parsed.formerUrls) };
  const { slug, related, articleLinks, siteLinks, draft, date, title, description, tags, section, authors, formerUrls, expires, type } =
    article;
  const recorded: RecordedArticle = {
    slug,
    file,
    relPath,
    related,
    articleLinks,
    siteLinks,
    draft,
    date,
    title,
    tags,
    section,
    authors,
    formerUrls,
    type,
  };
  if (description !== undefined) recorded.description = description;
  if (expires !== undefined) recorded.expires = expires;
  if (article.coverageEnd !== undefined) recorded.coverageEnd = article.coverageEnd;
  // Updates are kept newest first: the first is the one the stale-coverage check reads.
  if (article.liveUpdates[0] !== undefined) recorded.latestUpdate = article.liveUpdates[0];
  return { ...record, article: recorded };
}

export function failedFile(file: string, relPath: string, articleLinks?: ArticleLink[], formerUrls?: FormerUrl[]): FailedFile {
  return { slug: slugFromFileName(relPath), file, relPath, ...(articleLinks && { articleLinks }), ...(formerUrls && { formerUrls }) };
}

/** A file's record that is not kept (it has no digest): an unreadable file, or one stopped on a busy machine that may pass on a quiet one. */
export function failedRecord(file: string, relPath: string, problem: Problem): FileRecord {
  return { sha1: '', lookups: [], problems: [problem], failed: failedFile(file, relPath) };
}

/**
 * What every record depends on besides its file: the parsing code (the loader, the parsing threads and
 * all they import), the installed packages, Node, the parse options, the largest file read and the content
 * folder as it sits in the project (so a cache restored into a clone at another path still matches).
 */
export function parseResultsKey(root: string, contentDir: string, options: ParseOptions, maxBytes: number): string {
  const folder = path.relative(root, contentDir).split(path.sep).join('/');
  return createHash('sha256')
    .update(codeDigest(root, ['src/loaders/articles.ts', 'src/loaders/parse-worker.ts']))
    .update(JSON.stringify([options, maxBytes, folder]))
    .digest('hex');
}

interface CacheContents {
  key: string;
  files: Record<string, FileRecord>;
  /** Whether each picture can be published, by content digest (picture-checks.ts). */
  pictures: Record<string, string>;
}

/** The records of one content folder, read at the start of a run and saved at its end. */
export class ParseResults {
  readonly #file: string;
  readonly #key: string;
  readonly #earlier: Record<string, FileRecord>;
  readonly #records = new Map<string, FileRecord>();
  /** Picture verdicts, earlier and new (picture-checks.ts reads and adds to them). */
  readonly pictureVerdicts: Map<string, string>;
  readonly #picturesBefore: number;

  /** The cache of `contentDir`; earlier records count only when made under the same key. */
  constructor(root: string, contentDir: string, key: string) {
    this.#file = path.join(cacheDir(root), 'dateline-parse', `${hash('sha1', contentDir).slice(0, 16)}.json`);
    this.#key = key;
    const earlier = readContents(this.#file);
    const valid = earlier?.key === key;
    this.#earlier = valid ? earlier.files : {};
    this.pictureVerdicts = new Map(valid ? Object.entries(earlier.pictures ?? {}) : []);
    this.#picturesBefore = this.pictureVerdicts.size;
  }

  /** The earlier record of a file that still holds: the same bytes, and the same answers about the files it named. */
  reuse(relPath: string, sha1: string, fileExists: (src: string) => boolean): FileRecord | undefined {
    const record = Object.hasOwn(this.#earlier, relPath) ? this.#earlier[relPath] : undefined;
    if (!record || record.sha1 !== sha1 || sha1 === '') return undefined;
    return record.lookups.every(([src, answer]) => fileExists(src) === answer) ? record : undefined;
  }

  /** Whether the last run left a record of this file at all (if not, there is no need to read it to ask). */
  knows(relPath: string): boolean {
    return Object.hasOwn(this.#earlier, relPath);
  }

  /** The record of this run for a file. */
  set(relPath: string, record: FileRecord): void {
    this.#records.set(relPath, record);
  }

  /** Keeps this run's records of `relPaths` (the folder's files, in order) for the next run, when anything changed. */
  save(relPaths: readonly string[]): void {
    const files = Object.fromEntries(
      relPaths.flatMap((relPath) => {
        const record = this.#records.get(relPath);
        return record && record.sha1 !== '' ? [[relPath, record]] : [];
      }),
    );
    const same =
      Object.keys(files).length === Object.keys(this.#earlier).length &&
      Object.entries(files).every(([relPath, record]) => this.#earlier[relPath] === record) &&
      this.pictureVerdicts.size === this.#picturesBefore;
    if (same) return;
    try {
      // Written aside and renamed, so a run reading it at the same time never sees half a file.
      writeFileAtomically(
        this.#file,
        Buffer.from(JSON.stringify({ key: this.#key, files, pictures: Object.fromEntries(this.pictureVerdicts) })),
      );
    } catch {
      // A cache that cannot be written only makes the next run slower.
    }
  }
}

function readContents(file: string): CacheContents | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CacheContents;
  } catch {
    return undefined; // none yet, or unreadable: parse everything
  }
}
