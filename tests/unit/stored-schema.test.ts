import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/lib/article/parse.ts';
import { createStoredArticleSchema } from '../../src/lib/article/stored.ts';

const text = `---
title: "Floods close the ring road"
date: 2024-10-25T19:13:00
tags: [Weather]
image: ./flood.jpg
imageAlt: Water over the road
---

The road was shut at dawn. ![The bridge](./bridge.jpg)
`;

function storedInput() {
  const { article, problems } = parseArticle(
    { file: 'content/world/floods.md', relPath: 'world/floods.md', bytes: new TextEncoder().encode(text), fileExists: () => true },
    { timeZone: 'Europe/Paris', sections: ['World'] },
  );
  if (!article) throw new Error(JSON.stringify(problems));
  // The body's HTML is kept in a file of its own, not in the store (src/build/body-files.ts).
  const stored: Partial<typeof article> = { ...article };
  delete stored.html;
  return stored;
}

/** Stands in for Astro's `image()`, which resolves a path against the entry's own file. */
const imageFor = (entry: string) => z.string().transform((src) => `${entry}:${src}`);

describe('createStoredArticleSchema', () => {
  it('keeps every field the loader stores and passes the images through the entry’s image schema', async () => {
    const input = storedInput();
    const parsed = await createStoredArticleSchema(imageFor('world/floods.md')).parseAsync(input);
    expect(parsed).toEqual({
      ...input,
      image: { ...input.image, src: 'world/floods.md:./flood.jpg' },
      bodyImages: ['world/floods.md:./bridge.jpg'],
    });
  });

  it('makes only the image fields per entry: every other field’s schema is made once (Astro asks for a schema per entry)', () => {
    const first = createStoredArticleSchema(imageFor('a.md')).shape;
    const second = createStoredArticleSchema(imageFor('b.md')).shape;
    for (const field of Object.keys(first) as (keyof typeof first)[]) {
      if (field === 'image' || field === 'bodyImages') expect(second[field], field).not.toBe(first[field]);
      else expect(second[field], field).toBe(first[field]);
    }
  });
});
