import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_NOW, FIXTURE_SITE, ROOT } from './support/build.ts';

// The editor's loop: `npm run dev` on a content folder, files added, broken and fixed while it runs.
const port = Number(process.env.E2E_PORT ?? 4391) + 12;
const origin = `http://127.0.0.1:${port}`;
const contentDir = mkdtempSync(path.join(tmpdir(), 'dateline-dev-content-'));
const cacheDir = mkdtempSync(path.join(tmpdir(), 'dateline-dev-cache-'));
let dev: ChildProcess | undefined;
let terminal = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  cpSync(FIXTURE_SITE, contentDir, { recursive: true });
  dev = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        CONTENT_DIR: contentDir,
        DATELINE_CACHE_DIR: cacheDir,
        DATELINE_NOW: FIXTURE_NOW,
        DATELINE_SKIP_CARDS: '1',
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

test.afterAll(() => {
  dev?.kill();
  rmSync(contentDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

async function status(pagePath: string): Promise<number> {
  return fetch(`${origin}${pagePath}`).then(
    (r) => r.status,
    () => 0,
  );
}

async function html(pagePath: string): Promise<string> {
  return fetch(`${origin}${pagePath}`).then((r) => r.text());
}

/**
 * Goes to a URL. The dev server tells open pages to reload when content changes (or when it has optimised
 * a dependency the first pages needed), and a reload racing the navigation aborts it: try again.
 */
async function go(page: Page, url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(url);
      return;
    } catch (error) {
      if (attempt === 5) throw error;
      await page.waitForTimeout(200);
    }
  }
}

/**
 * Saves a file as an editor would. A reload racing the test's next navigation can stall it, so the browser
 * leaves the site first (the page may itself be reloading after the previous save), and every check after
 * a save loads its page afresh.
 */
async function save(page: Page, file: string, text: string): Promise<void> {
  await go(page, 'about:blank');
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

test('drafts and scheduled articles are visible in dev, under a banner, and listed on the front page', async ({ page }) => {
  await go(page, `${origin}/world/draft-story/`);
  await expect(page.locator('.preview-banner')).toContainText('Draft');
  await go(page, `${origin}/world/scheduled-story/`);
  await expect(page.locator('.preview-banner')).toContainText('Scheduled for 01/06/2030 07h00');
  await go(page, `${origin}/`);
  const preview = page.locator('.preview-list');
  await expect(preview.locator('a')).toHaveCount(2);
  await expect(preview).toContainText('draft');
  await expect(preview).toContainText('scheduled for 01/06/2030 07h00');
  // A published article has no banner, and drafts stay out of the reader's lists.
  await go(page, `${origin}/world/reference-story/`);
  await expect(page.locator('.preview-banner')).toHaveCount(0);
  await expect(page.locator('section.related')).not.toContainText('draft', { ignoreCase: true });
});

test('a new file shows up without a restart: its page, the front page and Related', async ({ page }) => {
  const saved = Date.now();
  await save(page, path.join(contentDir, 'world', 'more-shells.md'), NEW_STORY);
  await waitFor('new article page', saved, async () => (await status('/world/more-shells/')) === 200);
  expect(await html('/')).toContain('Pyongyang sends more shells to the front');
  await page.goto(`${origin}/world/reference-story/`);
  await expect(page.locator('section.related')).toContainText('Pyongyang sends more shells to the front');

  const edited = Date.now();
  await save(page, path.join(contentDir, 'world', 'more-shells.md'), NEW_STORY.replace('more shells', 'rockets'));
  await waitFor('edited headline', edited, async () =>
    (await html('/world/more-shells/')).includes('Pyongyang sends rockets to the front'),
  );
});

test('a broken file shows its errors in the browser and the terminal, the rest keeps working, and a fix recovers', async ({ page }) => {
  const broken = path.join(contentDir, 'politics', 'broken-date.md');
  const saved = Date.now();
  await save(page, broken, '---\ntitle: Budget talks resume\ndate: 25/10/2024 19h13\n---\n\nTalks resumed.\n');
  await waitFor('error panel', saved, async () => (await html('/')).includes('broken-date.md'));

  await page.goto(`${origin}/world/reference-story/`);
  await expect(page.locator('h1')).toHaveText("North Korea readies troops for Russia's war, Seoul says");
  const panel = page.locator('[data-dev-problems]');
  await expect(panel).toContainText('1 article cannot be published');
  await expect(panel).toContainText('politics/broken-date.md:3: date: "25/10/2024 19h13" is not an ISO 8601 date');
  expect(await status('/politics/broken-date/')).toBe(404);
  expect(terminal).toMatch(/broken-date\.md:3: date: /);

  const fixed = Date.now();
  await save(page, broken, '---\ntitle: Budget talks resume\ndate: 2024-10-25T19:13:00\n---\n\nTalks resumed.\n');
  await waitFor('recovery after the fix', fixed, async () => (await status('/politics/broken-date/')) === 200);
  await page.goto(`${origin}/politics/broken-date/`);
  await expect(page.locator('h1')).toHaveText('Budget talks resume');
  await expect(page.locator('[data-dev-problems]')).toHaveCount(0);
});
