import type { Element, ElementContent, Root, RootContent } from 'hast';
import { visit } from 'unist-util-visit';

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
    visit(tree, (node) => {
      if (!('children' in node)) return;
      const parent = node as Parent;
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
    visit(tree, 'element', (node: Element) => {
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
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'input' || index === undefined || !parent) return;
      if (node.properties?.type === 'checkbox') return;
      parent.children.splice(index, 1);
      return index;
    });
  };
}

/**
 * Readers' browsers make no requests to other hosts, so an image hot-linked from another site is not
 * shown: it becomes a link to the image, labelled with its alt text.
 */
export function remoteImagesToLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'img' || index === undefined || !parent) return;
      const src = String(node.properties?.src ?? '');
      if (!/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(src)) return;
      const label = String(node.properties?.alt ?? '').trim() || src;
      const link: Element = { type: 'element', tagName: 'a', properties: { href: src }, children: [{ type: 'text', value: label }] };
      parent.children.splice(index, 1, link);
    });
  };
}

/** The sanitiser filters class names but leaves an empty `class=""` behind; this removes it. */
export function dropEmptyClassNames() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
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
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'td' && node.tagName !== 'th') return;
      const align = node.properties?.align;
      if (align === undefined) return;
      delete node.properties.align;
      if (align === 'left' || align === 'center' || align === 'right') node.properties.className = [`align-${align}`];
    });
  };
}
