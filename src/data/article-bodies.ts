import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { pictureFormats } from '../lib/picture-format.ts';
import type { CollectionEntry } from 'astro:content';
import { resolveBodyReferences, type ImageAttributes, type RequestedSize } from '../lib/body-references.ts';
import { withAbsoluteUrls } from '../lib/feed-html.ts';
import { publicationStatus } from '../lib/publishing.ts';
import { articlePath } from '../lib/urls.ts';
import { href, siteUrl } from './site-url.ts';
import { untouchedImage } from '../build/astro-internals.ts';
import { bodiesDir, readBody } from '../build/body-files.ts';
import { displayTime } from '../lib/dates.ts';
import { showLiveTimes } from '../lib/article/live-updates.ts';
import { site } from '../site.config.ts';

/** A live story's update times, written as the site writes times (the stored body leaves them empty). */
const withLiveTimes = (html: string) => showLiveTimes(html, (iso) => displayTime({ iso, hasTime: true }, site).text);

type StoredEntry = CollectionEntry<'articles'>;

/** An article body as pages show it (site paths) and as feeds carry it (absolute URLs). */
export interface ArticleBody {
  html: string;
  feedHtml: string;
}

/** Widths made of a picture in the body; the largest is also the plain `src` for browsers without `srcset`. */
const WIDTHS = [480, 800, 1200];
/** How wide a body picture is shown: the article column (`--measure`, 38rem) on wide screens, else the screen. */
const SIZES = '(min-width: 40rem) 38rem, 100vw';

/**
 * Feed bodies kept resolved: the newest articles are in most feeds (the site's two, their section's, each
 * of their tags'), so their bodies are resolved once rather than once per feed; the rest come and go.
 */
const withSlash = (base: string) => (base.endsWith('/') ? base : `${base}/`);

const FEED_BODIES_KEPT = 500;

/** A stored article's body, resolved when a page or feed renders it (see `bodyResolver`). */
export interface BodyResolver {
  /**
   * Everything besides the stored entry that its resolved body depends on (where its links lead now), for
   * page keys: with the entry's digest, the same key means the same body.
   */
  key(entry: StoredEntry): string;
  /** The body as the article page shows it. */
  html(entry: StoredEntry): Promise<string>;
  /** The body as feeds carry it (absolute URLs). */
  feedHtml(entry: StoredEntry): Promise<string>;
}

/**
 * Resolves the local references of stored article bodies when pages are built (see `lib/body-references.ts`):
 * a link to another article's file gets that article's URL as it is now, so it follows a target renamed
 * or moved to another section even when the linking file, and its stored entry, did not change; a picture
 * beside the article is optimised by `astro:assets`. A link to an article that is not published (a draft,
 * scheduled, or left out for its errors in `astro dev`) is shown as its text; in a preview (`astro dev`),
 * where drafts and scheduled articles have pages, it links to them.
 *
 * Bodies are read from their files and resolved only when a page or feed renders them, and not kept: the
 * build holds no article's body beyond the pages that show it, whatever the size of the archive.
 */
