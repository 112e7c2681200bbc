import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildSite, ROOT } from './support/build.ts';

test('a folder with bad files fails the build and the output names every bad file', () => {
  const contentDir = mkdtempSync(path.join(tmpdir(), 'dateline-bad-'));
  cpSync(path.join(ROOT, 'tests', 'fixtures', 'bad-site'), contentDir, { recursive: true });
  // Files git would rather not carry: binary data and Latin-1 text under a .md name.
  writeFileSync(path.join(contentDir, 'world', 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
  writeFileSync(path.join(contentDir, 'world', 'latin1.md'), Buffer.from('---\ntitle: Caf\xe9\ndate: 2024-10-25\n---\n', 'latin1'));

  const build = buildSite({ contentDir });
  expect(build.status).not.toBe(0);
  const expectations: [string, RegExp][] = [
    ['world/no-title.md', /no-title\.md:\d+: title: is missing/],
    ['world/display-date.md', /display-date\.md:3: date: "25\/10\/2024 19h13" is not an ISO 8601 date \(expected an ISO 8601/],
    ['world/broken-yaml.md', /broken-yaml\.md:\d+: the frontmatter is not valid YAML/],
    ['politics/quoted-draft.md', /quoted-draft\.md:4: draft: is the text "false" \(expected true or false, without quotes\)/],
    ['world/same-slug.md', /world\/same-slug\.md: slug: "same-slug" is also the slug of .*politics\/same-slug\.md/],
    ['politics/same-slug.md', /politics\/same-slug\.md: slug: "same-slug" is also the slug of .*world\/same-slug\.md/],
    ['politics/unknown-pin.md', /unknown-pin\.md: related: "no-such-article" is not the slug of any article/],
    ['world/unclosed.md', /unclosed\.md:1: the frontmatter block is not closed/],
    ['world/empty.md', /empty\.md:1: the file is empty/],
    ['world/binary.md', /binary\.md:1: the file holds binary data/],
    ['world/latin1.md', /latin1\.md:1: the file is not UTF-8 text/],
  ];
  for (const [file, pattern] of expectations) expect(build.output, file).toMatch(pattern);
  expect(build.output).toMatch(/11 errors in 11 files/);
  expect(build.output).not.toMatch(/good-story\.md:/);
  // The stopped build still leaves its machine-readable report, for CI.
  const report = JSON.parse(readFileSync(path.join(path.dirname(build.outDir), 'build-report.json'), 'utf8')) as {
    leftOut: boolean;
    rejected: unknown[];
  };
  expect(report.leftOut).toBe(false);
  expect(report.rejected).toHaveLength(11);
});

test('with leaveOutRejected, the build publishes every good story, leaves the bad files out and lists them, with every error', () => {
  const contentDir = mkdtempSync(path.join(tmpdir(), 'dateline-bad-'));
  cpSync(path.join(ROOT, 'tests', 'fixtures', 'bad-site'), contentDir, { recursive: true });
  // A good story that links to, and pins, a file with errors: published, the link as plain text.
  writeFileSync(
    path.join(contentDir, 'world', 'links-to-bad.md'),
    '---\ntitle: Talks go on\ndate: 2024-10-26T09:00:00\nrelated: [quoted-draft]\n---\n\nAs [the draft said](../politics/quoted-draft.md), talks go on.\n',
  );

  const build = buildSite({ contentDir, env: { LEAVE_OUT_REJECTED: 'true' } });
  expect(build.status, build.output.slice(-3000)).toBe(0);
  expect(build.output).toMatch(/rejected and left out: 9: /);
  expect(build.output).toContain('9 files were left out of the site (leaveOutRejected): the rest is published.');
  expect(build.output).toMatch(
    /\[WARN\] .*links-to-bad\.md:7: link \.\.\/politics\/quoted-draft\.md \("the draft said"\): \S*quoted-draft\.md has errors of its own \(\S*quoted-draft\.md is left out of this build, so the link is shown as plain text until that file is fixed\)/,
  );
  expect(build.output).toMatch(
    /\[WARN\] .*links-to-bad\.md: related: "quoted-draft" is \S*quoted-draft\.md, which has errors of its own \(.*so the pin is not shown/,
  );

  const page = (url: string) => path.join(build.outDir, url, 'index.html');
  expect(existsSync(page('world/good-story'))).toBe(true);
  const linking = readFileSync(page('world/links-to-bad'), 'utf8');
  expect(linking).toContain('As the draft said, talks go on.');
  for (const left of ['politics/quoted-draft', 'world/no-title', 'world/display-date', 'world/same-slug', 'politics/unknown-pin']) {
    expect(existsSync(page(left)), `${left} is left out`).toBe(false);
  }
  // Nowhere on the site: not in lists, feeds or sitemaps.
  const everything = readdirSync(build.outDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(html|xml|json)$/.test(file))
    .map((file) => readFileSync(path.join(build.outDir, file), 'utf8'))
    .join('\n');
  expect(everything).toContain('/world/good-story/');
  expect(everything).not.toContain('quoted-draft');
  expect(everything).not.toContain('display-date');

  // The machine-readable report, beside the output folder (never published with the site).
  const report = JSON.parse(readFileSync(path.join(path.dirname(build.outDir), 'build-report.json'), 'utf8')) as {
    leftOut: boolean;
    published: number;
    rejected: { file: string; problems: { line?: number; field?: string; message: string }[] }[];
  };
  expect(report.leftOut).toBe(true);
  expect(report.published).toBe(2);
  expect(report.rejected.map((r) => path.relative(contentDir, r.file.startsWith('/') ? r.file : path.join(ROOT, r.file))).sort()).toEqual([
    'politics/quoted-draft.md',
    'politics/same-slug.md',
    'politics/unknown-pin.md',
    'world/broken-yaml.md',
    'world/display-date.md',
    'world/empty.md',
    'world/no-title.md',
    'world/same-slug.md',
    'world/unclosed.md',
  ]);
  const quoted = report.rejected.find((r) => r.file.endsWith('quoted-draft.md'))!;
  expect(quoted.problems).toEqual([
    { line: 4, field: 'draft', message: 'is the text "false"', hint: 'expected true or false, without quotes' },
  ]);
});
