import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
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
});
