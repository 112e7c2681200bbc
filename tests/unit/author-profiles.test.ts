import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendering } from '../../src/lib/article/parse.ts';
import { profileLink } from '../../src/lib/author/profile-links.ts';
import { readProfile } from '../../src/lib/author/read-profile.ts';
import { readProfiles } from '../../src/loaders/author-profiles.ts';
import { listMarkdownFiles } from '../../src/loaders/content-folder.ts';

const reader = rendering('selective-gfm');
const read = (text: string, fileExists: (src: string) => boolean = () => true) =>
  readProfile({ file: 'content/authors/ana-lima.md', relPath: 'authors/ana-lima.md', bytes: Buffer.from(text), fileExists }, reader);

describe('readProfile: one author profile file', () => {
  it('reads the name, role, portrait, links and bio', () => {
    const { profile, problems } = read(
      [
        '---',
        'name: Ana Lima',
        'role: Political correspondent',
        'photo: ./ana-lima.jpg',
        'links: [https://mastodon.social/@ana, "mailto:ana@example.org"]',
        '---',
        '',
        'Ana Lima covers *parliament*.',
        '',
        'She joined in 2019.',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(profile).toEqual({
      slug: 'ana-lima',
      file: 'content/authors/ana-lima.md',
      name: 'Ana Lima',
      role: 'Political correspondent',
      // A portrait shows the person it names: the name is its text alternative unless one is written.
      photo: { src: './ana-lima.jpg', alt: 'Ana Lima', line: 4 },
      links: [
        { url: 'https://mastodon.social/@ana', label: 'mastodon.social' },
        { url: 'mailto:ana@example.org', label: 'ana@example.org' },
      ],
      bioHtml: '<p>Ana Lima covers <em>parliament</em>.</p>\n<p>She joined in 2019.</p>',
      bioExcerpt: 'Ana Lima covers parliament.',
    });
  });

  it('sanitises the bio as it sanitises article bodies', () => {
    const { profile } = read(
      '---\nname: Ana Lima\n---\n\nHi <b onclick="alert(1)">there</b> <script>alert(2)</script> [x](javascript:alert(3)) <iframe src="https://evil.example/"></iframe>\n',
    );
    expect(profile?.bioHtml).toMatch(/<b>there<\/b>/);
    expect(profile?.bioHtml).not.toMatch(/onclick|<script|javascript:|<iframe/i);
  });

  it('reports every problem of the file at once, each with its line and field', () => {
    const { profile, problems } = read(
      ['---', 'nmae: Ana Lima', 'photo: https://cdn.example.org/ana.jpg', 'links: [javascript:alert(1), /about/]', '---', 'Bio.'].join(
        '\n',
      ),
    );
    expect(profile).toBeUndefined();
    expect(problems.map(({ severity, line, field, message }) => ({ severity, line, field, message }))).toEqual([
      { severity: 'warning', line: 2, field: 'nmae', message: 'is not a field Dateline knows; it is ignored' },
      { severity: 'error', line: 1, field: 'name', message: 'is missing' },
      {
        severity: 'error',
        line: 4,
        field: 'links[1]',
        message: '"javascript:alert(1)" is not a full web (https:, http:) or mailto: address',
      },
      { severity: 'error', line: 4, field: 'links[2]', message: '"/about/" is not a full web (https:, http:) or mailto: address' },
      { severity: 'error', line: 3, field: 'photo', message: '"https://cdn.example.org/ana.jpg" is not a file next to the profile' },
    ]);
    expect(problems[0]!.hint).toBe('did you mean `name`?');
  });

  it('refuses a portrait that is missing, outside the content folder or not a picture', () => {
    const photoProblem = (photo: string, exists = true) =>
      read(`---\nname: Ana Lima\nphoto: ${photo}\n---\n`, () => exists).problems.map((p) => p.message);
    expect(photoProblem('./ana.jpg', false)).toEqual(['"./ana.jpg" does not exist next to the profile']);
    expect(photoProblem('../../ana.jpg')).toEqual(['"../../ana.jpg" is outside the content folder: only pictures inside it are published']);
    expect(photoProblem('./ana.pdf')).toEqual(['"./ana.pdf" is not a picture Dateline can publish']);
  });

  it('refuses links to article files and pictures in a bio, which the author page cannot resolve', () => {
    const { problems } = read('---\nname: Ana Lima\n---\n\nSee [her series](../world/series.md).\n\n![Ana](./ana.jpg)\n');
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [5, expect.stringContaining('a bio links to pages by their address')],
      [7, expect.stringContaining('a bio holds no pictures')],
    ]);
  });

  it('refuses a file with no frontmatter, and a name that makes no address', () => {
    expect(read('Just a bio.').problems[0]!.message).toMatch(/has no frontmatter/);
    expect(read('---\nname: "🙂"\n---\n').problems[0]).toMatchObject({
      field: 'name',
      message: expect.stringMatching(/no letters or digits/),
    });
  });
});

