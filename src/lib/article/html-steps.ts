import type { Element, ElementContent, Root, RootContent } from 'hast';
import { visitElements, visitParents } from './walk.ts';
import type { VFile } from 'vfile';

declare module 'vfile' {
  interface DataMap {
    /** How many body images had no `alt` (set by `requireAlt`). */
    imagesWithoutAlt: number;
  }
}

/**
 * Small rehype steps around the sanitiser. Those that run before it may reshape markup (the sanitiser
 * still has the last word on what is allowed); the one after it only removes.
 */

type Parent = Root | Element;

/**
 * Runs before raw HTML is parsed. `<noscript>` written inline in a paragraph reaches rehype-raw as
 * separate fragments, and the HTML parser then closes it early, so its fallback text would leak onto the
 * page. Dropping everything from `<noscript>` to `</noscript>` in the raw fragments avoids that.
 */
export function dropInlineNoscript() {
  return (tree: Root) => {
    visitParents(tree, (parent: Parent) => {
      const kept: (RootContent | ElementContent)[] = [];
      let skipping = false;
      for (const child of parent.children) {
        const raw = child.type === 'raw' ? child.value : undefined;
        if (!skipping && raw !== undefined && /^\s*<noscript\b/i.test(raw)) skipping = !/<\/noscript\s*>\s*$/i.test(raw);
        else if (skipping && raw !== undefined && /<\/noscript\s*>/i.test(raw)) skipping = false;
        else if (!skipping) kept.push(child);
      }
      parent.children = kept as typeof parent.children;
    });
  };
}

/** A body `# Heading` would be a second `h1` on a page whose `h1` is the headline; it becomes an `h2`. */
export function demoteBodyH1() {
  return (tree: Root) => {
    visitElements(tree, (node) => {
      if (node.tagName === 'h1') node.tagName = 'h2';
    });
  };
}

/**
 * Form controls have no place in a story: the only `<input>` kept is a GFM task-list checkbox, which the
 * sanitiser then forces to `disabled`. Any other input is removed rather than turned into a checkbox.
 */
export function dropNonTaskInputs() {
  return (tree: Root) => {
    visitElements(tree, (node, index, parent) => {
      if (node.tagName !== 'input') return;
      if (node.properties?.type === 'checkbox') return;
      parent.children.splice(index, 1);
      return index;
    });
  };
}

/** Where this page lives, for resolving URLs the way a browser would. A reserved name: never a real host. */
const PAGE = 'https://page.invalid/section/article/';

/**
 * Whether a browser would fetch `src` from another host. Resolved with the WHATWG URL parser, the one
 * browsers use, so `//host`, `\\host`, `/\host`, `https:\\host`, ` //host` and `http:host` all count.
 */
export function isRemote(src: string): boolean {
  try {
    return new URL(src, PAGE).origin !== new URL(PAGE).origin;
  } catch {
    return true;
  }
}

/**
 * Readers' browsers make no requests to other hosts, so an image hot-linked from another site is not
 * shown: it becomes a link to the image, labelled with its alt text.
 */
export function remoteImagesToLinks() {
  return (tree: Root) => {
    visitElements(tree, (node, index, parent) => {
      if (node.tagName !== 'img') return;
      const src = String(node.properties?.src ?? '');
      if (!isRemote(src)) return;
      const label = String(node.properties?.alt ?? '').trim() || src;
      const link: Element = { type: 'element', tagName: 'a', properties: { href: src }, children: [{ type: 'text', value: label }] };
      parent.children.splice(index, 1, link);
    });
  };
}

/**
 * `HTTPS://…` and `MAILTO:…` are valid URLs, but the sanitiser compares schemes case-sensitively and would
 * drop them; schemes are lower-cased first (a `JavaScript:` URL stays refused: it is not on the list).
 */
export function lowerCaseSchemes() {
  return (tree: Root) => {
    visitElements(tree, (node) => {
      for (const property of ['href', 'src', 'cite'] as const) {
        const value = node.properties?.[property];
        if (typeof value !== 'string') continue;
        const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(value);
        if (scheme && /^(?:https?|mailto)$/i.test(scheme[1]!))
          node.properties[property] = value.trim().replace(scheme[1]!, scheme[1]!.toLowerCase());
      }
    });
  };
}

/**
 * An image needs a text alternative. One written without `alt` gets an empty one (so it is valid HTML and
 * screen readers skip it rather than read its file name), and the count goes to `file.data` so the parser
 * can ask an editor to write one.
 */
export function requireAlt() {
  return (tree: Root, file: VFile) => {
    let missing = 0;
    visitElements(tree, (node) => {
      if (node.tagName !== 'img' || typeof node.properties?.alt === 'string') return;
      node.properties.alt = '';
      missing++;
    });
    file.data.imagesWithoutAlt = missing;
  };
}

/**
 * Ids must be unique on the page: the layout's own (`main`, the Related headings) and the footnotes' win,
 * and any other repeated id gets a numbered suffix, as heading slugs do. Runs after the sanitiser; only renames.
 */
export function uniqueIds(reserved: readonly string[]) {
  return (tree: Root) => {
    const seen = new Set(reserved);
    const footnoteOwned = new Set<Element>();
    visitElements(tree, (node) => {
      if (node.tagName !== 'section' || node.properties?.dataFootnotes === undefined) return;
      const own = (inner: Element): undefined => {
        if (typeof inner.properties?.id !== 'string') return;
        seen.add(inner.properties.id);
        footnoteOwned.add(inner);
      };
      own(node);
      visitElements(node, own);
    });
    visitElements(tree, (node) => {
      const id = node.properties?.id;
      if (typeof id !== 'string' || footnoteOwned.has(node)) return;
      let unique = id;
      for (let n = 1; seen.has(unique); n++) unique = `${id}-${n}`;
      seen.add(unique);
      node.properties.id = unique;
    });
  };
}

/** The sanitiser filters class names but leaves an empty `class=""` behind; this removes it. */
export function dropEmptyClassNames() {
  return (tree: Root) => {
    visitElements(tree, (node) => {
      const className = node.properties?.className;
      if (Array.isArray(className) && className.length === 0) delete node.properties.className;
    });
  };
}

/**
 * GFM writes table column alignment as `align="right"`, which HTML no longer allows; it becomes a class
 * (`align-right`) that the stylesheet aligns.
 */
export function alignToClass() {
  return (tree: Root) => {
    visitElements(tree, (node) => {
      if (node.tagName !== 'td' && node.tagName !== 'th') return;
      const align = node.properties?.align;
      if (align === undefined) return;
      delete node.properties.align;
      if (align === 'left' || align === 'center' || align === 'right') node.properties.className = [`align-${align}`];
    });
  };
}
