// `npm run screenshots`: pictures of the built sample site for the README, from a real build.
// Builds dist/, serves it with `astro preview`, and saves PNGs to docs/ in light and dark schemes.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { findBrowser } from './browser.mjs';

const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.SCREENSHOT_PORT ?? 4399);
const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const shots = [
  { name: 'article-light', path: '/world/north-korea-troops-russia/', colorScheme: 'light' },
  { name: 'article-dark', path: '/world/north-korea-troops-russia/', colorScheme: 'dark' },
  { name: 'home-light', path: '/', colorScheme: 'light' },
  { name: 'home-dark', path: '/', colorScheme: 'dark' },
] as const;

const build = spawnSync(process.execPath, [astro, 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const server = spawn(process.execPath, [astro, 'preview', '--port', String(port)], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
try {
  const executablePath = findBrowser();
  const browser = await chromium.launch({ ...(executablePath && { executablePath }), args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1200, height: 1500 }, deviceScaleFactor: 1 });
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(`http://localhost:${port}/`);
      break;
    } catch (error) {
      if (attempt > 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  for (const shot of shots) {
    await page.emulateMedia({ colorScheme: shot.colorScheme });
    await page.goto(`http://localhost:${port}${shot.path}`);
    // Wait for the pictures in view; lazy ones below the fold never load in a screenshot.
    await page.evaluate(() =>
      Promise.all([...document.images].filter((img) => img.loading !== 'lazy').map((img) => img.decode().catch(() => undefined))),
    );
    const file = path.join(root, 'docs', `${shot.name}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${path.relative(root, file)}`);
  }
  await browser.close();
} finally {
  server.kill();
}