describe('profileLink: only web and mail addresses', () => {
  it.each([
    ['https://www.linkedin.com/in/ana', { url: 'https://www.linkedin.com/in/ana', label: 'linkedin.com' }],
    ['http://example.org', { url: 'http://example.org/', label: 'example.org' }],
    ['mailto:ana@example.org', { url: 'mailto:ana@example.org', label: 'ana@example.org' }],
  ])('%s is a link', (written, link) => expect(profileLink(written)).toEqual(link));

  it.each([
    'javascript:alert(1)',
    'data:text/html,x',
    '/about/',
    'mastodon.social/@ana',
    'https://user:pw@example.org/',
    'mailto:nobody',
    'mailto:a%E0@x.org',
    'mailto:%',
  ])('%s is not', (written) => expect(profileLink(written)).toBeUndefined());
});

describe('readProfiles: the content folder’s authors/', () => {
  const site = { maxArticleBytes: 1_000_000, markdownParser: 'selective-gfm' as const };
  function folder(files: Record<string, string>): string {
    const root = mkdtempSync(path.join(tmpdir(), 'dateline-profiles-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, 'content', name)), { recursive: true });
      writeFileSync(path.join(root, 'content', name), text);
    }
    return root;
  }

  it('reads each profile, and reports two profiles of one author page as errors of both', async () => {
    const root = folder({
      'authors/ana-lima.md': '---\nname: Ana Lima\n---\n',
      'authors/ana.md': '---\nname: ana lima\n---\n',
      'authors/tom-reed.md': '---\nname: Tom Reed\n---\n',
      'authors/desk/old.md': '---\nname: Old Desk\n---\n',
    });
    const { profiles, problems } = await readProfiles(root, path.join(root, 'content'), site);
    expect(profiles.map((p) => p.slug)).toEqual(['tom-reed']);
    expect(problems.map((p) => `${p.file} ${p.severity} ${p.message}`)).toEqual([
      'content/authors/desk/old.md warning is not read: profiles sit directly in the authors folder',
      'content/authors/ana-lima.md error "Ana Lima" has the same author page, /authors/ana-lima/, as content/authors/ana.md',
      'content/authors/ana.md error "ana lima" has the same author page, /authors/ana-lima/, as content/authors/ana-lima.md',
    ]);
  });

  it('is empty without an authors folder, and the articles listing passes the folder by', async () => {
    const root = folder({ 'world/a.md': '---\ntitle: A\n---\n' });
    expect(await readProfiles(root, path.join(root, 'content'), site)).toEqual({ profiles: [], problems: [] });
    const withProfiles = folder({ 'world/a.md': 'x', 'authors/ana-lima.md': 'x' });
    expect(listMarkdownFiles(path.join(withProfiles, 'content'), { skipFolder: 'authors' }).files).toEqual(['world/a.md']);
  });
});
