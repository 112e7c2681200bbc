import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeDigest, moduleGraph, modulesDigest } from '../../src/build/code-digest.ts';
import { DRAWING_VERSION } from '../../src/cards/drawing-version.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dateline-code-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('codeDigest', () => {
  const files = {
    'src/entry.ts':
      "import { a } from './lib/a.ts';\nexport { b } from '../src/lib/b.ts';\nconst c = await import('./lib/c.ts');\nimport x from 'pkg';\n",
    'src/lib/a.ts': "import type { T } from './t.ts';\n// Written as from './nowhere.ts' in a comment: no module.\nexport const a = 1;\n",
    'src/lib/b.ts': 'export const b = 2;\n',
    'src/lib/c.ts': 'export const c = 3;\n',
    'src/lib/t.ts': 'export type T = number;\n',
    'src/lib/unused.ts': 'export const u = 4;\n',
    'package-lock.json': '{"lockfileVersion": 3}\n',
  };

  it('should follow relative imports, re-exports, dynamic and type imports, and no package', () => {
    expect(moduleGraph(project(files), ['src/entry.ts'])).toEqual([
      'src/entry.ts',
      'src/lib/a.ts',
      'src/lib/b.ts',
      'src/lib/c.ts',
      'src/lib/t.ts',
    ]);
  });

  it('should change with any module reached and with the installed packages, and only with them', () => {
    const before = codeDigest(project(files), ['src/entry.ts']);
    expect(codeDigest(project(files), ['src/entry.ts']), 'another clone, same code').toBe(before);
    expect(codeDigest(project({ ...files, 'src/lib/t.ts': 'export type T = string;\n' }), ['src/entry.ts'])).not.toBe(before);
    expect(codeDigest(project({ ...files, 'package-lock.json': '{"lockfileVersion": 4}\n' }), ['src/entry.ts'])).not.toBe(before);
    expect(codeDigest(project({ ...files, 'src/lib/unused.ts': 'export const u = 5;\n' }), ['src/entry.ts'])).toBe(before);
  });

  it('should, for the modules alone, change with any module reached but not with the installed packages', () => {
    const before = modulesDigest(project(files), ['src/entry.ts']);
    expect(modulesDigest(project({ ...files, 'src/lib/c.ts': 'export const c = 4;\n' }), ['src/entry.ts'])).not.toBe(before);
    expect(modulesDigest(project({ ...files, 'package-lock.json': '{"lockfileVersion": 4}\n' }), ['src/entry.ts'])).toBe(before);
  });

  it("should key social cards by the card's look and drawing code, and the search index by its own code", () => {
    const card = moduleGraph(ROOT, ['src/cards/worker.ts']);
    expect(card).toEqual(expect.arrayContaining(['src/lib/social-card.ts', 'src/cards/draw.ts', 'src/cards/drawing-version.ts']));
    expect(DRAWING_VERSION).toContain(`code ${modulesDigest(ROOT, ['src/cards/worker.ts']).slice(0, 16)}`);
    expect(moduleGraph(ROOT, ['src/integrations/search-index.ts'])).toEqual(
      expect.arrayContaining(['src/integrations/search-index.ts', 'src/integrations/search-shards.ts']),
    );
  });

  it("should reach every module of the build's parser from the loader and its parsing threads", () => {
    const graph = moduleGraph(ROOT, ['src/loaders/articles.ts', 'src/loaders/parse-worker.ts']);
    for (const module of [
      'src/loaders/parse-results.ts',
      'src/lib/article/body-scan.ts',
      'src/lib/article/read.ts',
      'src/lib/article/sanitize-policy.ts',
      'src/lib/article/markdown-parser.ts',
      'src/lib/article/schema.ts',
      'src/lib/article/stored.ts',
      'src/lib/slug.ts',
      'src/lib/dates.ts',
    ])
      expect(graph).toContain(module);
  });
});
