import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articlePages } from '../../src/integrations/search-index.ts';

describe('articlePages', () => {
  let site: string;
  beforeEach(() => {
    site = mkdtempSync(path.join(tmpdir(), 'dateline-site-'));
  });
  afterEach(() => rmSync(site, { recursive: true, force: true }));

  it('should name the section folders, not the folders of list pages, assets or the index', () => {
    for (const folder of ['world', 'politics', 'tags', 'authors', 'archive', '_astro', 'pagefind', 'cards', 'search'])
      mkdirSync(path.join(site, folder));
    writeFileSync(path.join(site, 'rss.xml'), '');
    expect(articlePages(site)).toBe('{politics,world}/*/index.html');
  });

  it('should fall back to the article depth when there is no section (Pagefind refuses an empty {})', () => {
    mkdirSync(path.join(site, 'tags'));
    expect(articlePages(site)).toBe('*/*/index.html');
  });
});
