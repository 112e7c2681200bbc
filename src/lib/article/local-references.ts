import type { Element, Root } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { visitElements } from './walk.ts';
import type { VFile } from 'vfile';
import type { Problem } from '../problems.ts';

/**
 * Local references in an article body: links to other articles' Markdown files (`[x](../politics/budget.md)`)
 * and pictures beside the article (`![alt](./photo.jpg)`).
 *
 * Neither can be turned into its final URL when the file is parsed: a link's target may be renamed or
 * change section while the linking file, and so its stored entry, stays the same; an image's optimised
 * URLs come from `astro:assets` at render time. So the pipeline records each reference and writes a
 * marker in its place (`href="#dateline:link:0"`, `src="#dateline:image:0"`), the checks across files
 * validate the recorded links on every build, and the data layer swaps the markers for URLs when pages
 * are rendered (`src/lib/body-references.ts`).
 *
 * A marker is only an index into the article's own lists, so it can point nowhere but at a URL the site
 * builds itself; and markers written by hand in the body are removed before the real ones are added.
 */

declare module 'vfile' {
  interface DataMap {
    /** The article's path inside the content folder (`world/a.md`), to resolve relative links against. */
    relPath: string;
    /** Links to other articles' files, in marker order (set by `markLocalReferences`). */
    articleLinks: ArticleLink[];
    /** Links to `.md` files that resolve outside the content folder. */
    linksOutside: WrittenReference[];
    /** Every use of a local image, in document order. */
    imageUses: ImageUse[];
    /** Distinct local image paths, in marker order. */
    bodyImages: string[];
    /** Links written as the address of a story (`/world/story/`), checked against the site's stories. */
    siteLinks: WrittenReference[];
  }
}

/** A reference as the writer wrote it, for messages. */
export interface WrittenReference {
  /** `href` or `src` as written: `./budget.md#vote`. */
  written: string;
  /** The link text or alt text, shortened. */
  text: string;
  /** Line in the file, when known. */
  line?: number | undefined;
}

/** A body link to another article's file, resolved against the linking file. */
export interface ArticleLink extends WrittenReference {
  /** The target file inside the content folder, `/`-separated: `politics/budget.md`. */
  target: string;
  /** `#vote` as written, or empty. */
  fragment: string;
}

/** One use of a picture beside the article. */
export interface ImageUse extends WrittenReference {
  /** The file relative to the article, as `astro:assets` imports it: `./photo.jpg`, `../shared/map.png`. */
  path: string;
}

export type MarkerKind = 'link' | 'image';

const MARKER = /^#dateline:(link|image):(0|[1-9]\d{0,5})$/;

/** The marker left in place of the `index`th reference of a kind. A relative URL, so the sanitiser keeps it. */
export function marker(kind: MarkerKind, index: number): string {
  return `#dateline:${kind}:${index}`;
}

/** The reference a marker stands for, or undefined when the value is no marker. */
export function readMarker(value: unknown): { kind: MarkerKind; index: number } | undefined {
  if (typeof value !== 'string') return undefined;
  const match = MARKER.exec(value);
  return match ? { kind: match[1] as MarkerKind, index: Number(match[2]) } : undefined;
}

/** Anything that looks like a marker, however written, so no hand-written one survives. */
function looksLikeMarker(value: string): boolean {
  return /^\s*#\s*dateline:/i.test(value);
}

/** Image types `astro:assets` can read (its `VALID_INPUT_FORMATS`). */
export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'apng', 'webp', 'avif', 'gif', 'tiff', 'svg'] as const;

