import type { Element, Root } from 'hast';

/**
 * A walk over the elements of an HTML tree for the pipeline's own steps, in place of `unist-util-visit`,
 * which renames a function at every node it passes (for stack traces), a cost this loop does not pay
 * (docs/performance.md). Same order and same answers for the
 * uses here: parents before children, in document order.
 */

/** Returned by a visitor: do not walk into this element's children. */
export const SKIP = 'skip';

/**
 * What a visitor may return: nothing (walk on, into the element's children), `SKIP`, or the index of the
 * sibling to visit next, when it removed or replaced the element it was given (its children are not walked).
 */
export type Step = typeof SKIP | number | undefined;

export type ElementVisitor = (node: Element, index: number, parent: Root | Element) => Step;

/** Calls `visitor` on every element below `tree` (not `tree` itself). */
export function visitElements(tree: Root | Element, visitor: ElementVisitor): void {
  const { children } = tree;
  for (let index = 0; index < children.length;) {
    const node = children[index]!;
    if (node.type !== 'element') {
      index++;
      continue;
    }
    const step = visitor(node, index, tree);
    if (typeof step === 'number') {
      index = step;
      continue;
    }
    if (step !== SKIP) visitElements(node, visitor);
    index++;
  }
}

/** Calls `visitor` on `tree` and every element below it: every node that can have children. */
export function visitParents(tree: Root, visitor: (parent: Root | Element) => void): void {
  visitor(tree);
  visitElements(tree, (node) => {
    visitor(node);
    return undefined;
  });
}