export function bodyResolver(entries: readonly StoredEntry[], now: Date, preview: boolean): BodyResolver {
  const byPath = new Map(entries.map((entry) => [entry.id, entry]));
  const origin = siteUrl('/');
  const shown = (entry: StoredEntry) => preview || publicationStatus(entry.data, now) === 'published';
  const bodies = bodiesDir();

  const links = (entry: StoredEntry) =>
    (entry.data.articleLinks ?? []).map((link) => {
      const target = byPath.get(link.target);
      return target && shown(target)
        ? { path: articlePath(target.data.sectionSlug, target.data.slug), fragment: link.fragment }
        : undefined;
    });
  const images = (entry: StoredEntry) => {
    const made = new Map<string, Promise<ImageAttributes | undefined>>();
    return (index: number, requested: RequestedSize) => {
      const key = `${index} ${requested.width ?? ''} ${requested.height ?? ''}`;
      if (!made.has(key)) made.set(key, optimise(entry.data.bodyImages?.[index], requested));
      return made.get(key)!;
    };
  };
  const absolute = (url: string) => new URL(url, origin).href;
  // Under a base path (`/news/`), a site-root path a writer wrote (`/images/map.jpg`) is served below it.
  const base = import.meta.env.BASE_URL;
  const sitePath =
    base === '/' || base === '' ? undefined : (written: string) => (written.startsWith(withSlash(base)) ? written : href(written));

  const html = async (entry: StoredEntry) => {
    // Unpublished articles get no page in a build: their bodies are not read, no image is made for them.
    if (!shown(entry)) return '';
    const paths = links(entry);
    return resolveBodyReferences(withLiveTimes(bodyOf(bodies, entry, preview)), {
      link: (i) => paths[i] && `${href(paths[i].path)}${paths[i].fragment}`,
      image: images(entry),
      sitePath,
    });
  };
  const feedHtml = async (entry: StoredEntry) => {
    if (!shown(entry)) return '';
    const paths = links(entry);
    const image = images(entry);
    const body = await resolveBodyReferences(withLiveTimes(bodyOf(bodies, entry, preview)), {
      link: (i) => paths[i] && `${siteUrl(paths[i].path)}${paths[i].fragment}`,
      image: async (i, requested) => {
        const attributes = await image(i, requested);
        if (!attributes) return undefined;
        const srcset = attributes.srcset?.split(', ').map((candidate) => {
          const [url, descriptor] = candidate.split(' ');
          return `${absolute(url!)} ${descriptor}`;
        });
        // Feed readers get the one image every reader shows: no other formats.
        const { src, sizes, width, height } = attributes;
        return { src: absolute(src), srcset: srcset?.join(', '), sizes, width, height };
      },
      sitePath,
    });
    return withAbsoluteUrls(body, siteUrl(articlePath(entry.data.sectionSlug, entry.data.slug)));
  };
  const feedBodies = new Map<string, Promise<string>>();
  return {
    key: (entry) => JSON.stringify([shown(entry), links(entry)]),
    html,
    feedHtml: (entry) => {
      const cacheKey = `${entry.id}\n${String(entry.digest)}`;
      let body = feedBodies.get(cacheKey);
      if (body) feedBodies.delete(cacheKey);
      else body = feedHtml(entry);
      // Most recently used last; the oldest is dropped once the map is full.
      feedBodies.set(cacheKey, body);
      if (feedBodies.size > FEED_BODIES_KEPT) feedBodies.delete(feedBodies.keys().next().value!);
      return body;
    },
  };
}

/**
 * The entry's body file (see body-files.ts). In `astro dev` a file saved while a page renders can replace
 * the entry, and its old body file, under that page: it renders without a body and reloads a moment later.
 * In a build a missing body is a broken cache, said so.
 */
function bodyOf(dir: string, entry: StoredEntry, preview: boolean): string {
  try {
    return readBody(dir, String(entry.digest));
  } catch (error) {
    if (preview) return '';
    throw new Error(`The body of ${entry.filePath ?? entry.id} is missing from ${dir} (${(error as Error).message}): build again.`, {
      cause: error,
    });
  }
}

/**
 * A body picture as `astro:assets` makes it: WebP (AVIF offered first), a `srcset` of widths up to the original's, lazy
 * (body pictures are below the fold). A width (or height) written in raw HTML is kept as the largest width
 * shown, with a 2x file for sharp screens; the height always follows the picture's proportions.
 */
async function optimise(src: ImageMetadata | undefined, requested: RequestedSize): Promise<ImageAttributes | undefined> {
  if (!src) return undefined;
  const original = untouchedImage(src);
  const asked =
    requested.width ?? (requested.height === undefined ? undefined : Math.round((requested.height * original.width) / original.height));
  const width = Math.min(asked ?? WIDTHS.at(-1)!, original.width);
  const widths = asked === undefined ? WIDTHS : [width, width * 2];
  const sizes = asked === undefined ? SIZES : `(min-width: ${width}px) ${width}px, 100vw`;
  const { formats, fallbackFormat } = pictureFormats(original);
  const options = { src, width, widths, sizes, loading: 'lazy', decoding: 'async' } as const;
  const [image, others] = await Promise.all([
    getImage({ ...options, format: fallbackFormat }),
    Promise.all(formats.map((format) => getImage({ ...options, format }))),
  ]);
  return {
    sources: others.map((other, i) => ({ type: `image/${formats[i]!}`, srcset: other.srcSet.attribute })),
    src: image.src,
    srcset: image.srcSet.attribute,
    sizes,
    width: Number(image.attributes.width),
    height: Number(image.attributes.height),
    loading: 'lazy',
    decoding: 'async',
  };
}
