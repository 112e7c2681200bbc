import { describe, expect, it } from 'vitest';
import { isLiveNow } from '../../src/lib/article-types.ts';
import { checkArticle } from '../../src/lib/article/body-scan.ts';
import { showLiveTimes } from '../../src/lib/article/live-updates.ts';
import { parseArticle, type ArticleSource } from '../../src/lib/article/parse.ts';
import { lastModified } from '../../src/lib/dates.ts';
import { newsArticle } from '../../src/lib/structured-data.ts';
import { checkAcrossFiles } from '../../src/loaders/content-files.ts';
import { toRecord } from '../../src/loaders/parse-results.ts';

const options = { timeZone: 'Europe/Paris', sections: ['World'] };
const source = (text: string): ArticleSource => ({ file: 'content/world/live.md', relPath: 'world/live.md', bytes: Buffer.from(text) });
const live = (body: string, fields = '') =>
  `---\ntitle: Talks live\ndate: 2024-12-31T20:00:00\ntype: live\n${fields}---\n\nThe talks began tonight in Geneva, where both sides met.\n\n${body}`;

const updates = [
  '## 2024-12-31 22:15 Talks adjourn',
  '',
  'No statement tonight.',
  '',
  '## 2025-01-01 09:00 — Second session *begins*',
  '',
  'Back at nine.',
  '',
  '### A detail',
  '',
  'Part of the nine o’clock update.',
  '',
  '## 2025-01-01T10:30+00:00',
  '',
  'A time with its own offset, and no headline.',
].join('\n');

describe('live coverage: updates written in the article file', () => {
  const { article, problems } = parseArticle(source(live(updates)), options);

  it('reads each dated level-2 heading as an update, newest first, in the site zone unless an offset is written', () => {
    expect(problems).toEqual([]);
    expect(article!.liveUpdates).toEqual([
      { id: 'update-2025-01-01-1030', iso: '2025-01-01T10:30:00.000Z', headline: '' },
      { id: 'update-2025-01-01-0900', iso: '2025-01-01T08:00:00.000Z', headline: 'Second session begins' },
      { id: 'update-2024-12-31-2215', iso: '2024-12-31T21:15:00.000Z', headline: 'Talks adjourn' },
    ]);
  });

  it('shows the summary first, then each update as a section whose time links to it, newest first', () => {
    const html = article!.html;
    expect(html.indexOf('The talks began')).toBeLessThan(html.indexOf('<div class="live-updates">'));
    const order = [...html.matchAll(/<section class="live-update" aria-labelledby="([^"]+)">/g)].map((m) => m[1]);
    expect(order).toEqual(['update-2025-01-01-1030', 'update-2025-01-01-0900', 'update-2024-12-31-2215']);
    // The heading keeps its words (emphasis too) after a link to itself holding the time, filled in at render.
    expect(html).toContain(
      '<h2 id="update-2025-01-01-0900"><a href="#update-2025-01-01-0900" class="update-link"><time class="live-time" datetime="2025-01-01T08:00:00.000Z"></time></a> Second session <em>begins</em></h2>',
    );
    // What follows an update's heading, down to the next update, is that update's (a level-3 heading included).
    const nine = html.slice(html.indexOf('aria-labelledby="update-2025-01-01-0900'), html.indexOf('aria-labelledby="update-2024-12-31'));
    expect(nine).toContain('Part of the nine o’clock update.');
  });

  it('fills the times as the site writes them, when the page is rendered, as text', () => {
    expect(showLiveTimes(article!.html, (iso) => `[${iso.slice(11, 16)}] & <b>`)).toContain(
      '<time class="live-time" datetime="2025-01-01T08:00:00.000Z">[08:00] &amp; &lt;b&gt;</time>',
    );
  });

  it('keeps the footnotes after every update, and reads the excerpt in the newest update when there is no summary', () => {
    const text = `---\ntitle: T\ndate: 2024-12-31T20:00:00\ntype: live\n---\n\n## 2024-12-31 21:00 First\n\nThe first update[^1].\n\n## 2024-12-31 22:00 Second\n\nThe second update.\n\n[^1]: A note.\n`;
    const { article } = parseArticle(source(text), options);
    expect(article!.html.indexOf('data-footnotes')).toBeGreaterThan(article!.html.indexOf('The first update'));
    expect(article!.html.indexOf('The first update')).toBeGreaterThan(article!.html.indexOf('The second update'));
    expect(article!.html).toMatch(/<\/div>\n?<section data-footnotes/);
    expect(article!.excerpt).toBe('The second update.');
  });

  it('keeps the whole headline when the heading ends in spaces', () => {
    const { article } = parseArticle(source(live('## 2025-01-01 09:00 Polls close&nbsp;\n\nText.')), options);
    expect(article!.html).toContain('</a> Polls close\u00a0</h2>');
  });

  it('makes the latest update the story’s modified time', () => {
    expect(lastModified(article!)).toEqual({ iso: '2025-01-01T10:30:00.000Z', hasTime: true });
  });

  it('leaves dated headings of a story that is not live as they are', () => {
    const news = parseArticle(source(live(updates).replace('type: live\n', '')), options).article!;
    expect(news.liveUpdates).toEqual([]);
    expect(news.html).not.toContain('live-update');
  });

  it('reports an impossible time, an update before the story, two at one time, and coverageEnd on a story that is not live', () => {
    const bad = parseArticle(
      source(
        live(
          [
            '## 2024-02-30 10:00 Impossible',
            '',
            'x',
            '',
            '## 2024-12-30 10:00 Too early',
            '',
            'y',
            '',
            '## 2025-01-01 09:00 A',
            '',
            'z',
            '',
            '## 2025-01-01 09:00 B',
            '',
            'w',
          ].join('\n'),
        ),
      ),
      options,
    );
    expect(bad.article).toBeUndefined();
    expect(bad.problems.map((p) => [p.line, p.message]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [9, 'the update "2024-02-30 10:00" is not at a real date and time'],
      [13, "the update at 2024-12-30 10:00 is before the story's `date`"],
      [21, 'the update at 2025-01-01 09:00 has the same time as the update on line 17'],
    ]);
    const notLive = parseArticle(source(live('Body.', 'coverageEnd: 2025-01-01T12:00:00\n').replace('type: live\n', '')), options);
    expect(notLive.problems).toEqual([expect.objectContaining({ severity: 'warning', field: 'coverageEnd', line: 4 })]);
    const ended = parseArticle(source(live(updates, 'coverageEnd: 2025-01-01T10:00:00\n')), options);
    expect(ended.problems.map((p) => [p.severity, p.message])).toEqual([
      ['warning', 'the update at 2025-01-01T10:30+00:00 is after `coverageEnd`'],
    ]);
    expect(ended.article!.coverageEnd).toBe('2025-01-01T09:00:00.000Z');
  });

  it('is read the build’s way by npm run validate, which finds the same problems', () => {
    expect(checkArticle(source(live(updates)), options)).toBeUndefined();
    // However the type is written, a live story is never read the quick way.
    for (const type of ['"type": live', 'type: &kind live', '\'type\': "live"'])
      expect(checkArticle(source(live(updates).replace('type: live', type)), options), type).toBeUndefined();
    expect(checkArticle(source(live(updates).replace('type: live\n', '')), options)).toBeDefined();
  });
});

