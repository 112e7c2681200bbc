import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/lib/article/parse.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const run = (contentDir: string, args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'scripts', 'new-article.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: contentDir, DATELINE_NOW: '2024-10-25T17:13:00Z' },
  });

describe('npm run new', () => {
  const contentDir = mkdtempSync(path.join(tmpdir(), 'dateline-new-'));
  const args = ["Kim Jong Un's troops reach Kursk", '--section', 'world', '--tags', 'North Korea, Russia', '--author', 'Ana Lima'];

  it('should write a draft with complete frontmatter that the parser accepts, and print its path and URL', () => {
    const result = run(contentDir, args);
    expect(result.status, result.stderr).toBe(0);
    const file = path.join(contentDir, 'world', 'kim-jong-uns-troops-reach-kursk.md');
    expect(result.stdout).toContain('kim-jong-uns-troops-reach-kursk.md');
    expect(result.stdout).toContain('https://dateline.example.org/world/kim-jong-uns-troops-reach-kursk/');
    const parsed = parseArticle(
      { file, relPath: 'world/kim-jong-uns-troops-reach-kursk.md', bytes: readFileSync(file) },
      { timeZone: 'Europe/Paris', sections: ['World'] },
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.article).toMatchObject({
      title: "Kim Jong Un's troops reach Kursk",
      date: { iso: '2024-10-25T17:13:00.000Z', hasTime: true },
      section: 'World',
      tags: ['North Korea', 'Russia'],
      authors: ['Ana Lima'],
      draft: true,
    });
  });

  it('should write every optional field commented out, and a short slug from a long headline', () => {
    const long = run(contentDir, ["North Korea readies troops for Russia's war as Moscow ratifies defence pact", '--section', 'World']);
    expect(long.status, long.stderr).toBe(0);
    const file = path.join(contentDir, 'world', 'north-korea-readies-troops-for-russias.md');
    const text = readFileSync(file, 'utf8');
    for (const field of [
      'description',
      'authors',
      'image',
      'imageAlt',
      'imageCaption',
      'imageCredit',
      'type',
      'featured',
      'priority',
      'expires',
      'coverageEnd',
      'formerUrls',
    ])
      expect(text).toMatch(new RegExp(`^# ${field}: `, 'm'));
    const parsed = parseArticle(
      { file, relPath: 'world/north-korea-readies-troops-for-russias.md', bytes: readFileSync(file) },
      { timeZone: 'Europe/Paris', sections: ['World'] },
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.article?.description).toBeUndefined();
    // Cut after six words, without a dangling small word.
    expect(run(contentDir, ['Talks resume in Geneva on the future of the accord', '--section', 'World']).stdout).toContain(
      'world/talks-resume-in-geneva.md',
    );
  });

  it('should make a Latin-letter slug from a headline in another script, and keep the headline as written', () => {
    for (const [headline, slug] of [
      ['Выборы в Москве перенесены на весну', 'vybory-v-moskve-pereneseny-na-vesnu'],
      ['Η Αθήνα ψηφίζει σήμερα', 'i-athina-psifizei-simera'],
      ['北京举行新闻发布会', 'bei-jing-ju-xing-xin-wen'],
      ['東京で地震が発生', 'dong-jing-de-de-zhen-ga'],
    ]) {
      const result = run(contentDir, [headline!, '--section', 'World']);
      expect(result.status, result.stderr).toBe(0);
      const file = path.join(contentDir, 'world', `${slug}.md`);
      expect(readFileSync(file, 'utf8')).toContain(`title: "${headline}"`);
    }
  });

  it('should refuse to overwrite an existing file', () => {
    const again = run(contentDir, args);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists; nothing was written/);
  });

  it('should refuse a section the site does not have, with the nearest one', () => {
    const typo = run(contentDir, ['A headline', '--section', 'Wolrd']);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toMatch(
      /"Wolrd" is not one of the site's sections \(World, Politics, .*\): did you mean "World"\?; a new section is one line in sections in src\/site\.config\.ts\./,
    );
    expect(run(contentDir, ['A headline', '--section', 'Gardening']).stderr).toMatch(
      /"Gardening" is not one of the site's sections \([^)]*\); a new section/,
    );
    expect(existsSync(path.join(contentDir, 'wolrd'))).toBe(false);
  });

  it('should ask for a headline and a section', () => {
    expect(run(contentDir, ['--section', 'World']).stderr).toMatch(/Give the headline/);
    expect(run(contentDir, ['A headline']).stderr).toMatch(/Give a section/);
  });
});
