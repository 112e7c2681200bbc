import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from './support/temp-dir.ts';
import { articlePages, buildIndex } from '../../src/integrations/search-index.ts';

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

  it('should give Pagefind a glob it reads: the article pages only, with one section as with many', async () => {
    const page = (file: string, body: string) => {
      mkdirSync(path.dirname(path.join(site(), file)), { recursive: true });
      writeFileSync(path.join(site(), file), `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`);
    };
    page('world/a-story/index.html', '<main data-pagefind-body><h1>Troops cross the border</h1><p>Officials said.</p></main>');
    page('tags/kim-jong-un/index.html', '<main><h1>Kim Jong Un</h1></main>');
    page('authors/ana-lima/index.html', '<main><h1>Ana Lima</h1></main>');
    expect(await buildIndex(site())).toMatch(/^search index built from 1 pages \(\d+ of its \d+ files written\)$/);
    expect(existsSync(path.join(site(), 'pagefind', 'pagefind-entry.json'))).toBe(true);
    // Built again from the same pages, the index is the same: nothing is written.
    expect(await buildIndex(site())).toMatch(/\(0 of its \d+ files written\)$/);
  });
});
