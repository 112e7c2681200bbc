import { describe, expect, it } from 'vitest';
import { withAbsoluteUrls } from '../../src/lib/feed-html.ts';

const PAGE = 'https://x.example/news/politics/election-live/';

describe('withAbsoluteUrls', () => {
  it("should lead an in-page link (a live update's, a footnote's, a heading's) to that place on the article's page", () => {
    const body = [
      '<h2><a href="#update-2024-11-06-0100" class="update-link">01h00</a></h2>',
      '<p>Text<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="">1</a></sup> and <a href="#the-end">the end</a>.</p>',
    ].join('\n');
    expect(withAbsoluteUrls(body, PAGE)).toBe(
      [
        `<h2><a href="${PAGE}#update-2024-11-06-0100" class="update-link">01h00</a></h2>`,
        `<p>Text<sup><a href="${PAGE}#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="">1</a></sup> and <a href="${PAGE}#the-end">the end</a>.</p>`,
      ].join('\n'),
    );
  });

  it('should lead a site path, a site-root picture and a quote source where they lead on the page', () => {
    const body = '<p><a href="/world/a/">a</a> <img src="/images/x.jpg" alt="x"> <q cite="../b/">b</q></p>';
    expect(withAbsoluteUrls(body, PAGE)).toBe(
      '<p><a href="https://x.example/world/a/">a</a> <img src="https://x.example/images/x.jpg" alt="x"> <q cite="https://x.example/news/politics/b/">b</q></p>',
    );
  });

  it('should leave web links, mail links and text that only looks like a link as written', () => {
    const body = '<p><a href="https://example.org/#x">w</a> <a href="mailto:desk@x.example">m</a> <code>&#x3C;a href="#x"></code></p>';
    expect(withAbsoluteUrls(body, PAGE)).toBe(body);
    const quoted = '<p>She wrote <code>href="#top"</code> by hand.</p>';
    expect(withAbsoluteUrls(quoted, PAGE)).toBe(quoted);
  });
});
