import { describe, expect, it } from 'vitest';
import { articlePath, joinBase, sectionPath, tagPath } from '../../src/lib/urls.ts';

describe('urls', () => {
  it('should build readable paths: section then slug', () => {
    expect(articlePath('world', 'north-korea-troops-russia')).toBe('/world/north-korea-troops-russia/');
    expect(sectionPath('world')).toBe('/world/');
    expect(tagPath('kim-jong-un')).toBe('/tags/kim-jong-un/');
  });

  it.each([
    ['/', '/world/a/', '/world/a/'],
    ['/news/', '/world/a/', '/news/world/a/'],
    ['/news', '/world/a/', '/news/world/a/'],
    ['/news/', '', '/news/'],
  ])('should put base %j before %j', (base, path, expected) => {
    expect(joinBase(base, path)).toBe(expected);
  });
});
