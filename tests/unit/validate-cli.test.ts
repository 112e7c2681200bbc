import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
};
/** Runs the CLI; each run has a cache folder of its own unless a test passes one to share between runs. */
const validate = (
  contentDir: string,
  cacheDir = tempDir('dateline-validate-cache-'),
  args: string[] = [],
  env: Record<string, string> = {},
) =>
  spawnSync(process.execPath, [path.join(root, 'scripts', 'validate.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      CONTENT_DIR: contentDir,
      DATELINE_NOW: '2025-01-01T12:00:00Z',
      DATELINE_CACHE_DIR: cacheDir,
      GITHUB_ACTIONS: '',
      ...env,
    },
  });
/** The report without the summary line, whose time varies. */
const reportOf = (run: { stdout: string }) => run.stdout.split('\n').slice(0, -2);

describe('npm run validate', () => {
  it('should pass a good folder and say so', () => {
    const run = validate('tests/fixtures/site');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/27 files checked in \d+ ms: ready to publish\./);
  });

  it('should pass the sample newsroom, whose long bodies are read the quick way', () => {
    const run = validate('content');
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/\n0 errors in 0 files, /);
    expect(run.stdout).toMatch(/34 files checked in \d+ ms: ready to publish\./);
  });

  it('should report every problem of one file in one run: a field, its pictures, a link to a missing article', () => {
    const dir = tempDir('dateline-four-problems-');
    mkdirSync(path.join(dir, 'world'));
    const body = '\n![A map](./missing-map.png)\n\nSee [the vote](../politics/no-such-vote.md).\n';
    writeFileSync(
      path.join(dir, 'world', 'four.md'),
      `---\ntitle: Four problems\ndate: 25/10/2024\nimage: ./missing-hero.jpg\nimageAlt: A hero\n---\n${body}`,
    );
    // YAML that does not parse at all: the body's problems are still found.
    writeFileSync(path.join(dir, 'world', 'broken.md'), `---\ntitle: [unclosed\ndate: 2024-10-25\n---\n${body}`);
    const run = validate(dir);
    expect(run.status).toBe(1);
    const lines = (file: string) => run.stdout.split('\n').filter((line) => line.includes(`world/${file}.md:`));
    expect(lines('four')).toEqual([
      expect.stringMatching(/four\.md:3: date: "25\/10\/2024" is not an ISO 8601 date/),
      expect.stringMatching(/four\.md:4: image: "\.\/missing-hero\.jpg" does not exist next to the article/),
      expect.stringMatching(/four\.md:8: image \.\/missing-map\.png \("A map"\): the file does not exist next to the article/),
      expect.stringMatching(/four\.md:10: link \.\.\/politics\/no-such-vote\.md \("the vote"\): no article at/),
    ]);
    expect(lines('broken')).toEqual([
      expect.stringMatching(/broken\.md:3: the frontmatter is not valid YAML/),
      expect.stringMatching(/broken\.md:6: image \.\/missing-map\.png/),
      expect.stringMatching(/broken\.md:8: link \.\.\/politics\/no-such-vote\.md/),
    ]);
  });

  it('should report every kind of problem of one file at once: a section, a picture that cannot be drawn, a stub body, a missing picture, a link', () => {
    const dir = tempDir('dateline-five-problems-');
    mkdirSync(path.join(dir, 'world'));
    writeFileSync(path.join(dir, 'world', 'chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect');
    writeFileSync(
      path.join(dir, 'world', 'five.md'),
      '---\ntitle: Five problems\ndate: 2024-10-25T19:13:00\nsection: Wolrd\nimage: ./chart.svg\nimageAlt: A chart\n---\n\nSee [the vote](../politics/no-such-vote.md). ![A map](./missing-map.png)\n',
    );
    const run = validate(dir);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n').filter((line) => line.includes('world/five.md:'));
    expect(lines).toEqual([
      expect.stringMatching(/five\.md:4: section: "Wolrd" is not one of the newsroom's sections \(did you mean "World"\?/),
      expect.stringMatching(/five\.md:5: image: "\.\/chart\.svg" cannot be drawn: /),
      expect.stringMatching(/five\.md:9: image \.\/missing-map\.png \("A map"\): the file does not exist next to the article/),
      expect.stringMatching(/five\.md:9: link \.\.\/politics\/no-such-vote\.md \("the vote"\): no article at/),
      expect.stringMatching(/five\.md:9: the body has 3 words: too short to publish \(at least 5\)/),
    ]);
    expect(run.stdout).toMatch(/\n5 errors in 1 file, /);
  });

  it('should put each problem on its file and line in GitHub Actions', () => {
    const run = validate('tests/fixtures/bad-site', undefined, [], { GITHUB_ACTIONS: 'true' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      '::error file=tests/fixtures/bad-site/world/display-date.md,line=3,title=date::"25/10/2024 19h13" is not an ISO 8601 date',
    );
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::error '))).toHaveLength(9);
    expect(run.stdout).toMatch(/10 files checked in \d+ ms: fix the errors above\.\n$/);
  });

  it('should list every problem of a bad folder at once and exit 1', () => {
    const run = validate('tests/fixtures/bad-site');
    expect(run.status).toBe(1);
    for (const file of [
      'no-title',
      'display-date',
      'broken-yaml',
      'quoted-draft',
      'world/same-slug',
      'politics/same-slug',
      'unknown-pin',
      'unclosed',
      'empty',
    ]) {
      expect(run.stdout).toContain(`${file}.md`);
    }
    expect(run.stdout).toMatch(/tests\/fixtures\/bad-site\/world\/display-date\.md:3: date: "25\/10\/2024 19h13" is not an ISO 8601 date/);
    expect(run.stdout).toMatch(/9 errors in 9 files, 1 warning\.\n10 files checked in \d+ ms: fix the errors above\./);
  });

  describe('on a temporary folder', () => {
    /** A content folder of the given files (path → frontmatter lines), each with a one-line body. */
    const folder = (files: Record<string, string[]>) => {
      const dir = tempDir('dateline-validate-');
      for (const [relPath, front] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, relPath)), { recursive: true });
        writeFileSync(path.join(dir, relPath), `---\n${front.join('\n')}\n---\n\nSeoul said on Friday that troops were training.\n`);
      }
      return dir;
    };
    const story = (title: string, tags = '[North Korea, Russia]') => [`title: "${title}"`, 'date: 2024-10-25T19:13:00', `tags: ${tags}`];
    const longHeadline = `North Korea ${'readies troops for Russia, '.repeat(4)}Seoul's spy agency says in a briefing`;
    const withWarnings = {
      'world/troops.md': story('North Korea readies troops'),
      'world/variant.md': story('Seoul briefs lawmakers', '[north korea, Russia]'),
      'world/long-headline.md': story(longHeadline),
    };

    it('should report schema errors, duplicate slugs and editorial warnings of many files in one run, and exit 1', () => {
      const dir = folder({
        ...withWarnings,
        'world/no-title.md': ['date: 2024-10-25', 'tags: [North Korea]'],
        'world/display-date.md': ['title: Outlet date format', 'date: 25/10/2024 19h13'],
        'politics/quoted-draft.md': [...story('Draft as text'), 'draft: "false"'],
        'politics/troops.md': story('Same slug as the world story'),
        // Drafts and scheduled articles will be published: their tags count.
        'politics/draft.md': [...story('A draft counts'), 'draft: true'],
        'world/scheduled.md': ['title: A scheduled story counts', 'date: 2025-06-01T08:00:00', 'tags: [North Korea, Russia]'],
      });
      const run = validate(dir);
      expect(run.status, run.stderr).toBe(1);
      for (const line of [
        `error   ${dir}/world/no-title.md:1: title: is missing`,
        `error   ${dir}/world/display-date.md:3: date: "25/10/2024 19h13" is not an ISO 8601 date`,
        `error   ${dir}/politics/quoted-draft.md:5: draft: is the text "false"`,
        `error   ${dir}/politics/troops.md: slug: "troops" is also the slug of ${dir}/world/troops.md`,
        `error   ${dir}/world/troops.md: slug: "troops" is also the slug of ${dir}/politics/troops.md`,
        `warning ${dir}/world/variant.md: tags: "north korea" is also written "North Korea" (5 articles) (use one spelling: write "North Korea")`,
        `warning ${dir}/world/long-headline.md: title: is ${[...longHeadline].length} characters long`,
      ]) {
        expect(run.stdout).toContain(line);
      }
      expect(run.stdout).toMatch(/\n5 errors in 5 files, 2 warnings\.\n9 files checked in \d+ ms: fix the errors above\.\n$/);
    });

    it('should report the same for a folder large enough to be checked on several threads', () => {
      // 150 files: more than one thread's share (100), so on a machine with two cores the files are split.
      const files: Record<string, string[]> = {};
      for (let i = 0; i < 150; i++)
        files[`world/story-${String(i).padStart(3, '0')}.md`] = story(i % 10 === 0 ? `${longHeadline} ${i}` : `Story ${i}`);
      files['world/story-149.md'] = ['date: 2024-10-25'];
      const dir = folder(files);
      // More than a few warnings of one kind are one line, unless each is asked for.
      const grouped = validate(dir).stdout.split('\n');
      expect(grouped.filter((line) => line.startsWith('  warning'))).toEqual([
        expect.stringMatching(/^ {2}warning 15 headlines over 110 characters: .*story-000\.md, .* and 7 more$/),
      ]);
      expect(grouped).toContain('  (npm run validate -- --details lists each warning with its file)');
      const run = validate(dir, undefined, ['--details']);
      expect(run.status, run.stderr).toBe(1);
      const reported = run.stdout.split('\n').filter((line) => line.startsWith('  '));
      expect(reported).toEqual([
        expect.stringMatching(/error {3}.*\/world\/story-149\.md:1: title: is missing/),
        ...Array.from({ length: 15 }, (_, i) =>
          expect.stringMatching(
            new RegExp(`warning .*/world/story-${String(i * 10).padStart(3, '0')}\\.md: title: is \\d+ characters long`),
          ),
        ),
      ]);
      expect(run.stdout).toMatch(/\n1 error in 1 file, 15 warnings\.\n150 files checked in \d+ ms: fix the errors above\.\n$/);
    });

    it('should parse again only the files changed since the last run, and report the same', () => {
      const cache = tempDir('dateline-validate-cache-');
      const dir = folder(withWarnings);
      const first = validate(dir, cache);
      const second = validate(dir, cache);
      expect(second.stdout).toMatch(/\n3 files checked in \d+ ms \(3 unchanged since the last run\): ready to publish\.\n$/);
      expect(reportOf(second)).toEqual(reportOf(first));

      writeFileSync(path.join(dir, 'world', 'troops.md'), '---\ndate: 2024-10-25\ntags: [North Korea, Russia]\n---\n\nNo title.\n');
      const third = validate(dir, cache);
      expect(third.status).toBe(1);
      expect(third.stdout).toContain(`${dir}/world/troops.md:1: title: is missing`);
      expect(third.stdout).toMatch(/\n3 files checked in \d+ ms \(2 unchanged since the last run\): fix the errors above\.\n$/);
    });

    it('should notice a picture removed from beside an unchanged article', () => {
      const cache = tempDir('dateline-validate-cache-');
      const dir = folder({
        'world/troops.md': story('North Korea readies troops'),
        'world/with-picture.md': [...story('Troops on the move'), 'image: ./photo.jpg', 'imageAlt: Soldiers on a road'],
      });
      copyFileSync(path.join(root, 'content', 'authors', 'elena-petrova.jpg'), path.join(dir, 'world', 'photo.jpg'));
      expect(validate(dir, cache).status).toBe(0);
      rmSync(path.join(dir, 'world', 'photo.jpg'));
      const run = validate(dir, cache);
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/with-picture\.md:\d+: image: "\.\/photo\.jpg" does not exist next to the article/);
      expect(run.stdout).toContain('(1 unchanged since the last run)');
    });

    it('should refuse different tags and authors that would share a URL, as the build does', () => {
      const dir = folder({
        'tech/cpp.md': [...story('A story tagged U.S.', '[U.S.]'), 'section: Technology', "authors: [Sam O'Neil]"],
        'tech/csharp.md': [...story('A story tagged US', '[US]'), 'section: Technology', 'authors: [Sam ONeil]'],
      });
      const run = validate(dir);
      expect(run.status, run.stderr).toBe(1);
      for (const line of [
        `error   ${dir}/tech/cpp.md: authors: "Sam O'Neil" has the same URL, /authors/sam-oneil/, as "Sam ONeil" (${dir}/tech/csharp.md)`,
        `error   ${dir}/tech/cpp.md: tags: "U.S." has the same URL, /tags/us/, as "US" (${dir}/tech/csharp.md)`,
        `error   ${dir}/tech/csharp.md: tags: "US" has the same URL, /tags/us/, as "U.S." (${dir}/tech/cpp.md)`,
      ]) {
        expect(run.stdout).toContain(line);
      }
      expect(run.stdout).toMatch(/\n4 errors in 2 files, /);
    });

    it('should refuse a section that is not configured, with a did-you-mean, and a folder that is not one', () => {
      const dir = folder({
        'world/typo.md': [...story('A misspelt section'), 'section: Wolrd'],
        'wolrd/folder.md': story('A misspelt folder'),
        'crime/new-desk.md': story('A desk nobody configured'),
      });
      const run = validate(dir);
      expect(run.status, run.stderr).toBe(1);
      expect(run.stdout).toContain(
        `error   ${dir}/world/typo.md:5: section: "Wolrd" is not one of the newsroom's sections (did you mean "World"? the sections are World, Politics, Business, Technology, Science, Health, Sport, Culture; a new section is one line in sections in src/site.config.ts)`,
      );
      expect(run.stdout).toContain(
        `error   ${dir}/wolrd/folder.md:1: section: the folder wolrd/ is not one of the newsroom's sections (did you mean world/?`,
      );
      expect(run.stdout).toContain(`or add "Crime" to sections in src/site.config.ts)`);
      expect(run.stdout).toMatch(/\n3 errors in 3 files, /);
      // One line of configuration makes the new desk a section.
      const configured = validate(dir, undefined, [], { SITE_SECTIONS: JSON.stringify(['World', 'Crime']) });
      expect(configured.stdout).not.toContain('crime/new-desk.md');
      expect(configured.stdout).toMatch(/\n2 errors in 2 files, /);
    });

    it('should refuse stubs and placeholders as the build does, and let a draft be one', () => {
      const dir = folder({ 'world/fine.md': story('A story') });
      const write = (name: string, front: string, body: string) =>
        writeFileSync(path.join(dir, 'world', name), `---\ntitle: ${name}\ndate: 2024-10-25T19:13:00\n${front}---\n\n${body}\n`);
      write('stub.md', '', 'Troops arrive in [Kursk](https://example.org/a/long/address/with/many/words).');
      write('tk.md', '', 'TK');
      write('draft.md', 'draft: true\n', 'TK');
      const run = validate(dir);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(`error   ${dir}/world/stub.md:6: the body has 4 words: too short to publish (at least 5)`);
      expect(run.stdout).toContain(`error   ${dir}/world/tk.md:6: the body is only the placeholder "TK"`);
      expect(run.stdout).not.toContain('draft.md');
      expect(run.stdout).toMatch(/\n2 errors in 2 files, /);
    });

    it('should refuse configured sections that would share a URL, before reading any article', () => {
      const run = validate(folder({ 'world/a.md': story('A story') }), undefined, [], {
        SITE_SECTIONS: JSON.stringify(['U.S.', 'US', 'Cards']),
      });
      expect(run.status).not.toBe(0);
      expect(run.stdout + run.stderr).toContain('sections: "U.S." and "US" would share one URL (/us/): keep one');
      expect(run.stdout + run.stderr).toContain('sections: "Cards" is a name the site uses for its own pages (/cards/)');
    });

    it('should refuse services and an editor setting of the wrong type or with a forged origin, before reading any article', () => {
      const run = validate(folder({ 'world/a.md': story('A story') }), undefined, [], {
        SITE_SERVICES: JSON.stringify([
          { name: 5, pages: 'all', script: 'https://s.example.org/s.js' },
          { name: 'Stats', pages: 'all', connect: ['https://a.org;\nbase-uri\t*'] },
        ]),
        SITE_CMS: JSON.stringify({ backend: { name: 'github', repo: 'a/b' }, folder: 5 }),
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toBe('');
      expect(run.stdout.split('\n').slice(0, 5)).toEqual([
        'src/site.config.ts has problems:',
        "  services[0] (no name) name: 5 must be text (e.g. name: 'Plausible analytics')",
        '  services[1] (Stats) connect: "https://a.org;\\nbase-uri\\t*" must name one host in letters, digits, dots and hyphens, without a wildcard, space, quote, ; or , (e.g. https://stats.example.org)',
        "  cms.folder: 5 must be text (e.g. folder: 'content')",
        'Fix the settings above, then run again.',
      ]);
    });

    it('should exit 0 when there are only warnings', () => {
      const run = validate(folder(withWarnings));
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/\n0 errors in 0 files, 2 warnings\.\n3 files checked in \d+ ms: ready to publish\.\n$/);
    });
  });
});
