import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../src/lib/article/body-scan.ts';
import { parseArticle, type ArticleSource } from '../../src/lib/article/parse.ts';

const options = { timeZone: 'Europe/Paris', sections: ['World'] };
const source = (body: string): ArticleSource => ({
  file: 'content/world/moved.md',
  relPath: 'world/moved.md',
  bytes: Buffer.from(`---\ntitle: Moved from the old site\ndate: 2024-10-25T19:13:00\n---\n\nThe council voted on Tuesday.\n\n${body}\n`),
});
const warnings = (body: string) =>
  parseArticle(source(body), options).problems.map(({ severity, line, message, hint }) => ({ severity, line, message, hint }));

describe('Hugo shortcodes and Liquid tags brought from another site generator', () => {
  it('warns of each, with its line and what to write instead, wherever the parser splits it', () => {
    const body = ['{{< youtube w7Ft2ymGmfc >}}', '', 'See {{<vimeo id="76979871">}} and', '{% include note.html text="x" %}'].join('\n');
    expect(warnings(body)).toEqual([
      {
        severity: 'warning',
        line: 8,
        message: 'the Hugo shortcode {{< youtube w7Ft2ymGmfc >}} is published as written: Dateline runs no shortcodes',
        hint: 'write the video as <iframe src="https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc" title="what it shows"></iframe>',
      },
      {
        severity: 'warning',
        line: 10,
        message: 'the Hugo shortcode {{<vimeo id="76979871">}} is published as written: Dateline runs no shortcodes',
        hint: 'write the video as <iframe src="https://player.vimeo.com/video/76979871" title="what it shows"></iframe>',
      },
      {
        severity: 'warning',
        line: 11,
        message: 'the Liquid tag {% include note.html text="x" %} is published as written: Dateline runs no templates',
        hint: 'replace it with the Markdown or HTML it stood for, or remove it',
      },
    ]);
  });

  it("finds Liquid in a link's address, says a closing tag with its opening one, and shortens a long tag", () => {
    const body = [
      '[Budget]({{site.baseurl}}/2019/budget/)',
      '',
      `{% highlight ruby %}\nx = 1\n{% endhighlight %}`,
      '',
      `{{< figure src="${'a'.repeat(80)}.jpg" >}}`,
    ].join('\n');
    const found = warnings(body);
    expect(found.map((w) => [w.line, w.message.split(' is published')[0]])).toEqual([
      [8, 'the Liquid tag {{site.baseurl}}'],
      [10, 'the Liquid tag {% highlight ruby %}'],
      [14, `the Hugo shortcode {{< figure src="${'a'.repeat(43)}…`],
    ]);
    expect(found[2]?.hint).toBe('write the picture as ![what it shows](./photo.jpg), with the file beside the article');
  });

  it('leaves code alone, and braces that are no template', () => {
    const body = [
      '```',
      '{{< youtube shownOnPurpose >}}',
      '```',
      '',
      'Write `{% include x %}` in Jekyll; a {{ placeholder }} or {{ 1 + 1 }} is text.',
    ].join('\n');
    expect(warnings(body)).toEqual([]);
  });

  it("is read the build's way by npm run validate, so both report the same", () => {
    expect(checkArticle(source('{{< youtube w7Ft2ymGmfc >}}'), options)).toBeUndefined();
    expect(checkArticle(source('Plain text with a {{ placeholder }}.'), options)?.problems).toEqual([]);
  });
});
