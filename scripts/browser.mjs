// Finds a Chromium for the browser tests, installing Debian's when none is there.
// Playwright cannot download its own browsers on machines without open internet, so the order is:
// CHROMIUM_PATH, Debian's /usr/bin/chromium, a browser Playwright already installed, then apt-get.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The path of a usable Chromium, or undefined. */
export function findBrowser() {
  const candidates = [process.env.CHROMIUM_PATH, ...SYSTEM_CHROMIUM, playwrightChromium()];
  return candidates.find((path) => path && existsSync(path));
}

function playwrightChromium() {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

function installDebianChromium() {
  const asRoot = process.getuid?.() === 0;
  const sudo = asRoot ? [] : ['sudo', '-n'];
  const run = (args) => execFileSync(sudo[0] ?? args[0], sudo.length ? [...sudo.slice(1), ...args] : args.slice(1), { stdio: 'inherit' });
  console.log("No Chromium found: installing Debian's chromium package (apt-get).");
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', 'chromium']);
}

// Run as a script (`node scripts/browser.mjs`): make sure a browser exists, installing one if needed.
if (import.meta.url === `file://${process.argv[1]}`) {
  let path = findBrowser();
  if (!path) {
    try {
      installDebianChromium();
    } catch (error) {
      console.error(`Could not install Chromium (${error.message}). Install it yourself (apt-get install chromium) or set CHROMIUM_PATH.`);
      process.exit(1);
    }
    path = findBrowser();
  }
  if (!path) {
    console.error('No Chromium found after installing. Set CHROMIUM_PATH to a Chromium or Chrome binary.');
    process.exit(1);
  }
  console.log(`Browser tests use ${path}`);
}
