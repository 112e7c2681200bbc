import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { FIXTURE_NOW, FIXTURE_SITE, ROOT } from './support/build.ts';

// The editor's loop: `npm run dev` on a content folder, files added, broken and fixed while it runs.
const port = Number(process.env.E2E_PORT ?? 4391) + 12;
const origin = `http://127.0.0.1:${port}`;
const contentDir = mkdtempSync(path.join(tmpdir(), 'dateline-dev-content-'));
const cacheDir = mkdtempSync(path.join(tmpdir(), 'dateline-dev-cache-'));
let dev: ChildProcess | undefined;
let terminal = '';

test.describe.configure({ mode: 'serial' });
// What these tests read is rendered by the server (banners, lists, the problems panel). Without scripts the
// pages load no Vite client: nothing reloads them when a file changes, and no module request makes the dev
// server optimise dependencies and reload them mid-test (the likely cause of a stall seen about once in 30 runs).
test.use({ javaScriptEnabled: false });

test.beforeAll(async () => {
  cpSync(FIXTURE_SITE, contentDir, { recursive: true });
  // `--ignore-lock`: this server is the test's own, in the foreground, beside any dev server the developer
  // runs on this project (Astro allows one per project otherwise, and may move it to the background).
  dev = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        CONTENT_DIR: contentDir,
        DATELINE_CACHE_DIR: cacheDir,
        DATELINE_NOW: FIXTURE_NOW,
        DATELINE_SKIP_CARDS: '1',
        // Short, so the file that takes the parser minutes is stopped soon (the default is for large archives).
        MAX_PARSE_SECONDS: '2',
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      },
    },
  );
  dev.stdout?.on('data', (chunk: Buffer) => (terminal += chunk.toString()));
  dev.stderr?.on('data', (chunk: Buffer) => (terminal += chunk.toString()));
  for (let attempt = 0; attempt < 120; attempt++) {
    if (await status('/')) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`astro dev did not start:\n${terminal}`);
});

