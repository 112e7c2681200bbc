import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The search index is made one year at a time (a shard per year of articles), and the search page merges
 * the shards in the browser: a rebuild re-indexes only the years whose article pages changed, and Pagefind
 * (whose memory grows with every page) holds one year of the archive at a time instead of all of it.
 */
export interface SearchShard {
  /** The year, as the page's `year` filter gives it: also the shard's folder under `pagefind/`. */
  name: string;
  /** Its article pages, relative to the output folder, sorted. */
  files: string[];
  /** A digest of those pages (names and bytes) and of what indexes them: equal digests, equal index. */
  digest: string;
}

/** Every article page carries its year as a Pagefind filter (ArticleView.astro); the first one is the page's. */
const YEAR_FILTER = /data-pagefind-filter="year:(\d+)"/;
const INDEXED = 'data-pagefind-body';

/**
 * Groups the pages Pagefind would read by year, newest year first. Pages without `data-pagefind-body`
 * (list pages at article depth, such as a section's page 2) hold nothing to index and are left out; an
 * indexed page without a year is an error naming every such page, since it would fall out of every shard.
 */
export function shardPages(site: string, files: readonly string[], indexer: string): SearchShard[] {
  const byYear = new Map<string, { file: string; sha1: string }[]>();
  const yearless: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(path.join(site, file));
    // The marker is ASCII, so reading the bytes as Latin-1 finds it whatever the page's characters.
    const text = bytes.toString('latin1');
    const year = YEAR_FILTER.exec(text)?.[1];
    if (!year) {
      if (text.includes(INDEXED)) yearless.push(file);
      continue;
    }
    const pages = byYear.get(year) ?? [];
    pages.push({ file, sha1: hash('sha1', bytes) });
    byYear.set(year, pages);
  }
  if (yearless.length > 0) {
    throw new Error(
      `${yearless.length} article page(s) have no year filter (data-pagefind-filter="year:…"), so no search shard would hold them: ${yearless.join(', ')}. The article template (src/components/ArticleView.astro) must give every article its year.`,
    );
  }
  return [...byYear]
    .sort(([a], [b]) => Number(b) - Number(a))
    .map(([name, pages]) => {
      pages.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
      const digest = pages.reduce((sum, page) => hash('sha1', `${sum}\n${page.file}\n${page.sha1}`), hash('sha1', `${indexer}\n${name}`));
      return { name, files: pages.map((page) => page.file), digest };
    });
}
