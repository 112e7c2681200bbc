import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/lib/article/parse.ts';

/**
 * One fixture folder per decision of the sanitising policy (see tests/fixtures/sanitize/README.md):
 * `input.md` is parsed and its `article.html` must equal `output.html` exactly.
 * With `UPDATE=1`, `output.html` is (re)written instead of compared: review every change by eye.
 */
const fixturesDir = join(import.meta.dirname, '..', 'fixtures', 'sanitize');
const update = process.env['UPDATE'] === '1';

const cases = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function render(name: string): string {
  const bytes = readFileSync(join(fixturesDir, name, 'input.md'));
  const result = parseArticle(
    { file: `${name}/input.md`, relPath: `world/${name}.md`, bytes: new Uint8Array(bytes) },
    { timeZone: 'Europe/Paris', sections: ['World'], embedHosts: ['www.youtube-nocookie.com', 'player.vimeo.com'] },
  );
  expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  const html = result.article?.html;
  if (html === undefined) throw new Error(`${name}: no article was produced`);
  return html;
}

describe('sanitising policy', () => {
  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    const decision = readFileSync(join(fixturesDir, name, 'decision.txt'), 'utf8').trim();
    it(`should ${decision} (${name})`, () => {
      const html = render(name);
      const outputPath = join(fixturesDir, name, 'output.html');
      if (update) {
        writeFileSync(outputPath, html);
        return;
      }
      expect(html).toBe(readFileSync(outputPath, 'utf8'));
    });
  }
});
