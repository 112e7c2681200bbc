import { readdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { HtmlValidate } from 'html-validate/node';
import { parseArticle } from '../../src/lib/article/parse.ts';
import { KNOWN_FIELDS } from '../../src/lib/article/schema.ts';
import { PROFILE_FIELDS } from '../../src/lib/author/profile-schema.ts';
import { adminContentSecurityPolicy } from '../../src/lib/cms/policy.ts';
import { contentSecurityPolicy } from '../../src/lib/security-headers.ts';
import { site } from '../../src/site.config.ts';
import { buildSite, FIXTURE_SITE, ROOT } from './support/build.ts';
import { serveStatic } from './support/serve.ts';
import { filesIn } from './support/site-files.ts';

// The editor at /admin/, built from the fixture newsroom with the CMS turned on and Sveltia's test repository
// (entries live in the browser's private file system), under a base path, served with the build's _headers
// as Cloudflare Pages applies them. Every request to another host is refused and recorded.
const port = Number(process.env.E2E_PORT ?? 4391) + 40;
const base = '/news/';
const origin = `http://127.0.0.1:${port}`;
const backend = { name: 'test-repo' as const };
/** Where the test repository keeps the fixture's World folder (its path in the project). */
const WORLD = path.relative(ROOT, path.join(FIXTURE_SITE, 'world')).split(path.sep);
const FORM = [...KNOWN_FIELDS, 'body'].sort();
const PROFILE_FORM = [...PROFILE_FIELDS, 'body'].sort();

/**
 * What the editor tries and its policy refuses before any request is made, by design: the bundle's CDN
 * copies of the fonts it gets from its own folder instead (fonts.js), and its hourly check for a new version.
 */
const EXPECTED_REFUSALS = [
  /^font-src https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\//,
  /^connect-src https:\/\/unpkg\.com\/@sveltia\/cms\/package\.json$/,
];

/** Opens the editor with every other host refused: returns what went elsewhere and what the policy refused. */
async function openEditor(page: Page, seed: Record<string, string> = {}) {
  const elsewhere: string[] = [];
  const refused: string[] = [];
  await page.context().route('**/*', (route) => {
    if (new URL(route.request().url()).hostname === '127.0.0.1') return route.continue();
    elsewhere.push(route.request().url());
    return route.abort();
  });
  await page.exposeFunction('__refused', (text: string) => refused.push(text));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { __refused: (text: string) => void }).__refused(`${event.violatedDirective} ${event.blockedURI}`),
    ),
  );
  const response = await page.goto(`${origin}${base}admin/`);
  if (Object.keys(seed).length > 0) {
    // Stories already in the repository, written where the test repository keeps them; then a fresh start.
    await page.evaluate(
      async ({ folder, seed }) => {
        let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test', { create: true });
        for (const name of folder) dir = await dir.getDirectoryHandle(name, { create: true });
        for (const [name, text] of Object.entries(seed)) {
          const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
          await writable.write(text);
          await writable.close();
        }
      },
      { folder: WORLD, seed },
    );
    await page.reload();
  }
  await page.getByRole('button', { name: 'Work with Test Repository' }).click();
  return { response, elsewhere, refused };
}

/** A field of the form (the preview pane repeats the key paths, not the groups' names). */
const formField = (page: Page, name: string) => page.locator(`[role="group"][aria-label$="Field"][data-key-path="${name}"]`);

/** One turn of the wheel over the form: fields far below the viewport are rendered only when scrolled to. */
async function scrollForm(page: Page): Promise<void> {
  await page.mouse.move(300, 400);
  await page.mouse.wheel(0, 400);
}

/** Scrolls the form down until a field is rendered, and to it. */
async function scrollToField(page: Page, name: string): Promise<void> {
  for (let step = 0; step < 60 && (await formField(page, name).count()) === 0; step += 1) await scrollForm(page);
  await formField(page, name).scrollIntoViewIfNeeded();
}

/** The files of the test repository's World folder: stories as text, pictures by size (none while a save replaces them). */
function worldFolder(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async (folder) => {
    const files: Record<string, string> = {};
    try {
      let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test');
      for (const name of folder) dir = await dir.getDirectoryHandle(name);
      for await (const [name, handle] of dir as unknown as AsyncIterable<[string, FileSystemFileHandle]>) {
        try {
          const file = await handle.getFile();
          files[name] = name.endsWith('.md') ? await file.text() : `${file.size} bytes`;
        } catch (error) {
          // A file a save is replacing at this moment is left out: the caller polls until it is there.
          if (!['NotReadableError', 'NotFoundError'].includes((error as DOMException).name)) throw error;
        }
      }
    } catch (error) {
      if ((error as DOMException).name !== 'NotFoundError') throw error;
    }
    return files;
  }, WORLD);
}

