import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from './support/temp-dir.ts';
import { articlePageFiles, articlePages, buildIndex } from '../../src/integrations/search-index.ts';
import { filesBelow } from '../../src/integrations/output-folder.ts';

describe('articlePages', () => {
  const site = useTempDir('site');

  it('should name the section folders, not the folders of list pages, assets, the index or anything not a slug', () => {
    for (const folder of ['world', 'politics', 'tags', 'authors', 'archive', '_astro', 'pagefind', 'cards', 'search', '.git', 'odd,{name}'])
      mkdirSync(path.join(site(), folder));
    writeFileSync(path.join(site(), 'rss.xml'), '');
    expect(articlePages(site())).toBe('{politics,world}/*/index.html');
  });

  it('should fall back to the article depth when there is no section (Pagefind refuses an empty {})', () => {
    mkdirSync(path.join(site(), 'tags'));
    expect(articlePages(site())).toBe('*/*/index.html');
  });

  const page = (file: string, body: string) => {
    mkdirSync(path.dirname(path.join(site(), file)), { recursive: true });
    writeFileSync(path.join(site(), file), `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`);
  };

  it('should list the files its glob names: every folder of a section, not list pages', () => {
    page('world/a-story/index.html', '<main data-pagefind-body><h1>A</h1></main>');
    page('world/2/index.html', '<main><h1>World, page 2</h1></main>');
    page('politics/b-story/index.html', '<main data-pagefind-body><h1>B</h1></main>');
    page('tags/kim-jong-un/index.html', '<main><h1>Kim Jong Un</h1></main>');
    page('world/index.html', '<main><h1>World</h1></main>');
    expect(articlePageFiles(site())).toEqual(['politics/b-story/index.html', 'world/2/index.html', 'world/a-story/index.html']);
  });

  it('should list the pages at article depth when the site has no section (nothing published yet)', () => {
    page('404.html', '<main><h1>Not found</h1></main>');
    page('tags/index.html', '<main><h1>Tags</h1></main>');
    page('about/index.html', '<main><h1>About</h1></main>');
    expect(articlePageFiles(site())).toEqual([]);
    page('tags/kim-jong-un/index.html', '<main><h1>Kim Jong Un</h1></main>');
    expect(articlePageFiles(site())).toEqual(['tags/kim-jong-un/index.html']);
  });

  it('should give Pagefind a glob it reads: the article pages only, with one section as with many', async () => {
    page('world/a-story/index.html', '<main data-pagefind-body><h1>Troops cross the border</h1><p>Officials said.</p></main>');
    page('tags/kim-jong-un/index.html', '<main><h1>Kim Jong Un</h1></main>');
    page('authors/ana-lima/index.html', '<main><h1>Ana Lima</h1></main>');
    const cache = path.join(site(), '..', `${path.basename(site())}-cache`);
    expect(await buildIndex(site(), 'search-index', cache)).toMatch(/^search index built from 1 pages \(\d+ of its \d+ files written\)$/);
    expect(existsSync(path.join(site(), 'pagefind', 'pagefind-entry.json'))).toBe(true);
    // Without the cache, built again from the same pages, the index is the same: nothing is written.
    const again = path.join(site(), '..', `${path.basename(site())}-other-cache`);
    expect(await buildIndex(site(), 'search-index', again)).toMatch(/^search index built from 1 pages \(0 of its \d+ files written\)$/);
  });

  it('should take the index from the cache when the article pages are those it was made from, and make it again when one changed', async () => {
    const cache = path.join(site(), '..', `${path.basename(site())}-cache`);
    page('world/a-story/index.html', '<main data-pagefind-body><h1>Troops cross the border</h1><p>Officials said.</p></main>');
    page('tags/kim-jong-un/index.html', '<main><h1>Kim Jong Un</h1></main>');
    expect(await buildIndex(site(), 'search-index', cache)).toMatch(/^search index built from 1 pages/);
    const index = path.join(site(), 'pagefind');
    const made = new Map(filesBelow(index).map((file) => [file, readFileSync(path.join(index, file))]));

    // A list page changed, not an article page: the index is the last one (a fresh checkout has none in its output).
    page('tags/kim-jong-un/index.html', '<main><h1>Kim Jong Un, again</h1></main>');
    rmSync(index, { recursive: true });
    expect(await buildIndex(site(), 'search-index', cache)).toMatch(
      /^search index unchanged: the 1 article pages are those of the last index \(\d+ of/,
    );
    expect(filesBelow(index).sort()).toEqual([...made.keys()].sort());
    for (const [file, bytes] of made) expect(readFileSync(path.join(index, file)).equals(bytes), file).toBe(true);

    // An article page changed: Pagefind indexes again, and finds the new words.
    page('world/a-story/index.html', '<main data-pagefind-body><h1>Troops withdraw</h1><p>Officials said.</p></main>');
    expect(await buildIndex(site(), 'search-index', cache)).toMatch(/^search index built from 1 pages/);
    expect(filesBelow(index).sort()).not.toEqual([...made.keys()].sort());
  });
});
