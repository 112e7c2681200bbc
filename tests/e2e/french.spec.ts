import type { Server } from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { buildSite, FIXTURE_SITE } from './support/build.ts';
import { serveStatic } from './support/serve.ts';

// The same fixture site, built with the French dictionary: interface strings, dates and <html lang>.
const port = Number(process.env.E2E_PORT ?? 4391) + 2;
const origin = `http://127.0.0.1:${port}`;
let server: Server;

test.beforeAll(async () => {
  const build = buildSite({ contentDir: FIXTURE_SITE, env: { SITE_LOCALE: 'fr-FR' } });
  expect(build.status, build.output).toBe(0);
  server = await serveStatic(build.outDir, port);
});

test.afterAll(() => {
  server?.close();
});

test('the article page speaks French', async ({ page }) => {
  await page.goto(`${origin}/world/reference-story/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-FR');
  await expect(page.locator('.skip-link')).toHaveText('Aller au contenu');
  await expect(page.locator('.byline')).toHaveText('Par Ana Lima et Tom Reed');
  await expect(page.locator('.times time').first()).toHaveText('25/10/2024 19h13');
  await expect(page.locator('.updated')).toContainText('Mis à jour le 26/10/2024 08h05');
  await expect(page.locator('.reading-time')).toContainText('min de lecture');
  await expect(page.locator('section.related h2')).toHaveText('Sur le même sujet');
  await expect(page.locator('section.more-in-section h2')).toHaveText('Plus dans World');
  await expect(page.getByRole('navigation', { name: "Fil d'Ariane" }).locator('li').first()).toHaveText('Accueil');
});

test('lists, archive and the 404 page speak French', async ({ page }) => {
  await page.goto(`${origin}/world/`);
  await expect(page.locator('.listing-header .kicker')).toHaveText('Rubrique');
  await expect(page.locator('.listing-header .meta')).toHaveText('Page 1 sur 2');
  await expect(page.getByRole('link', { name: /Plus anciens/ })).toHaveAttribute('href', '/world/page/2/');
  await page.goto(`${origin}/archive/`);
  await expect(page.locator('h1')).toHaveText('Archives');
  await expect(page.locator('.archive-year .count-list li').first()).toHaveText('décembre 2024 1 article');
  await page.goto(`${origin}/archive/2024/11/`);
  await expect(page.locator('h1')).toHaveText('novembre 2024');
  const response = await page.goto(`${origin}/nulle/part/`);
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page introuvable');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});