/** Whether a reference is a path relative to the article: no scheme, not from the site root, not only `#…` or `?…`. */
export function isRelativePath(value: string): boolean {
  const trimmed = value.trim();
  return trimmed !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[/\\#?]/.test(trimmed);
}

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** `./photo.jpg?x#y` → the decoded file part, with `/` separators: `./photo.jpg`. */
function filePart(value: string): string {
  return decode(value.trim().replace(/[?#].*$/s, '')).replace(/\\/g, '/');
}

/**
 * Resolves a relative path against a file inside the content folder, the way a browser resolves a
 * relative URL, but refusing to leave the folder: `world/a.md` + `../politics/b.md` → `politics/b.md`;
 * `world/a.md` + `../../b.md` → undefined.
 */
export function resolveInContent(fromRelPath: string, relative: string): string | undefined {
  const parts = fromRelPath.split('/').slice(0, -1);
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..') parts.push(part);
    else if (parts.length === 0) return undefined;
    else parts.pop();
  }
  return parts.join('/');
}

/**
 * Whether a path relative to an article (decoded, `/`-separated: `localImagePath`) climbs out of the content
 * folder: `world/a.md` + `../../elsewhere/photo.png`. Such a file is never published, wherever it is.
 */
export function leavesContentFolder(fromRelPath: string, relative: string): boolean {
  return resolveInContent(fromRelPath, relative) === undefined;
}

/**
 * What a body link is: a link to another article's file (`./b.md#x`), one that would leave the content
 * folder, or anything else (left alone: web links, site paths, in-page anchors, other relative links).
 */
export function classifyLink(
  fromRelPath: string,
  href: string,
): { kind: 'article'; target: string; fragment: string } | { kind: 'outside' } | undefined {
  if (!isRelativePath(href)) return undefined;
  const path = filePart(href);
  if (!/\.md$/i.test(path)) return undefined;
  const target = resolveInContent(fromRelPath, path);
  if (target === undefined || target === '') return { kind: 'outside' };
  const hash = href.trim().indexOf('#');
  const fragment = hash === -1 ? '' : href.trim().slice(hash);
  return { kind: 'article', target, fragment: fragment === '#' ? '' : fragment };
}

/** The address a site-root link names when it has a story's shape (`/world/story/`, `/world/story#part`), else undefined. */
export function storyAddress(href: string): string | undefined {
  const match = /^\/([^/?#]+)\/([^/?#]+)\/?(?:#.*)?$/.exec(href.trim());
  if (!match) return undefined;
  try {
    return `/${decodeURIComponent(match[1]!)}/${decodeURIComponent(match[2]!)}/`;
  } catch {
    return undefined;
  }
}

/** The file a body image refers to, relative to the article (`./photo.jpg`), or undefined when it is not a local file. */
export function localImagePath(src: string): string | undefined {
  if (!isRelativePath(src)) return undefined;
  const path = filePart(src);
  if (path === '') return undefined;
  return path.startsWith('./') || path.startsWith('../') ? path : `./${path}`;
}

/** Whether `astro:assets` can optimise a file of this name. */
export function isSupportedImage(path: string): boolean {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension !== undefined && (IMAGE_EXTENSIONS as readonly string[]).includes(extension);
}

const TEXT_LENGTH = 60;

function describe(node: Element): string {
  const text = (node.tagName === 'img' ? String(node.properties.alt ?? '') : hastToString(node)).replace(/\s+/g, ' ').trim();
  return text.length > TEXT_LENGTH ? `${text.slice(0, TEXT_LENGTH - 1)}…` : text;
}

/**
 * The rehype step that records local references and writes markers. Runs just after the sanitiser, so only
 * what is published counts (an image inside a stripped `<svg>` is no reference) and raw HTML counts like
 * Markdown (`<a href="b.md">`, `<img src="photo.jpg">`). It adds nothing: it rewrites the value of an
 * `href` or `src` the sanitiser kept into a marker, and removes any marker written by hand. Images from
 * other hosts are links by then (`remoteImagesToLinks`); site-root paths (`/images/x.jpg`, served from
 * `public/`), web links and in-page anchors are not touched.
 */
export function markLocalReferences() {
  return (tree: Root, file: VFile) => {
    const relPath = file.data.relPath ?? '';
    const articleLinks: ArticleLink[] = [];
    const linksOutside: WrittenReference[] = [];
    const imageUses: ImageUse[] = [];
    const bodyImages: string[] = [];
    const siteLinks: WrittenReference[] = [];
    // A hand-written marker goes: an image without a source is no image, a link keeps its text.
    visitElements(tree, (node, index, parent) => {
      const { src } = node.properties;
      if (node.tagName !== 'img' || typeof src !== 'string' || !looksLikeMarker(src)) return undefined;
      parent.children.splice(index, 1);
      return index;
    });
    visitElements(tree, (node) => {
      const { properties } = node;
      if (typeof properties.href === 'string' && looksLikeMarker(properties.href)) delete properties.href;
      if (typeof properties.src === 'string' && looksLikeMarker(properties.src)) delete properties.src;
      const line = node.position?.start.line;
      if (node.tagName === 'a' && typeof properties.href === 'string') {
        const link = classifyLink(relPath, properties.href);
        const written = { written: properties.href, text: describe(node), line };
        if (link?.kind === 'outside') linksOutside.push(written);
        if (link === undefined && storyAddress(properties.href) !== undefined) siteLinks.push(written);
        if (link?.kind !== 'article') return;
        properties.href = marker('link', articleLinks.length);
        articleLinks.push({ ...written, target: link.target, fragment: link.fragment });
      } else if (node.tagName === 'img' && typeof properties.src === 'string') {
        const path = localImagePath(properties.src);
        if (path === undefined) return;
        imageUses.push({ written: properties.src, text: describe(node), line, path });
        let slot = bodyImages.indexOf(path);
        if (slot === -1) slot = bodyImages.push(path) - 1;
        properties.src = marker('image', slot);
      }
    });
    Object.assign(file.data, { articleLinks, linksOutside, imageUses, bodyImages, siteLinks });
  };
}

/**
 * How a problem names a reference, as the writer finds it in the file: `link ./b.md#x ("the vote")`,
 * `image ./photo.jpg ("A crowd")`. Not the Markdown form `[the vote](./b.md#x)`: Astro prints build errors
 * as Markdown and would turn that into "the vote ./b.md#x".
 */
export function describeReference(reference: WrittenReference, image = false): string {
  return `${image ? 'image' : 'link'} ${reference.written}${reference.text ? ` (${JSON.stringify(reference.text)})` : ''}`;
}

/** A body image whose file is missing; the same problem whether the file was parsed now or its entry reused. */
export function missingImageProblem(file: string, use: WrittenReference): Problem {
  return {
    severity: 'error',
    file,
    line: use.line,
    message: `${describeReference(use, true)}: the file does not exist next to the article`,
    hint: 'check the file name, or copy the image beside the Markdown file',
  };
}
