import { EXECUTABLE_SCRIPT } from './support/selectors.ts';
import { expect, test } from '@playwright/test';
import { site } from '../../src/site.config.ts';

const REFERENCE = '/world/reference-story/';

test.describe('article page', () => {
  test('should show every part of the story, in the outlet order', async ({ page }) => {
    await page.goto(REFERENCE);
    const story = page.locator('article.story');

    const section = story.locator('.kicker a');
    await expect(section).toHaveText('World');
    await expect(section).toHaveAttribute('href', '/world/');
    await expect(page.locator('h1')).toHaveText("North Korea readies troops for Russia's war, Seoul says");
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(story.locator('.standfirst')).toHaveText(
      "South Korea's spy agency estimates 12,000 soldiers are being prepared for deployment.",
    );
    await expect(story.locator('.byline')).toHaveText('By Ana Lima and Tom Reed');
    await expect(story.locator('.byline a')).toHaveText(['Ana Lima', 'Tom Reed']);

    const published = story.locator('.times time').first();
    await expect(published).toHaveText('25/10/2024 19h13');
    await expect(published).toHaveAttribute('datetime', '2024-10-25T19:13:00+02:00');
    await expect(story.locator('.updated')).toContainText('Updated 26/10/2024 08h05');

    const hero = story.locator('figure.hero');
    await expect(hero.locator('img')).toHaveAttribute('alt', 'A stylised map of north-east Asia with arrows pointing west');
    await expect(hero.locator('img')).toHaveAttribute('width', /\d+/);
    await expect(hero.locator('img')).toHaveAttribute('height', /\d+/);
    expect(await hero.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(hero.locator('figcaption')).toContainText("Troop movements as described by Seoul's intelligence service.");
    await expect(hero.locator('figcaption .credit')).toHaveText('Illustration: Dateline');

    const body = story.locator('.story-body');
    await expect(body.locator('h2#sightings-in-kursk')).toHaveText('Sightings in Kursk');
    await expect(body.locator('a[href="#sightings-in-kursk"]')).toHaveCount(1);
    await expect(body.locator('blockquote')).toContainText('Such a deployment would be lawful');

    await expect(story.locator('.story-tags a')).toHaveText(['North Korea', 'Russia', 'Kim Jong Un', 'Ukraine']);
    await expect(story.locator('.story-tags a').first()).toHaveAttribute('href', '/tags/north-korea/');
    await expect(story.locator('.disclaimer')).toContainText('Dateline reports are written by our newsroom');
    // Once on the page, with the corrections contact; the footer has the contact, not the disclaimer again.
    expect((await page.locator('body').innerText()).split('Dateline reports are written by our newsroom').length - 1).toBe(1);
    await expect(story.locator('.disclaimer a')).toHaveAttribute('href', 'mailto:corrections@dateline.example.org');
    await expect(page.locator('footer .corrections-link')).toHaveText('corrections@dateline.example.org');

    // The order of the parts on the page, top to bottom.
    const order = ['.kicker', 'h1', '.standfirst', '.byline', '.times', 'figure.hero', '.story-body', '.story-tags', '.disclaimer'];
    const tops = await Promise.all(
      order.map((selector) =>
        story
          .locator(selector)
          .first()
          .evaluate((el) => el.getBoundingClientRect().top),
      ),
    );
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    const relatedTop = await page.locator('section.related').evaluate((el) => el.getBoundingClientRect().top);
    expect(relatedTop).toBeGreaterThan(tops.at(-1)!);
  });

  test('should rank Related by shared rare tags and explain each link', async ({ page }) => {
    await page.goto(REFERENCE);
    const related = page.locator('section.related');
    await expect(related.getByRole('heading', { name: 'Related' })).toBeVisible();
    await expect(related.locator('ol > li > a')).toHaveText([
      'Kim and Putin sign defence pact in Pyongyang',
      "Ukrainian forces push into Russia's Kursk region",
      'Seoul briefs lawmakers on troop intelligence',
      'EU agrees new sanctions package against Moscow',
    ]);
    const first = related.locator('ol > li').first();
    await expect(first.locator('.shared-tags')).toContainText('Kim Jong Un · North Korea · Russia');
    await expect(first.locator('.section-label')).toHaveText('World');
    await expect(first.locator('time')).toHaveText('19/06/2024 14h00');
    await expect(related.locator('ol > li').nth(2).locator('.section-label')).toHaveText('Politics');
    // Four articles share a tag, so one newest World story fills the fifth place, in its own list.
    await expect(page.locator('section.more-in-section li a')).toHaveText(['Weather brief number 15']);
  });

  test('should follow with More in section when no article shares a tag', async ({ page }) => {
    await page.goto('/culture/film-festival/');
    await expect(page.locator('section.related')).toHaveCount(0);
    const more = page.locator('section.more-in-section');
    await expect(more.getByRole('heading', { name: 'More in Culture' })).toBeVisible();
    await expect(more.locator('li > a')).toHaveText(['City museum reopens after five-year restoration', /^Hostile/]);
  });

  test('should label an opinion piece and print the disclaimer configured for its type', async ({ page }) => {
    await page.goto('/culture/film-festival/');
    await expect(page.locator('.story .kicker .type-label')).toHaveText('Opinion');
    await expect(page.locator('.story .disclaimer')).toHaveText(`${site.typeDisclaimers.opinion!} ${site.corrections}`);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!) as { '@type': string }[];
    expect(jsonLd.map((item) => item['@type'])).toContain('OpinionNewsArticle');
    // News is the default: no label, the outlet's own line.
    await page.goto(REFERENCE);
    await expect(page.locator('.story .type-label')).toHaveCount(0);
    await expect(page.locator('.story .disclaimer')).toHaveText(`${site.disclaimer} ${site.corrections}`);
    // Lists carry the label too.
    await page.goto('/culture/');
    await expect(page.locator('.card', { hasText: 'Festival crowns a quiet family drama' }).locator('.type-label')).toHaveText('Opinion');
  });

  test('should not publish drafts or scheduled articles, nor list them anywhere', async ({ page, request }) => {
    expect((await request.get('/world/draft-story/')).status()).toBe(404);
    expect((await request.get('/world/scheduled-story/')).status()).toBe(404);
    for (const path of ['/', REFERENCE, '/tags/north-korea/', '/world/']) {
      await page.goto(path);
      await expect(page.getByText('Unfinished draft')).toHaveCount(0);
      await expect(page.getByText('Embargoed report')).toHaveCount(0);
    }
  });

  test('should treat differently spelt tags as one tag with its most used spelling', async ({ page }) => {
    await page.goto('/tags/north-korea/');
    await expect(page.locator('h1')).toHaveText('North Korea');
    await expect(page.locator('.card-title a')).toHaveText([
      "North Korea readies troops for Russia's war, Seoul says",
      'Seoul briefs lawmakers on troop intelligence',
      'Kim and Putin sign defence pact in Pyongyang',
    ]);
  });

  test('should have landmarks, a skip link, the language and no script', async ({ page }) => {
    await page.goto(REFERENCE);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
    await expect(page.locator('header.site-header')).toHaveCount(1);
    await expect(page.locator('main#main')).toHaveCount(1);
    await expect(page.locator('footer.site-footer')).toHaveCount(1);
    await expect(page.getByRole('navigation', { name: 'Sections' }).locator('a[aria-current]')).toHaveText('World');
    await page.keyboard.press('Tab');
    await expect(page.locator('.skip-link')).toBeFocused();
    await expect(page.locator('.skip-link')).toBeVisible();
    await expect(page.locator(EXECUTABLE_SCRIPT)).toHaveCount(0);
  });
});

test('a correction shows as a dated box at the end of the article and counts as its last modification', async ({ page }) => {
  await page.goto('/politics/sanctions-package/');
  const box = page.locator('aside.corrections');
  await expect(box).toHaveText('Correction (21/10/2024 09h30): An earlier version of this article called it the fourteenth package.');
  const disclaimerTop = await page.locator('.disclaimer').evaluate((el) => el.getBoundingClientRect().top);
  expect(await box.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(disclaimerTop);
  await expect(page.locator('meta[property="article:modified_time"]')).toHaveAttribute('content', '2024-10-21T09:30:00+02:00');
  const [article] = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(article.dateModified).toBe('2024-10-21T09:30:00+02:00');
});