test.afterAll(async () => {
  // Wait for the server to be gone, so a next run (or a repeat) starts on a free port.
  if (dev && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev!.once('exit', resolve));
    dev.kill();
    await exited;
  }
  rmSync(contentDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

/** Requests have a deadline: a request the dev server never answers fails the check instead of the whole test hanging. */
const deadline = (): { signal: AbortSignal } => ({ signal: AbortSignal.timeout(10_000) });

async function status(pagePath: string): Promise<number> {
  return fetch(`${origin}${pagePath}`, deadline()).then(
    (r) => r.status,
    () => 0,
  );
}

async function html(pagePath: string): Promise<string> {
  return fetch(`${origin}${pagePath}`, deadline()).then((r) => r.text());
}

/**
 * Opens a URL in a new tab, after closing the test's other tabs, so no earlier page is still loading; a
 * navigation that fails is tried again with a deadline.
 */
async function open(context: BrowserContext, url: string): Promise<Page> {
  await leave(context);
  for (let attempt = 1; ; attempt++) {
    const page = await context.newPage();
    try {
      await page.goto(url, { timeout: 15_000 });
      return page;
    } catch (error) {
      await page.close();
      if (attempt === 5) throw error;
    }
  }
}

/** Closes every tab, so no page is loading when a file is saved or the next page is opened. */
async function leave(context: BrowserContext): Promise<void> {
  await Promise.all(context.pages().map((page) => page.close()));
}

/**
 * Saves a file as many editors do, in two writes (empty the file, then write it), with no tab open on the
 * site (every check after a save opens its page afresh). The watcher reports the first write only, so the
 * preview must wait for the file to settle rather than read it at once (an empty file, and no second event).
 */
async function save(context: BrowserContext, file: string, text: string): Promise<void> {
  await leave(context);
  writeFileSync(file, '');
  await new Promise((resolve) => setTimeout(resolve, 30));
  writeFileSync(file, text);
}

/** Waits until the page satisfies `ready`, and records how long the dev server took after the file was saved. */
async function waitFor(label: string, since: number, ready: () => Promise<boolean>): Promise<void> {
  await expect.poll(ready, { timeout: 20_000, intervals: [100] }).toBe(true);
  const ms = Date.now() - since;
  test.info().annotations.push({ type: 'latency', description: `${label}: ${ms} ms` });
  console.log(`dev preview, ${label}: ${ms} ms after saving`);
}

const NEW_STORY = `---
title: Pyongyang sends more shells to the front
date: 2024-12-30T10:00:00
tags: [North Korea, Russia, Ukraine]
description: New shipments cross the border by rail.
---

Officials in Seoul said new shipments crossed the border by rail.
`;

test('drafts, scheduled and taken-down articles are visible in dev, under a banner, and listed on the front page', async ({ context }) => {
  let page = await open(context, `${origin}/world/draft-story/`);
  await expect(page.locator('.preview-banner')).toContainText('Draft');
  page = await open(context, `${origin}/world/scheduled-story/`);
  await expect(page.locator('.preview-banner')).toContainText('Scheduled for 01/06/2030 07h00');
  page = await open(context, `${origin}/world/recalled-story/`);
  await expect(page.locator('.preview-banner')).toContainText('Taken down on 15/12/2024 12h00 (expires)');
  page = await open(context, `${origin}/`);
  const preview = page.locator('.preview-list');
  await expect(preview.locator('a')).toHaveCount(3);
  await expect(preview).toContainText('draft');
  await expect(preview).toContainText('scheduled for 01/06/2030 07h00');
  await expect(preview).toContainText('taken down 15/12/2024 12h00');
  // A published article has no banner, and drafts stay out of the reader's lists.
  page = await open(context, `${origin}/world/reference-story/`);
  await expect(page.locator('.preview-banner')).toHaveCount(0);
  await expect(page.locator('section.related')).not.toContainText('draft', { ignoreCase: true });
});

test('a new file shows up without a restart: its page, the front page and Related', async ({ context }) => {
  const saved = Date.now();
  await save(context, path.join(contentDir, 'world', 'more-shells.md'), NEW_STORY);
  await waitFor('new article page', saved, async () => (await status('/world/more-shells/')) === 200);
  expect(await html('/')).toContain('Pyongyang sends more shells to the front');
  const page = await open(context, `${origin}/world/reference-story/`);
  await expect(page.locator('section.related')).toContainText('Pyongyang sends more shells to the front');

  const edited = Date.now();
  await save(context, path.join(contentDir, 'world', 'more-shells.md'), NEW_STORY.replace('more shells', 'rockets'));
  await waitFor('edited headline', edited, async () =>
    (await html('/world/more-shells/')).includes('Pyongyang sends rockets to the front'),
  );
});

test('an author profile saved in dev shows on its page; a broken one is named and left out, and a fix recovers', async ({ context }) => {
  mkdirSync(path.join(contentDir, 'authors'), { recursive: true });
  const profile = path.join(contentDir, 'authors', 'tom-reed.md');
  const good = '---\nname: Tom Reed\nrole: Weather correspondent\n---\n\nTom Reed writes the weather briefs.\n';
  const saved = Date.now();
  await save(context, profile, good);
  await waitFor('new profile', saved, async () => (await html('/authors/tom-reed/')).includes('Weather correspondent'));

  const broken = Date.now();
  await save(context, profile, '---\nname: Tom Reed\nrole: Weather correspondent\nlinks: [javascript:alert(1)]\n---\n');
  await waitFor('profile error panel', broken, async () => {
    const text = await html('/authors/tom-reed/');
    return text.includes('authors/tom-reed.md') && !text.includes('Weather correspondent');
  });
  const page = await open(context, `${origin}/authors/tom-reed/`);
  await expect(page.locator('[data-dev-problems]')).toContainText(
    'authors/tom-reed.md:4: links[1]: "javascript:alert(1)" is not a full web (https:, http:) or mailto: address',
  );
  // Left out while it has errors: the page is the byline's list, with no profile.
  await expect(page.locator('.author-role')).toHaveCount(0);
  await expect(page.locator('h1')).toHaveText('Tom Reed');

  const fixed = Date.now();
  await save(context, profile, good);
  await waitFor('profile after the fix', fixed, async () => (await html('/authors/tom-reed/')).includes('Weather correspondent'));
  expect(await html('/')).not.toContain('authors/tom-reed.md');
});

test('a broken file shows its errors in the browser and the terminal, the rest keeps working, and a fix recovers', async ({ context }) => {
  const broken = path.join(contentDir, 'politics', 'broken-date.md');
  const saved = Date.now();
  await save(
    context,
    broken,
    '---\ntitle: Budget talks resume\ndate: 25/10/2024 19h13\nsection: Politcs\n---\n\nTalks on the budget resumed on Friday.\n',
  );
  await waitFor('error panel', saved, async () => (await html('/')).includes('broken-date.md'));

  let page = await open(context, `${origin}/world/reference-story/`);
  await expect(page.locator('h1')).toHaveText("North Korea readies troops for Russia's war, Seoul says");
  const panel = page.locator('[data-dev-problems]');
  await expect(panel).toContainText('1 article cannot be published');
  await expect(panel).toContainText('politics/broken-date.md:3: date: "25/10/2024 19h13" is not an ISO 8601 date');
  await expect(panel).toContainText(
    'politics/broken-date.md:4: section: "Politcs" is not one of the newsroom\'s sections (did you mean "Politics"?',
  );
  expect(await status('/politics/broken-date/')).toBe(404);
  expect(terminal).toMatch(/broken-date\.md:3: date: /);

  const fixed = Date.now();
  await save(
    context,
    broken,
    '---\ntitle: Budget talks resume\ndate: 2024-10-25T19:13:00\n---\n\nTalks on the budget resumed on Friday.\n',
  );
  await waitFor('recovery after the fix', fixed, async () => (await status('/politics/broken-date/')) === 200);
  page = await open(context, `${origin}/politics/broken-date/`);
  await expect(page.locator('h1')).toHaveText('Budget talks resume');
  await expect(page.locator('[data-dev-problems]')).toHaveCount(0);
});

test('hostile files are named in the browser, the rest keeps working, and later edits still show', async ({ context }) => {
  const world = path.join(contentDir, 'world');
  const hostile = ['zero.md', 'pipe.md', 'bomb.md', 'outside-picture.md', 'slow.md', 'chart.md', 'chart.svg'].map((name) =>
    path.join(world, name),
  );
  symlinkSync('/dev/zero', hostile[0]!);
  execFileSync('mkfifo', [hostile[1]!]);
  const key = Array.from({ length: 10_000 }, (_, i) => `k${i}`).join('.');
  writeFileSync(hostile[2]!, `+++\ntitle = "Bomb"\ndate = 2024-10-25\n${key} = 1\n+++\n\nText.\n`);
  writeFileSync(hostile[3]!, '---\ntitle: Outside\ndate: 2024-10-25T10:00:00\n---\n\n![A secret](../../../../etc/passwd.png)\n');
  // Within the size and block rules, and minutes of parsing.
  writeFileSync(hostile[4]!, `---\ntitle: Slow\ndate: 2024-10-25T10:00:00\n---\n\n${`> a\n${'b\n'.repeat(999)}\n`.repeat(1000)}`);
  writeFileSync(hostile[6]!, '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect');
  writeFileSync(hostile[5]!, '---\ntitle: Chart\ndate: 2024-10-25T10:00:00\nimage: ./chart.svg\nimageAlt: A chart\n---\n\nText.\n');
  const saved = Date.now();
  await waitFor('hostile files named', saved, async () => {
    const page = await html('/');
    return ['zero.md', 'pipe.md', 'bomb.md', 'outside-picture.md', 'slow.md', 'chart.md'].every((name) => page.includes(name));
  });
  const page = await open(context, `${origin}/world/reference-story/`);
  const panel = page.locator('[data-dev-problems]');
  await expect(panel).toContainText('world/zero.md: is a symbolic link to a file outside the content folder');
  await expect(panel).toContainText('world/pipe.md: is a named pipe (FIFO), not a file');
  await expect(panel).toContainText('world/bomb.md:4: k0: nests more than 16 levels deep');
  await expect(panel).toContainText('world/outside-picture.md:6: image ../../../../etc/passwd.png');
  await expect(panel).toContainText('world/slow.md: parsing took longer than 2 s and was stopped');
  await expect(panel).toContainText('world/chart.md:4: image: "./chart.svg" cannot be drawn: XML parse error');
  await expect(page.locator('h1')).toHaveText("North Korea readies troops for Russia's war, Seoul says");

  const edited = Date.now();
  await save(context, path.join(world, 'more-shells.md'), NEW_STORY.replace('more shells', 'drones'));
  await waitFor('an edit after the hostile files', edited, async () =>
    (await html('/world/more-shells/')).includes('Pyongyang sends drones to the front'),
  );
  for (const file of hostile) rmSync(file, { force: true });
});