describe('live coverage for readers and search engines', () => {
  it('is live until its coverage ends', () => {
    const now = new Date('2025-01-01T12:00:00Z');
    expect(isLiveNow({ type: 'live' }, now)).toBe(true);
    expect(isLiveNow({ type: 'live', coverageEnd: '2025-01-01T13:00:00.000Z' }, now)).toBe(true);
    expect(isLiveNow({ type: 'live', coverageEnd: '2025-01-01T11:00:00.000Z' }, now)).toBe(false);
    expect(isLiveNow({ type: 'news' }, now)).toBe(false);
  });

  it('describes a LiveBlogPosting with its coverage times and updates', () => {
    const data = newsArticle({
      type: 'LiveBlogPosting',
      url: 'https://x.example/world/live/',
      headline: 'Talks live',
      description: 'D',
      datePublished: '2024-12-31T20:00:00+01:00',
      dateModified: '2025-01-01T11:30:00+01:00',
      authors: [],
      section: 'World',
      keywords: [],
      publisher: { name: 'P', url: 'https://x.example/', logo: 'https://x.example/logo.png' },
      live: {
        start: '2024-12-31T20:00:00+01:00',
        end: '2025-01-01T12:00:00+01:00',
        updates: [{ headline: 'Talks adjourn', url: 'https://x.example/world/live/#a', datePublished: '2024-12-31T22:15:00+01:00' }],
      },
    });
    expect(data).toMatchObject({
      coverageStartTime: '2024-12-31T20:00:00+01:00',
      coverageEndTime: '2025-01-01T12:00:00+01:00',
      liveBlogUpdate: [
        {
          '@type': 'BlogPosting',
          headline: 'Talks adjourn',
          url: 'https://x.example/world/live/#a',
          datePublished: '2024-12-31T22:15:00+01:00',
        },
      ],
    });
  });
});

