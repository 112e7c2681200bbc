import type { Element, ElementContent, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { readMarker } from './article/local-references.ts';

/**
 * The render-time half of local references (see `article/local-references.ts`): the stored, sanitised
 * article HTML has markers where links to other articles and pictures beside the article go; this swaps
 * them for what only the build knows when pages are rendered (the target's current URL, the optimised
 * image's files, the base path a site-root path is served under). It only renames and removes: a link gets
 * a URL or becomes its text, an image gets the attributes below or is dropped; nothing else in the HTML changes.
 */

/** What a body image becomes: `astro:assets` output, written as these attributes and no others. */
export interface ImageAttributes {
  src: string;
  srcset?: string | undefined;
  sizes?: string | undefined;
  width: number;
  height: number;
  loading?: 'lazy' | 'eager' | undefined;
  decoding?: 'async' | 'sync' | 'auto' | undefined;
  /** Other formats of the picture, offered first: the image is then wrapped in a `<picture>` with a `<source>` each. */
  sources?: { type: string; srcset: string }[] | undefined;
}

/** The size the writer asked for in raw HTML (`<img src="./chart.png" width="320">`), in CSS pixels. */
export interface RequestedSize {
  width?: number | undefined;
  height?: number | undefined;
}

export interface ReferenceResolvers {
  /** The URL for the `index`th article link, or undefined when its target is not on the site: the link becomes its text. */
  link: (index: number) => string | undefined;
  /** The attributes of the `index`th body image at the size asked for, or undefined: the image is left out. */
  image: (index: number, requested: RequestedSize) => Promise<ImageAttributes | undefined>;
  /** A site-root path as written (`/images/map.jpg`, `/world/story/`) as the site serves it, under its base path; absent: as written. */
  sitePath?: ((path: string) => string) | undefined;
}

/** URL attributes the sanitiser keeps (see `article/sanitize-policy.ts`). */
const URL_ATTRIBUTES = ['href', 'src', 'cite'] as const;

/** A site-root path (`/x`, not `//host/x`) in an attribute, as the pipeline writes attributes (double-quoted). */
const SITE_ROOT_ATTRIBUTE = /\s(?:href|src|cite)="\/(?!\/)/;
const isSiteRoot = (value: unknown): value is string => typeof value === 'string' && value.startsWith('/') && !value.startsWith('//');

/** HTML fragments in, HTML fragments out, with the serialiser the pipeline uses, so untouched markup stays byte for byte. */
const html = unified().use(rehypeRaw).use(rehypeStringify).freeze();

/** Attributes of a marked image that the optimised ones replace; alt, title, lang and dir stay. */
const REPLACED = new Set(['src', 'srcSet', 'sizes', 'width', 'height', 'loading', 'decoding']);

function positive(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}

/** Replaces every marker in `body` with what the resolvers give. HTML without markers is returned as is. */
export async function resolveBodyReferences(body: string, resolvers: ReferenceResolvers): Promise<string> {
  const { sitePath } = resolvers;
  const rooted = sitePath !== undefined && SITE_ROOT_ATTRIBUTE.test(body);
  if (!body.includes('#dateline:') && !rooted) return body;
  const tree = html.runSync({ type: 'root', children: [{ type: 'raw', value: body }] }) as Root;

  const links: { node: Element; parent: Root | Element; url: string | undefined }[] = [];
  const images: { node: Element; parent: Root | Element; attributes: Promise<ImageAttributes | undefined> }[] = [];
  visit(tree, 'element', (node: Element, _index, parent) => {
    if (!parent) return;
    if (rooted)
      for (const name of URL_ATTRIBUTES) {
        const value = node.properties[name];
        if (isSiteRoot(value)) node.properties[name] = sitePath(value);
      }
    const { href, src } = node.properties;
    const link = readMarker(href);
    const image = readMarker(src);
    if (link) {
      if (node.tagName === 'a' && link.kind === 'link') links.push({ node, parent, url: resolvers.link(link.index) });
      else delete node.properties.href;
    }
    if (image) {
      if (node.tagName === 'img' && image.kind === 'image') {
        const requested = { width: positive(node.properties.width), height: positive(node.properties.height) };
        images.push({ node, parent, attributes: resolvers.image(image.index, requested) });
      } else delete node.properties.src;
    }
  });

  // Images first: one inside a link that becomes text must leave from the link's children before they move.
  for (const { node, parent, attributes: pending } of images) {
    const attributes = await pending;
    if (!attributes) {
      parent.children.splice(parent.children.indexOf(node), 1);
      continue;
    }
    const kept = Object.fromEntries(Object.entries(node.properties).filter(([name]) => !REPLACED.has(name)));
    node.properties = {
      src: attributes.src,
      ...(attributes.srcset && { srcSet: attributes.srcset }),
      ...(attributes.sizes && { sizes: attributes.sizes }),
      ...kept,
      width: attributes.width,
      height: attributes.height,
      ...(attributes.loading && { loading: attributes.loading }),
      ...(attributes.decoding && { decoding: attributes.decoding }),
    };
    if (attributes.sources?.length) {
      const sources: Element[] = attributes.sources.map(({ type, srcset }) => ({
        type: 'element',
        tagName: 'source',
        properties: { srcSet: srcset, type, ...(attributes.sizes && { sizes: attributes.sizes }) },
        children: [],
      }));
      parent.children.splice(parent.children.indexOf(node), 1, {
        type: 'element',
        tagName: 'picture',
        properties: {},
        children: [...sources, node],
      });
    }
  }
  for (const { node, parent, url } of links) {
    if (url !== undefined) node.properties.href = url;
    else parent.children.splice(parent.children.indexOf(node), 1, ...(node.children as ElementContent[]));
  }
  return html.stringify(tree);
}
