import { EXECUTABLE_SCRIPT } from './support/selectors.ts';
import { expect, test } from '@playwright/test';

const HOSTILE = '/culture/hostile-input/';

test.describe('an article carrying script', () => {
  test('should run nothing when read, hovered and clicked', async ({ page }) => {
    const fired: string[] = [];
    page.on('dialog', async (dialog) => {
      fired.push(dialog.message());
      await dialog.dismiss();
    });
    // A second beacon besides dialogs: any script that runs and reaches these globals is recorded.
    await page.addInitScript(() => {
      const fired: string[] = [];
      (window as unknown as { __fired: string[] }).__fired = fired;
      window.alert = () => void fired.push('alert');
      window.confirm = () => fired.push('confirm') < 0;
      window.prompt = () => String(fired.push('prompt'));
    });
    await page.goto(HOSTILE);
    for (const link of await page.locator('.story-body a, .story-body summary').all()) {
      await link.hover();
      await link.click({ noWaitAfter: true });
    }
    expect(page.url()).toMatch(/\/culture\/hostile-input\/$/);
    const fromPage = await page.evaluate(() => (window as unknown as { __fired: string[] }).__fired);
    expect([...fired, ...fromPage]).toEqual([]);
    await expect(page.locator(EXECUTABLE_SCRIPT)).toHaveCount(0);
  });

  test('should show hostile frontmatter as text', async ({ page }) => {
    await page.goto(HOSTILE);
    await expect(page.locator('h1')).toHaveText('Hostile </title><script>alert("title")</script> "quoted" headline');
    await expect(page).toHaveTitle(/^Hostile <\/title><script>/);
    await expect(page.locator('.byline')).toHaveText('By <img src=x onerror=alert("author")>');
    await expect(page.locator('.story-tags a').first()).toHaveText('"><img src=x onerror=alert(1)>');
  });

  test('should leave no handler, script URL, script-capable element or style text in the page', async ({ page }) => {
    await page.goto(HOSTILE);
    const findings = await page.evaluate(() => {
      const found: string[] = [];
      for (const element of document.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
          if (attribute.name.startsWith('on')) found.push(`${element.tagName} ${attribute.name}`);
          if (
            /^\s*(?:javascript|vbscript|data):/i.test(attribute.value) &&
            ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc'].includes(attribute.name)
          ) {
            found.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
          }
        }
      }
      for (const element of document.querySelectorAll(
        'script:not([type="application/ld+json"]), iframe, object, embed, svg, math, form, button, meta[http-equiv]:not([http-equiv="Content-Security-Policy"]), base, style, template',
      )) {
        found.push(element.tagName);
      }
      return found;
    });
    expect(findings).toEqual([]);
    const body = page.locator('.story-body');
    await expect(body).toContainText('Text before.');
    await expect(body).toContainText('Text after.');
    await expect(body).not.toContainText('display: none');
  });

  test('should keep hostile frontmatter inside the JSON-LD data, which still parses', async ({ page }) => {
    await page.goto(HOSTILE);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks).toHaveLength(1);
    const [article] = JSON.parse(blocks[0]!) as [{ headline: string; author: { name: string }[] }];
    expect(article.headline).toBe('Hostile </title><script>alert("title")</script> "quoted" headline');
    expect(article.author[0]!.name).toBe('<img src=x onerror=alert("author")>');
  });
});
