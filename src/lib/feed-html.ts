import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** The attributes of published article HTML that hold a URL (see `article/sanitize-policy.ts`). */
const URL_ATTRIBUTES = ['href', 'src', 'cite'] as const;

/** A URL with a scheme (`https:`, `mailto:`) leads to the same place from anywhere; any other is relative. */
const HAS_SCHEME = /^\s*[a-z][a-z0-9+.-]*:/i;

/** A URL attribute whose value has no scheme, as the pipeline writes attributes (always double-quoted). */
const RELATIVE_ATTRIBUTE = new RegExp(`\\s(?:${URL_ATTRIBUTES.join('|')})="(?!\\s*[a-z][a-z0-9+.-]*:)`, 'i');

/** HTML fragments in, HTML fragments out, with the serialiser the pipeline uses, so untouched markup stays byte for byte. */
const html = unified().use(rehypeRaw).use(rehypeStringify).freeze();

/**
 * An article's HTML as feeds carry it: every relative URL (an in-page anchor such as a live update's or a
 * footnote's, a site path, a picture in `public/`) resolved against the article's page, so it leads where it
 * leads on the page. Left relative, a feed reader resolves it against the feed's address, or not at all.
 * HTML without a relative URL is returned as is.
 */
export function withAbsoluteUrls(body: string, pageUrl: string): string {
  if (!RELATIVE_ATTRIBUTE.test(body)) return body;
  const tree = html.runSync({ type: 'root', children: [{ type: 'raw', value: body }] }) as Root;
  visit(tree, 'element', (node) => {
    for (const name of URL_ATTRIBUTES) {
      const value = node.properties[name];
      if (typeof value === 'string' && !HAS_SCHEME.test(value)) node.properties[name] = absolute(value, pageUrl);
    }
  });
  return html.stringify(tree);
}

/** `url` as a browser on `pageUrl` reads it; a URL no browser could read is left as written. */
function absolute(url: string, pageUrl: string): string {
  return URL.canParse(url, pageUrl) ? new URL(url, pageUrl).href : url;
}