function parse(relPath: string, text: string) {
  return parseArticle(
    { file: relPath, relPath, bytes: new TextEncoder().encode(text) },
    { timeZone: site.timeZone, sections: site.sections },
  );
}

test.describe('the editor, turned on', () => {
  let server: Server;
  let outDir = '';

  test.beforeAll(async () => {
    const build = buildSite({
      contentDir: FIXTURE_SITE,
      env: { DATELINE_SKIP_CARDS: '1', BASE_PATH: base, SITE_CMS: JSON.stringify({ backend }) },
    });
    expect(build.status, build.output).toBe(0);
    expect(build.output).toMatch(/editor: \/news\/admin\/ \(Sveltia CMS 0\.221\.1, test-repo\), 12 files/);
    outDir = build.outDir;
    server = await serveStatic(outDir, port, base);
  });
  test.afterAll(() => server?.close());

  test('is built from the pinned package alone, with its own policy, and kept out of the sitemap, feeds and search', async ({
    request,
  }) => {
    expect(filesIn(path.join(outDir, 'admin'))).toEqual(
      [
        'LICENSE.txt',
        'chunks/react-dom.js',
        'config.yml',
        'fonts.js',
        'fonts/material-symbols-outlined-latin-wght-normal-_Z1IJPLg.woff2',
        'fonts/material-symbols-outlined.LICENSE.txt',
        'fonts/noto-mono-latin-400-normal-DiC8lJru.woff2',
        'fonts/noto-mono.LICENSE.txt',
        'fonts/source-sans-3-latin-wght-normal-BqRLTx4X.woff2',
        'fonts/source-sans-3.LICENSE.txt',
        'index.html',
        'sveltia-cms.js',
      ]
        .map((file) => path.join(...file.split('/')))
        .sort(),
    );
    const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(ROOT, '.htmlvalidate.json'), 'utf8')));
    const report = await validator.validateFile(path.join(outDir, 'admin', 'index.html'));
    expect(report.results.flatMap((result) => result.messages.map((message) => message.message))).toEqual([]);
    // Served with the editor's policy alone: the site's would be joined to it (Cloudflare Pages) without the detach lines.
    const admin = await request.get(`${origin}${base}admin/`);
    expect(admin.headers()['content-security-policy']).toBe(adminContentSecurityPolicy('header', backend));
    expect(admin.headers()['cross-origin-opener-policy']).toBe('same-origin-allow-popups');
    expect(admin.headers()['x-robots-tag']).toBe('noindex');
    // Every other page keeps the site's.
    const front = await request.get(`${origin}${base}`);
    expect(front.headers()['content-security-policy']).toBe(contentSecurityPolicy('header', site.embedHosts));
    expect(front.headers()['x-robots-tag']).toBeUndefined();
    // Nothing links to it or lists it.
    for (const file of ['sitemap-0.xml', 'rss.xml', 'feed.json', path.join('pagefind', 'shards.json')])
      expect(readFileSync(path.join(outDir, file), 'utf8'), file).not.toContain('admin');
    const pages = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.html') && !file.startsWith('admin'),
    );
    for (const file of pages) expect(readFileSync(path.join(outDir, file), 'utf8'), file).not.toContain('/admin');
  });

  test("opens with no request to another host; a section's form and the top-level form hold every field of the schema, the profiles' form every profile field", async ({
    page,
  }) => {
    const { response, elsewhere, refused } = await openEditor(page);
    expect(response?.status()).toBe(200);
    // The story forms, and the author profiles' form.
    for (const [collection, first, form] of [
      ['world', 'title', FORM],
      ['_content', 'title', FORM],
      ['authors', 'name', PROFILE_FORM],
    ] as const) {
      await page.evaluate((name) => (location.hash = `#/collections/${name}/new`), collection);
      await expect(formField(page, first)).toBeVisible();
      const seen = new Set<string>();
      for (let step = 0; step < 60 && seen.size < form.length; step += 1) {
        for (const keyPath of await page
          .locator('[role="group"][aria-label$="Field"][data-key-path]')
          .evaluateAll((groups) => groups.map((group) => group.getAttribute('data-key-path')!)))
          seen.add(keyPath.split('.')[0]!);
        await scrollForm(page);
      }
      expect([...seen].sort(), collection).toEqual(form);
    }
    // Its fonts are the ones from its own folder.
    const loaded = await page.evaluate(() =>
      [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family.replace(/"/g, '')),
    );
    expect(loaded).toEqual(expect.arrayContaining(['Source Sans 3', 'Material Symbols Outlined']));
    expect(elsewhere).toEqual([]);
    expect(refused.filter((text) => !EXPECTED_REFUSALS.some((known) => known.test(text)))).toEqual([]);
    // The watch itself works: the bundle's CDN copies of the fonts were refused, and reported.
    expect(refused.some((text) => text.startsWith('font-src https://cdn.jsdelivr.net/'))).toBe(true);
  });

  test('a new story is saved as a draft in its section folder, with its picture beside it, in a form Dateline publishes', async ({
    page,
  }) => {
    const { elsewhere, refused } = await openEditor(page);
    await page.evaluate(() => (location.hash = '#/collections/world/new'));
    await formField(page, 'title').locator('input').fill('Ceasefire talks resume in Doha');
    await formField(page, 'draft').getByRole('switch').click();
    await formField(page, 'date').locator('input[type="datetime-local"]').fill('2024-10-28T09:30');
    await scrollToField(page, 'image');
    await formField(page, 'image')
      .locator('input[type="file"]')
      .first()
      .setInputFiles(path.join(FIXTURE_SITE, 'world', 'reference-story.jpg'));
    await expect(formField(page, 'image')).toContainText('reference-story.jpg');
    await formField(page, 'imageAlt').locator('input').fill('Delegates around a table');
    await scrollToField(page, 'body');
    await formField(page, 'body').locator('[contenteditable="true"]').click();
    await page.keyboard.type('Negotiators met again on Monday, officials said.');
    await page.getByRole('button', { name: 'Save' }).click();

    // One reading of the folder, once the save is whole: a reading in between can meet it still writing.
    const pictureSize = `${readFileSync(path.join(FIXTURE_SITE, 'world', 'reference-story.jpg')).length} bytes`;
    const expected = [
      '---',
      'title: Ceasefire talks resume in Doha',
      'draft: true',
      'date: 2024-10-28T09:30:00',
      'image: reference-story.jpg',
      'imageAlt: Delegates around a table',
      'featured: false',
      '---',
      '',
      'Negotiators met again on Monday, officials said.',
      '',
    ].join('\n');
    let story = '';
    await expect
      .poll(async () => {
        const files = await worldFolder(page);
        story = files['ceasefire-talks-resume-in-doha.md'] ?? '';
        return [Object.keys(files).sort(), files['reference-story.jpg'], story];
      })
      .toEqual([['ceasefire-talks-resume-in-doha.md', 'reference-story.jpg'], pictureSize, expected]);
    const { article, problems } = parse('world/ceasefire-talks-resume-in-doha.md', story);
    expect(problems).toEqual([]);
    expect(article).toMatchObject({ draft: true, section: 'World', date: { iso: '2024-10-28T08:30:00.000Z' } });
    expect(elsewhere).toEqual([]);
    expect(refused.filter((text) => !EXPECTED_REFUSALS.some((known) => known.test(text)))).toEqual([]);
  });

  test('an old story edited in the editor keeps every field and stays published', async ({ page }) => {
    const original = readFileSync(path.join(FIXTURE_SITE, 'world', 'reference-story.md'), 'utf8');
    await openEditor(page, { 'reference-story.md': original });
    await page.evaluate(() => (location.hash = '#/collections/world/entries/reference-story'));
    const title = formField(page, 'title').locator('input');
    await expect(title).toHaveValue("North Korea readies troops for Russia's war, Seoul says");
    await title.fill('North Korea readies troops, Seoul says');
    await page.getByRole('button', { name: 'Save' }).click();
    // Read until the save is whole: the story as it was, but for its new headline, and no problem.
    const before = parse('world/reference-story.md', original).article!;
    await expect
      .poll(async () => {
        const { article: after, problems } = parse('world/reference-story.md', (await worldFolder(page))['reference-story.md'] ?? '');
        return { title: after?.title, problems, unchanged: { ...after, title: before.title } };
      })
      .toEqual({ title: 'North Korea readies troops, Seoul says', problems: [], unchanged: before });
  });
});
