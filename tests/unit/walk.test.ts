import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { SKIP, visitElements, visitParents } from '../../src/lib/article/walk.ts';

const el = (tagName: string, ...children: Element[]): Element => ({ type: 'element', tagName, properties: {}, children });
const tree = (): Root => ({
  type: 'root',
  children: [el('p', el('em'), el('b')), { type: 'text', value: 'x' }, el('div', el('span', el('i')))],
});

describe('visitElements', () => {
  it('visits every element, parents before children, in document order', () => {
    const seen: string[] = [];
    visitElements(tree(), (node) => void seen.push(node.tagName));
    expect(seen).toEqual(['p', 'em', 'b', 'div', 'span', 'i']);
  });

  it('does not walk into an element when told to skip it', () => {
    const seen: string[] = [];
    visitElements(tree(), (node) => {
      seen.push(node.tagName);
      return node.tagName === 'div' ? SKIP : undefined;
    });
    expect(seen).toEqual(['p', 'em', 'b', 'div']);
  });

  it('continues at the index it is given after removing an element, so the next one is not missed', () => {
    const root: Root = { type: 'root', children: [el('input'), el('input'), el('p')] };
    const seen: string[] = [];
    visitElements(root, (node, index, parent) => {
      seen.push(node.tagName);
      if (node.tagName !== 'input') return undefined;
      parent.children.splice(index, 1);
      return index;
    });
    expect(seen).toEqual(['input', 'input', 'p']);
    expect(root.children.map((node) => (node as Element).tagName)).toEqual(['p']);
  });
});

describe('visitParents', () => {
  it('visits the root and then every element', () => {
    const seen: string[] = [];
    visitParents(tree(), (parent) => void seen.push(parent.type === 'root' ? 'root' : parent.tagName));
    expect(seen).toEqual(['root', 'p', 'em', 'b', 'div', 'span', 'i']);
  });
});
