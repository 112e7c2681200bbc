import { isSlugTooLong, MAX_SLUG_BYTES, toSlug } from '../slug.ts';
import { articlePath } from '../urls.ts';
import { LENGTH_LIMIT, shorten, type FieldContext } from './field-context.ts';

/**
 * The addresses a story had before (`formerUrls`, and `formerSlugs` in its section), each made a redirect to
 * its page. Each must be a path on this site that can be a file of the built site: no way out of the output
 * folder, no hidden files, nothing a query or fragment would decide. Checked against the site's other pages
 * across files (redirect-checks.ts).
 */

/** One old address: a site path (`/2019/10/old-story.html`, `/world/old-slug/`) and the line that gave it. */
export interface FormerUrl {
  /** Decoded, `/`-separated, ending in `/` unless its last segment names a file (`.html`). */
  path: string;
  line: number;
}

/** The longest former address, in characters: a `_redirects` line holds both addresses in 1,000. */
const MAX_PATH_LENGTH = 400;

/** A last segment with a file extension is a file (`story.html`, `page.php`); any other is a folder. */
const FILE_NAME = /\.[A-Za-z0-9]{1,8}$/;

/** The file's former addresses as site paths, in the order written, each once; problems go to the context. */
export function checkFormerUrls(context: FieldContext, sectionSlug: string, slug: string): FormerUrl[] {
  const { error, warn, lineOf, refused, data, writtenAs } = context;
  // Named as written: `aliases` in a Hugo file.
  const urlsField = writtenAs.get('formerUrls') ?? 'formerUrls';
  const own = articlePath(sectionSlug, slug);
  const found = new Map<string, FormerUrl>();
  const add = (path: string, line: number, field: string) => {
    if (path === own) warn(`"${path}" is the story's own address, not a former one`, { line, field, hint: 'remove it' });
    else if (!found.has(path)) found.set(path, { path, line });
  };
  if (!refused.has('formerUrls')) {
    const line = lineOf('formerUrls');
    for (const written of (data['formerUrls'] as readonly string[] | undefined) ?? []) {
      const read = sitePath(written, sectionSlug);
      if (typeof read === 'string') add(read, line, urlsField);
      else error(`"${shorten(written)}" ${read.problem}`, { line, field: urlsField, hint: read.hint });
    }
  }
  if (!refused.has('formerSlugs')) {
    const line = lineOf('formerSlugs');
    for (const written of (data['formerSlugs'] as readonly string[] | undefined) ?? []) {
      const formerSlug = written.trim();
      if (toSlug(formerSlug) !== formerSlug || formerSlug.length > MAX_SLUG_BYTES)
        error(`"${shorten(formerSlug)}" is not a slug as the site writes them`, {
          line,
          field: 'formerSlugs',
          hint: `write it as the old URL had it, e.g. formerSlugs: [${toSlug(formerSlug) || 'budget-vote'}]; an address in another section goes in formerUrls`,
        });
      else add(articlePath(sectionSlug, formerSlug), line, 'formerSlugs');
    }
  }
  return [...found.values()];
}

type Refused = { problem: string; hint: string };

/**
 * A former address as written, as a site path: a path from the site's root (`/2019/10/story.html`), or
 * relative to the story's section, as Hugo's `aliases` may be (`old-story` in `world/` is `/world/old-story/`).
 */
export function sitePath(written: string, sectionSlug: string): string | Refused {
  const text = written.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//'))
    return { problem: 'is a full URL, not a path on this site', hint: 'write the path only, e.g. /2019/10/25/budget-vote.html' };
  if (/[?#]/.test(text))
    return { problem: 'has a query or a fragment, which a redirect cannot depend on', hint: 'write the path only, without ? or #' };
  if (text.length > MAX_PATH_LENGTH) return { problem: 'is too long for an address', hint: `keep it under ${MAX_PATH_LENGTH} characters` };
  const absolute = text.startsWith('/') ? text : `/${sectionSlug}/${text}`;
  const segments: string[] = [];
  const raw = absolute.split('/').slice(1);
  for (const [i, segment] of raw.entries()) {
    if (segment === '' && i === raw.length - 1) break; // the trailing slash of a folder
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return {
        problem: 'has a % that is not a percent-encoded character',
        hint: 'write the path as the browser showed it, e.g. /caf%C3%A9/ or /café/',
      };
    }
    // Each segment becomes a file or folder name of the built site: never a way out of it, nor a hidden file.
    // URL punctuation is kept (`what's-new`, `(1)`); anything else is no name a file system or URL holds as is.
    if (decoded === '' || decoded.startsWith('.') || !/^[\p{L}\p{M}\p{N}\-._~!$&'()+,;=@]+$/u.test(decoded))
      return {
        problem: 'is not a path the site can hold',
        hint: 'write a path of plain segments, e.g. /2019/10/25/budget-vote/ (no //, no ./ or ../, no hidden names)',
      };
    if (isSlugTooLong(decoded)) return { problem: 'has a segment too long to be a file name', hint: LENGTH_LIMIT };
    if (segments.length === 0 && decoded.startsWith('_'))
      return {
        problem: 'is where the site keeps its own files (names starting with _)',
        hint: "remove it, or write the story's real old path",
      };
    segments.push(decoded);
  }
  if (segments.at(-1) === 'index.html') segments.pop();
  if (segments.length === 0) return { problem: "is the site's front page", hint: 'the front page cannot redirect to a story: remove it' };
  return FILE_NAME.test(segments.at(-1)!) ? `/${segments.join('/')}` : `/${segments.join('/')}/`;
}
