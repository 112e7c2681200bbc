import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from './support/temp-dir.ts';
import { articlePageFiles, buildIndex } from '../../src/integrations/search-index.ts';
import { filesBelow } from '../../src/integrations/output-folder.ts';

describe('articlePageFiles', () => {
  const site = useTempDir('site');
  const page = (file: string, body: string) => {
    mkdirSync(path.dirname(path.join(site(), file)), { recursive: true });
    writeFileSync(path.join(site(), file), `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`);
  };

  it('should list every folder of a section, not list pages, assets, the index or anything not a slug', () => {
    for (const folder of ['tags', 'authors', 'archive', '_astro', 'pagefind', 'cards', 'search', '.git', 'odd,{name}'])
      mkdirSync(path.join(site(), folder, 'x'), { recursive: true });
    page('world/a-story/index.html', '<main data-pagefind-body><h1>A</h1></main>');
    page('world/2/index.html', '<main><h1>World, page 2</h1></main>');
    page('politics/b-story/index.html', '<main data-pagefind-body><h1>B</h1></main>');
    page('tags/kim-jong-un/index.html', '<main><h1>Kim Jong Un</h1></main>');
    page('odd,{name}/x/index.html', '<main data-pagefind-body><h1>C</h1></main>');
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
});

describe('buildIndex', () => {
  const site = useTempDir('site');
  const cache = () => `${site()}-cache`;
  afterEach(() => rmSync(cache(), { recursive: true, force: true }));
  const story = (file: string, year: number, words: string) => {
    mkdirSync(path.dirname(path.join(site(), file)), { recursive: true });
    writeFileSync(
      path.join(site(), file),
      `<!doctype html><html lang="en"><head><title>t</title></head><body><nav>Home World</nav><article data-pagefind-body data-pagefind-filter="year:${year}" data-pagefind-sort="date:${year}-06-01T00:00:00.000Z"><h1>${words}</h1><p>Officials said.</p></article></body></html>`,
    );
  };
  const index = () => path.join(site(), 'pagefind');
  const snapshot = (dir: string) => new Map(filesBelow(dir).map((file) => [file, readFileSync(path.join(dir, file))]));

  it('should make one index per year, newest first, and leave out list pages and Pagefind files the search page never loads', async () => {
    story('world/a-story/index.html', 2024, 'Troops cross the border');
    story('world/b-story/index.html', 2025, 'Prisoners exchanged');
    story('politics/c-story/index.html', 2024, 'Parliament votes');
    mkdirSync(path.join(site(), 'world', '2'));
    writeFileSync(
      path.join(site(), 'world', '2', 'index.html'),
      '<!doctype html><html lang="en"><body><h1>World, page 2</h1></body></html>',
    );
    expect(await buildIndex(site(), 'search-index', cache())).toMatch(
      /^search index built from 3 pages \(2025, 2024; \d+ of its \d+ files written\)$/,
    );
    expect(JSON.parse(readFileSync(path.join(index(), 'shards.json'), 'utf8'))).toEqual(['2025', '2024']);
    for (const year of ['2024', '2025']) {
      const entry = JSON.parse(readFileSync(path.join(index(), year, 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { page_count: number }>;
      };
      expect(Object.values(entry.languages)[0]!.page_count, year).toBe(year === '2024' ? 2 : 1);
      expect(existsSync(path.join(index(), year, 'pagefind.js'))).toBe(true);
      expect(existsSync(path.join(index(), year, 'pagefind-ui.js'))).toBe(false);
    }
    // Built again from the same pages without the cache, the index is the same: nothing is written.
    expect(await buildIndex(site(), 'search-index', `${cache()}-other`)).toMatch(
      /^search index built from 3 pages \(2025, 2024; 0 of its \d+ files written\)$/,
    );
    rmSync(`${cache()}-other`, { recursive: true, force: true });
  });

  it('should take each year from the cache while its pages are unchanged, and index again only a year whose page changed', async () => {
    story('world/a-story/index.html', 2024, 'Troops cross the border');
    story('world/b-story/index.html', 2025, 'Prisoners exchanged');
    expect(await buildIndex(site(), 'search-index', cache())).toMatch(/^search index built from 2 pages/);
    const made = snapshot(index());

    // Nothing changed, and a fresh output folder (a fresh checkout) gets the same index from the cache.
    rmSync(index(), { recursive: true });
    expect(await buildIndex(site(), 'search-index', cache())).toMatch(
      /^search index unchanged: the 2 article pages are those of the last index \(\d+ of/,
    );
    expect(snapshot(index())).toEqual(made);

    // A 2025 page changed: only 2025 is indexed again, and finds the new words; 2024 is untouched.
    story('world/b-story/index.html', 2025, 'Prisoners released');
    expect(await buildIndex(site(), 'search-index', cache())).toMatch(
      /^search index built from 1 pages \(2025; 1 other year unchanged; \d+ of/,
    );
    const after = snapshot(index());
    for (const [file, bytes] of made) if (file.startsWith(`2024${path.sep}`)) expect(after.get(file)?.equals(bytes), file).toBe(true);
    expect([...after.keys()].filter((file) => file.startsWith(`2025${path.sep}`)).sort()).not.toEqual(
      [...made.keys()].filter((file) => file.startsWith(`2025${path.sep}`)).sort(),
    );

    // An article moves to another year: both years are indexed again, and the year left empty is gone.
    story('world/b-story/index.html', 2024, 'Prisoners released');
    expect(await buildIndex(site(), 'search-index', cache())).toMatch(/^search index built from 2 pages \(2024;/);
    expect(JSON.parse(readFileSync(path.join(index(), 'shards.json'), 'utf8'))).toEqual(['2024']);
    expect(existsSync(path.join(index(), '2025'))).toBe(false);
    expect(existsSync(path.join(cache(), '2025'))).toBe(false);
  });

  it('should write an empty list of years for a site with no article yet', async () => {
    mkdirSync(path.join(site(), 'tags', 'x'), { recursive: true });
    writeFileSync(path.join(site(), 'tags', 'x', 'index.html'), '<!doctype html><html lang="en"><body><h1>X</h1></body></html>');
    expect(await buildIndex(site(), 'search-index', cache())).toMatch(/^search index unchanged: the 0 article pages/);
    expect(filesBelow(index())).toEqual(['shards.json']);
    expect(readFileSync(path.join(index(), 'shards.json'), 'utf8')).toBe('[]\n');
  });

  it('should refuse, naming every one, article pages that carry no year (they would fall out of every year)', async () => {
    story('world/a-story/index.html', 2024, 'Troops cross the border');
    for (const file of ['world/b-story/index.html', 'politics/c-story/index.html']) {
      mkdirSync(path.dirname(path.join(site(), file)), { recursive: true });
      writeFileSync(
        path.join(site(), file),
        '<!doctype html><html lang="en"><body><article data-pagefind-body><h1>No year</h1></article></body></html>',
      );
    }
    await expect(buildIndex(site(), 'search-index', cache())).rejects.toThrow(
      /2 article page\(s\) have no year filter .*: politics\/c-story\/index\.html, world\/b-story\/index\.html\. The article template/,
    );
  });
});
