import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { marker } from '../../src/lib/article/local-references.ts';
import { resolveBodyReferences, type ImageAttributes, type RequestedSize } from '../../src/lib/body-references.ts';

const optimised: ImageAttributes = {
  src: '/_astro/photo.abc.webp',
  srcset: '/_astro/photo.abc_480.webp 480w, /_astro/photo.abc.webp 800w',
  sizes: '(min-width: 40rem) 38rem, 100vw',
  width: 800,
  height: 450,
  loading: 'lazy',
  decoding: 'async',
};

const resolvers = {
  link: (index: number) => [`/politics/budget/#vote`, undefined][index],
  image: (index: number) => Promise.resolve(index === 0 ? optimised : undefined),
};

describe('resolveBodyReferences', () => {
  it("should give an article link its target's URL, fragment included", async () => {
    const html = `<p>See <a href="${marker('link', 0)}" title="The vote">the vote</a>.</p>`;
    expect(await resolveBodyReferences(html, resolvers)).toBe('<p>See <a href="/politics/budget/#vote" title="The vote">the vote</a>.</p>');
  });

  it('should turn a link to an article that is not on the site into its text', async () => {
    const html = `<p>See <a href="${marker('link', 1)}">the <em>draft</em></a> soon.</p>`;
    expect(await resolveBodyReferences(html, resolvers)).toBe('<p>See the <em>draft</em> soon.</p>');
  });

  it('should give a body image the optimised attributes, keeping alt and title, with no duplicate width or height', async () => {
    const html = `<p><img src="${marker('image', 0)}" alt="A crowd" title="Friday" width="320" height="999" lang="fr"></p>`;
    expect(await resolveBodyReferences(html, resolvers)).toBe(
      '<p><img src="/_astro/photo.abc.webp" srcset="/_astro/photo.abc_480.webp 480w, /_astro/photo.abc.webp 800w" sizes="(min-width: 40rem) 38rem, 100vw" alt="A crowd" title="Friday" lang="fr" width="800" height="450" loading="lazy" decoding="async"></p>',
    );
  });

  it('should offer the other formats of a body image first, in a <picture> around it', async () => {
    const avif = { type: 'image/avif', srcset: '/_astro/photo.abc_480.avif 480w, /_astro/photo.abc.avif 800w' };
    const html = `<p><img src="${marker('image', 0)}" alt="A crowd"></p>`;
    expect(await resolveBodyReferences(html, { ...resolvers, image: () => Promise.resolve({ ...optimised, sources: [avif] }) })).toBe(
      '<p><picture><source srcset="/_astro/photo.abc_480.avif 480w, /_astro/photo.abc.avif 800w" type="image/avif" sizes="(min-width: 40rem) 38rem, 100vw"><img src="/_astro/photo.abc.webp" srcset="/_astro/photo.abc_480.webp 480w, /_astro/photo.abc.webp 800w" sizes="(min-width: 40rem) 38rem, 100vw" alt="A crowd" width="800" height="450" loading="lazy" decoding="async"></picture></p>',
    );
  });

  it('should pass the size written in HTML to the image resolver', async () => {
    const asked: RequestedSize[] = [];
    const html = `<img src="${marker('image', 0)}" alt="" width="320"><img src="${marker('image', 0)}" alt="" height="90"><img src="${marker('image', 0)}" alt="" width="50%">`;
    await resolveBodyReferences(html, { ...resolvers, image: (_i, requested) => (asked.push(requested), Promise.resolve(optimised)) });
    expect(asked).toEqual([
      { width: 320, height: undefined },
      { width: undefined, height: 90 },
      { width: undefined, height: undefined },
    ]);
  });

  it('should leave out an image it cannot resolve, even inside a link that becomes text', async () => {
    const html = `<p><a href="${marker('link', 1)}">Before <img src="${marker('image', 3)}" alt="x"> after</a></p>`;
    expect(await resolveBodyReferences(html, resolvers)).toBe('<p>Before  after</p>');
  });

  it('should only act on markers in the attributes they belong to', async () => {
    const html = `<p>Text that says href="${marker('link', 0)}" and <code>${marker('image', 0)}</code>; <a href="${marker('image', 0)}">a</a> <img src="${marker('link', 0)}" alt="b"></p>`;
    expect(await resolveBodyReferences(html, resolvers)).toBe(
      `<p>Text that says href="${marker('link', 0)}" and <code>${marker('image', 0)}</code>; <a>a</a> <img alt="b"></p>`,
    );
  });

  it('should escape what it writes', async () => {
    const html = `<a href="${marker('link', 0)}">x</a>`;
    expect(await resolveBodyReferences(html, { ...resolvers, link: () => '/a/"><script>alert(1)</script>' })).toBe(
      '<a href="/a/&#x22;><script>alert(1)</script>">x</a>',
    );
  });

  it('should serve site-root paths under the base path, and leave other URLs and text as written', async () => {
    const underNews = { ...resolvers, sitePath: (path: string) => (path.startsWith('/news/') ? path : `/news${path}`) };
    const html =
      '<p>See <a href="/world/story/">the story</a>, <a href="/news/world/other/">another</a>, <a href="//cdn.example/x">a host</a>, <a href="#part">a part</a> and <a href="https://example.org/">a site</a>.</p><p><img src="/images/map.png" alt="A map"></p><blockquote cite="/world/quote/"><p>Text with href="/x" in it.</p></blockquote>';
    expect(await resolveBodyReferences(html, underNews)).toBe(
      '<p>See <a href="/news/world/story/">the story</a>, <a href="/news/world/other/">another</a>, <a href="//cdn.example/x">a host</a>, <a href="#part">a part</a> and <a href="https://example.org/">a site</a>.</p><p><img src="/news/images/map.png" alt="A map"></p><blockquote cite="/news/world/quote/"><p>Text with href="/x" in it.</p></blockquote>',
    );
    // At the domain root nothing is read again.
    expect(await resolveBodyReferences(html, resolvers)).toBe(html);
  });

  it('should return HTML without markers untouched', async () => {
    const html = '<p>Plain <a href="https://example.org/">text</a></p>';
    expect(await resolveBodyReferences(html, resolvers)).toBe(html);
  });

  // Re-parsing the sanitised HTML must not change it: every sanitising fixture's output goes through the
  // parser and serialiser unchanged, apart from the one marked link each is given here.
  const fixtures = join(import.meta.dirname, '..', 'fixtures', 'sanitize');
  for (const name of readdirSync(fixtures, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)) {
    it(`should leave the rest of the HTML byte for byte (${name})`, async () => {
      const output = readFileSync(join(fixtures, name, 'output.html'), 'utf8');
      const html = `${output}\n<p><a href="${marker('link', 0)}">x</a></p>`;
      const keepMarkers = { link: (i: number) => marker('link', i), image: () => Promise.resolve(undefined) };
      const expected = output.includes('#dateline:image:') ? output.replace(/<img src="#dateline:image:\d+"[^>]*>/g, '') : output;
      expect(await resolveBodyReferences(html, keepMarkers)).toBe(`${expected}\n<p><a href="${marker('link', 0)}">x</a></p>`);
    });
  }
});
