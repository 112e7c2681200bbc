import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKED_ASTRO_VERSION, untouchedImage, withoutTouchingImages } from '../../src/build/astro-internals.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe("what Dateline relies on in Astro's internals", () => {
  it('should have been checked against the installed Astro: an upgrade looks at src/build/astro-internals.ts again', () => {
    const installed = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'astro', 'package.json'), 'utf8')) as { version: string })
      .version;
    expect(installed).toBe(CHECKED_ASTRO_VERSION);
  });

  it("should read an imported picture's fields from its clone, which marks nothing as used", () => {
    const reads: string[] = [];
    const clone = { src: '/_astro/photo.hash.jpg', format: 'jpg', width: 800 };
    const proxy = new Proxy(
      { fsPath: '/content/photo.jpg', clone, src: '/photo.jpg', format: 'jpg', width: 800 },
      {
        get(target, key) {
          // As Astro's proxy (assets/utils/proxy.js): reading a field it has marks the original as used.
          if (key !== 'clone' && key !== 'fsPath' && key in target) reads.push(String(key));
          return target[key as keyof typeof target];
        },
      },
    );
    expect(untouchedImage(proxy).format).toBe('jpg');
    expect(JSON.stringify({ image: proxy }, withoutTouchingImages)).toBe(JSON.stringify({ image: clone }));
    expect(reads, 'no field of the original read').toEqual([]);
  });
});
