import type { Root } from 'hast';
import { SKIP, visitElements } from './walk.ts';
import type { VFile } from 'vfile';

declare module 'vfile' {
  interface DataMap {
    /** Hosts whose iframes are kept (the site configuration's `embedHosts`). */
    embedHosts: readonly string[];
    /** Iframes removed by `keepListedEmbeds`, for the parser's warnings. */
    removedEmbeds: RemovedEmbed[];
  }
}

/** An iframe the pipeline removed: where it pointed, and its line in the file. */
export interface RemovedEmbed {
  src: string;
  line?: number | undefined;
}

/**
 * Embeds (a video, a map) are the one thing in an article that loads from another host, so the newsroom
 * chooses the hosts (`embedHosts` in src/site.config.ts) and every frame is confined: an `https` URL on a
 * listed host exactly (no look-alike suffixes), sandboxed, lazy (nothing loads until the reader scrolls to
 * it), no referrer beyond the origin, and a title for screen readers. Anything else written as an iframe is
 * removed and reported.
 */
export function embedFrameFor(src: string, hosts: readonly string[]): URL | undefined {
  let url: URL;
  try {
    url = new URL(src.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return undefined;
  return hosts.includes(url.hostname) ? url : undefined;
}

/** What a kept frame may do: run the player's own script in its own origin, go full screen, open its site. */
export const EMBED_SANDBOX = ['allow-scripts', 'allow-same-origin', 'allow-presentation', 'allow-popups'] as const;

/** Elements the sanitiser removes with everything inside: a frame in them is gone anyway, and not reported. */
const DROPPED_WITH_CONTENT = new Set(['svg', 'math', 'noscript', 'object', 'template', 'select', 'canvas', 'audio', 'video']);

/**
 * Runs before the sanitiser: rewrites each iframe on a listed host into the one form the sanitiser keeps
 * (`src`, `title`, `loading`, `sandbox`, `allow`, `allowfullscreen`, `referrerpolicy`, `width`, `height`),
 * and removes every other iframe, noting it in `file.data.removedEmbeds`.
 */
export function keepListedEmbeds() {
  return (tree: Root, file: VFile) => {
    const hosts = file.data.embedHosts ?? [];
    const removed: RemovedEmbed[] = [];
    visitElements(tree, (node, index, parent) => {
      if (DROPPED_WITH_CONTENT.has(node.tagName)) return SKIP;
      if (node.tagName !== 'iframe') return undefined;
      const src = typeof node.properties.src === 'string' ? node.properties.src : '';
      const url = embedFrameFor(src, hosts);
      if (!url) {
        removed.push({ src, line: node.position?.start.line });
        parent.children.splice(index, 1);
        return index;
      }
      const title = typeof node.properties.title === 'string' ? node.properties.title.trim() : '';
      const size = (value: unknown) =>
        (typeof value === 'string' || typeof value === 'number') && /^\d{1,4}$/.test(String(value)) ? String(value) : undefined;
      const width = size(node.properties.width);
      const height = size(node.properties.height);
      node.properties = {
        src: url.href,
        title: title || `Embedded content from ${url.hostname}`,
        loading: 'lazy',
        sandbox: [...EMBED_SANDBOX],
        allow: 'fullscreen; picture-in-picture; encrypted-media',
        allowFullScreen: true,
        referrerPolicy: 'strict-origin-when-cross-origin',
        ...(width && { width }),
        ...(height && { height }),
      };
      node.children = [];
      return SKIP;
    });
    file.data.removedEmbeds = removed;
  };
}

/**
 * Runs after the sanitiser, as a second lock: any iframe still there must point at a listed host and be
 * sandboxed, or it goes. Only removes.
 */
export function dropUnlistedFrames() {
  return (tree: Root, file: VFile) => {
    const hosts = file.data.embedHosts ?? [];
    visitElements(tree, (node, index, parent) => {
      if (node.tagName !== 'iframe') return undefined;
      const src = typeof node.properties.src === 'string' ? node.properties.src : '';
      if (embedFrameFor(src, hosts) && node.properties.sandbox !== undefined) return undefined;
      parent.children.splice(index, 1);
      return index;
    });
  };
}
