import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failedRecord, ParseResults, parseResultsKey, toRecord, type FileRecord } from '../../src/loaders/parse-results.ts';
import { parseOptionsFor } from '../../src/loaders/content-files.ts';
import { site } from '../../src/site.config.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CONTENT = path.join(ROOT, 'content');

const record = (sha1: string, lookups: [string, boolean][] = []): FileRecord => ({ sha1, lookups, problems: [] });

describe('ParseResults, the one cache of parse results', () => {
  let previous: string | undefined;
  beforeEach(() => {
    previous = process.env.DATELINE_CACHE_DIR;
    process.env.DATELINE_CACHE_DIR = mkdtempSync(path.join(tmpdir(), 'dateline-parse-results-'));
  });
  afterEach(() => {
    if (previous === undefined) delete process.env.DATELINE_CACHE_DIR;
    else process.env.DATELINE_CACHE_DIR = previous;
  });

  it('gives back a record of the last run for the same bytes and the same answers about the files beside it', () => {
    const first = new ParseResults(ROOT, CONTENT, 'key');
    first.set('world/a.md', record('aaa', [['./map.png', true]]));
    first.set('world/b.md', record('bbb'));
    first.save(['world/a.md', 'world/b.md']);

    const next = new ParseResults(ROOT, CONTENT, 'key');
    const always = () => true;
    expect(next.reuse('world/a.md', 'aaa', always)).toEqual(record('aaa', [['./map.png', true]]));
    expect(next.reuse('world/b.md', 'bbb', always)).toEqual(record('bbb'));
    // Other bytes; the picture it named is gone; a file it has never seen.
    expect(next.reuse('world/a.md', 'changed', always)).toBeUndefined();
    expect(next.reuse('world/a.md', 'aaa', () => false)).toBeUndefined();
    expect(next.reuse('world/c.md', 'ccc', always)).toBeUndefined();
  });

  it('keeps nothing made under another key (other code, options or folder), nor a result that may differ next time', () => {
    const first = new ParseResults(ROOT, CONTENT, 'key');
    first.set('world/a.md', record('aaa'));
    first.set(
      'world/stopped.md',
      failedRecord('content/world/stopped.md', 'world/stopped.md', { severity: 'error', file: 'x', message: 'stopped' }),
    );
    first.save(['world/a.md', 'world/stopped.md']);

    expect(new ParseResults(ROOT, CONTENT, 'other key').reuse('world/a.md', 'aaa', () => true)).toBeUndefined();
    expect(new ParseResults(ROOT, CONTENT, 'key').reuse('world/stopped.md', '', () => true)).toBeUndefined();
  });

  it('drops the records of files no longer in the folder', () => {
    const first = new ParseResults(ROOT, CONTENT, 'key');
    first.set('world/a.md', record('aaa'));
    first.set('world/gone.md', record('ggg'));
    first.save(['world/a.md', 'world/gone.md']);
    const second = new ParseResults(ROOT, CONTENT, 'key');
    second.set(
      'world/a.md',
      second.reuse('world/a.md', 'aaa', () => true)!,
    );
    second.save(['world/a.md']);
    expect(new ParseResults(ROOT, CONTENT, 'key').reuse('world/gone.md', 'ggg', () => true)).toBeUndefined();
  });

  it('records what the checks across files read of an article, and a failed file by the slug its name gives', () => {
    const source = { file: 'content/world/a.md', relPath: 'world/a.md' };
    const failed = toRecord(source, 'aaa', new Map([['./chart.svg', true]]), { problems: [], heroImage: './chart.svg', imageLine: 4 });
    expect(failed.failed).toEqual({ slug: 'a', file: 'content/world/a.md', relPath: 'world/a.md' });
    expect(failed.pictures).toEqual([{ path: './chart.svg', line: 4 }]);
    expect(failed.lookups).toEqual([['./chart.svg', true]]);
  });

  it('has a key that changes with the parse options and the content folder', () => {
    const options = parseOptionsFor(site);
    const key = parseResultsKey(ROOT, CONTENT, options, site.maxArticleBytes);
    expect(parseResultsKey(ROOT, CONTENT, options, site.maxArticleBytes)).toBe(key);
    expect(parseResultsKey(ROOT, CONTENT, { ...options, minBodyWords: 99 }, site.maxArticleBytes)).not.toBe(key);
    expect(parseResultsKey(ROOT, path.join(ROOT, 'other'), options, site.maxArticleBytes)).not.toBe(key);
    expect(parseResultsKey(ROOT, CONTENT, options, site.maxArticleBytes + 1)).not.toBe(key);
  });
});