describe('live coverage gone quiet: a story still marked "Live now" long after its last update', () => {
  const record = (text: string, relPath = 'world/live.md') =>
    toRecord({ file: `content/${relPath}`, relPath }, 'sha', new Map(), parseArticle(source(text), options)).article!;
  const at = (iso: string) => new Date(iso);
  const quiet = (text: string, now: string) => checkAcrossFiles([record(text)], [], at(now), 6).filter((p) => p.field === 'coverageEnd');

  it('warns, from the record a build or validate keeps, once the newest update is two days old', () => {
    expect(quiet(live(updates), '2025-01-03T10:29:00Z')).toEqual([]);
    expect(quiet(live(updates), '2025-01-05T12:00:00Z')).toEqual([
      {
        severity: 'warning',
        file: 'content/world/live.md',
        field: 'coverageEnd',
        message: 'the story is still marked "Live now", but its latest update is 4 days old',
        hint: expect.stringContaining('add coverageEnd with the time of the last update'),
      },
    ]);
  });

  it('names the latest update by its headline, and counts from the date of a live story with no update yet', () => {
    const named = quiet(live(updates.split('## 2025-01-01T10:30')[0]!), '2025-01-05T12:00:00Z');
    expect(named[0]?.message).toBe('the story is still marked "Live now", but its latest update ("Second session begins") is 4 days old');
    const [warning] = quiet(live('No update yet.'), '2025-01-10T00:00:00Z');
    expect(warning?.message).toBe('the story is still marked "Live now", but it has had no update in the 9 days since its date');
  });

  it('says nothing once coverage has ended, of a story that is not live, or of one not published yet', () => {
    expect(quiet(live(updates, 'coverageEnd: 2025-01-01T11:00:00\n'), '2026-01-01T00:00:00Z')).toEqual([]);
    expect(quiet(live(updates).replace('type: live\n', ''), '2026-01-01T00:00:00Z')).toEqual([]);
    expect(quiet(live(updates, 'draft: true\n'), '2026-01-01T00:00:00Z')).toEqual([]);
    expect(quiet(live(updates), '2024-12-31T10:00:00Z')).toEqual([]);
  });
});

describe('live coverage written nearly right', () => {
  const problemsOf = (body: string) =>
    parseArticle(source(live(body)), options).problems.map(({ severity, line, message }) => ({ severity, line, message }));

  it('warns of a level-2 heading that starts with a date but is not an update, whose text would join the update above', () => {
    const body = [
      '## 2024-12-31 21:00 First',
      '',
      'Text.',
      '',
      '## 2024-12-31, 21:30 Comma',
      '',
      '## 31/12/2024 22:00 European date',
      '',
      '## 2024-12-31 22:30—No space',
      '',
      'Text.',
    ].join('\n');
    expect(problemsOf(body)).toEqual([
      {
        severity: 'warning',
        line: 13,
        message:
          'the heading "2024-12-31, 21:30 Comma" starts with a date but is not an update, so its text is part of the update above it',
      },
      {
        severity: 'warning',
        line: 15,
        message:
          'the heading "31/12/2024 22:00 European date" starts with a date but is not an update, so its text is part of the update above it',
      },
    ]);
    expect(parseArticle(source(live(body)), options).article!.liveUpdates.map((u) => u.headline)).toEqual(['No space', 'First']);
  });

  it('refuses two updates in one minute, however many seconds apart', () => {
    const [problem] = problemsOf('## 2024-12-31 21:00 One\n\nText.\n\n## 2024-12-31 21:00:30 Two\n\nText.');
    expect(problem?.message).toContain('has the same time as the update on line 13');
  });

  it("keeps a footnote's number out of an update's headline", () => {
    const { article } = parseArticle(source(live('## 2024-12-31 21:00 Talks end[^1]\n\nText.\n\n[^1]: As reported.')), options);
    expect(article!.liveUpdates[0]?.headline).toBe('Talks end');
    expect(article!.html).toContain('data-footnote-ref');
  });

  it('warns of a latest update after the build (a slip of the year), from the record a build keeps', () => {
    const text = live('## 2042-12-31 21:00 Talks end\n\nText.');
    const record = toRecord(
      { file: 'content/world/live.md', relPath: 'world/live.md' },
      'sha',
      new Map(),
      parseArticle(source(text), options),
    ).article!;
    const [warning] = checkAcrossFiles([record], [], new Date('2025-01-02T00:00:00Z'), 6);
    expect(warning).toMatchObject({
      severity: 'warning',
      message: 'its latest update ("Talks end") is dated 2042-12-31T20:00:00.000Z, after this build',
    });
  });
});
