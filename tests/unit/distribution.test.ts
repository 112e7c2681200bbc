import { describe, expect, it } from 'vitest';
import { getRssString } from '@astrojs/rss';
import { channelData, escapeXml, feedItems, jsonFeed, withCreators, type FeedArticle, type FeedItem } from '../../src/lib/feeds.ts';
import type { ArticleEntry } from '../../src/lib/newsroom.ts';
import { lastmodFromHtml, newsSitemap } from '../../src/lib/sitemaps.ts';
import { newsArticle, profilePage, serializeJsonLd } from '../../src/lib/structured-data.ts';
import { testArticle } from './support/articles.ts';

function entry(slug: string, iso: string, extra: Partial<FeedArticle> = {}): ArticleEntry<FeedArticle> {
  const article: FeedArticle = {
    ...testArticle(slug, iso, { title: `Title <${slug}> & "co"`, tags: ['Russia'] }),
    feedHtml: `<p>${slug}</p>`,
    excerpt: `Excerpt ${slug}`,
    corrections: [],
    ...extra,
  };
  return {
    article,
    status: 'published',
    path: `/world/${slug}/`,
    tags: [{ slug: 'russia', name: 'Russia', count: 1 }],
    authors: [],
    byline: ['Ana & Tom'],
    colour: 0,
    liveNow: false,
  };
}

const url = (path: string) => `https://x.example/news${path}`;

/** The JSON Feed of these entries, all of them. */
const jsonFeedOf = (entries: ArticleEntry<FeedArticle>[]) =>
  jsonFeed({
    title: 'T',
    description: 'D',
    language: 'en',
    homePageUrl: url('/'),
    feedUrl: url('/feed.json'),
    entries,
    count: entries.length,
    url,
  });

/** The RSS document of these items, as the site's feeds write it (@astrojs/rss, then the placeholders filled in). */
async function rssDocument(items: FeedItem[]): Promise<string> {
  const xmlns = { dc: 'http://purl.org/dc/elements/1.1/', media: 'http://search.yahoo.com/mrss/', atom: 'http://www.w3.org/2005/Atom' };
  return withCreators(await getRssString({ title: 'T', description: 'D', site: 'https://x.example/', xmlns, items }), items);
}

describe('feeds', () => {
  it('should make RSS items with absolute links, full HTML, and titles, categories and creators as HTML text', () => {
    expect(feedItems([entry('a', '2024-10-25T17:13:00.000Z', { description: 'Standfirst' })], 10, url)).toEqual([
      {
        title: 'Title &lt;a&gt; &amp; "co"',
        link: 'https://x.example/news/world/a/',
        pubDate: new Date('2024-10-25T17:13:00.000Z'),
        description: 'Standfirst',
        content: '<p>a</p>',
        categories: ['Russia'],
        customData: '<dc:creator>dateline-creator-0-0</dc:creator>',
        creators: ['Ana &amp; Tom'],
      },
    ]);
  });

  it('should write every creator as text, never as a number or markup, whatever @astrojs/rss does to custom elements', async () => {
    const items = feedItems(
      [
        { ...entry('a', '2024-10-25T17:13:00.000Z'), byline: ['007', '1e3', '0x10'] },
        { ...entry('b', '2024-10-24T17:13:00.000Z'), byline: ['<b>Ana</b> & Tom'] },
      ],
      10,
      url,
    );
    const xml = await rssDocument(items);
    expect([...xml.matchAll(/<dc:creator>(.*?)<\/dc:creator>/g)].map((match) => match[1])).toEqual([
      '007',
      '1e3',
      '0x10',
      '&amp;lt;b&amp;gt;Ana&amp;lt;/b&amp;gt; &amp;amp; Tom',
    ]);
    // A headline cannot spell a placeholder: it reaches the document escaped.
    const spelled = feedItems([entry('c', '2024-10-25T17:13:00.000Z', { title: '<dc:creator>dateline-creator-0-0</dc:creator>' })], 1, url);
    const document = withCreators(
      await getRssString({ title: 'T', description: 'D', site: 'https://x.example/', items: spelled }),
      spelled,
    );
    expect(document).toContain('<title>&amp;lt;dc:creator&amp;gt;dateline-creator-0-0&amp;lt;/dc:creator&amp;gt;</title>');
  });

  it("should give an item the story's picture as Media RSS, with its text escaped, and the JSON Feed item its image", async () => {
    const picture = {
      url: 'https://x.example/news/_astro/a.jpg?w=1&h=2',
      type: 'image/jpeg',
      width: 1200,
      height: 675,
      alt: '007 <img src=x onerror=alert(1)> & co',
    };
    const items = feedItems([entry('a', '2024-10-25T17:13:00.000Z', { picture }), entry('b', '2024-10-24T17:13:00.000Z')], 2, url);
    const document = await rssDocument(items);
    expect(document).toContain(
      '<media:content url="https://x.example/news/_astro/a.jpg?w=1&amp;h=2" medium="image" type="image/jpeg" width="1200" height="675"><media:description type="plain">007 &lt;img src=x onerror=alert(1)&gt; &amp; co</media:description></media:content>',
    );
    // Only the item with a picture of its own has one.
    expect(document.match(/<media:content /g)).toHaveLength(1);
    const feed = jsonFeedOf([entry('a', '2024-10-25T17:13:00.000Z', { picture }), entry('b', '2024-10-24T17:13:00.000Z')]);
    expect((feed.items as { image?: string }[]).map((item) => item.image)).toEqual([picture.url, undefined]);
  });

  it("should date a story's last change by its latest live update: JSON Feed's date_modified, RSS's atom:updated", async () => {
    const liveUpdates = [{ iso: '2024-10-26T09:00:00.000Z' }, { iso: '2024-10-25T20:00:00.000Z' }];
    const live = entry('live', '2024-10-25T17:13:00.000Z', { liveUpdates });
    const plain = entry('plain', '2024-10-24T17:13:00.000Z');
    const feed = jsonFeedOf([live, plain]);
    expect((feed.items as { date_modified?: string }[]).map((item) => item.date_modified)).toEqual(['2024-10-26T09:00:00.000Z', undefined]);
    const document = await rssDocument(feedItems([live, plain], 2, url));
    expect(document.match(/<atom:updated>[^<]*<\/atom:updated>/g)).toEqual(['<atom:updated>2024-10-26T09:00:00.000Z</atom:updated>']);
  });

  it("should link a channel to its list's page and name the feed's own address (atom:link rel=self)", async () => {
    const xmlns = { atom: 'http://www.w3.org/2005/Atom' };
    const customData = channelData({ language: 'en-GB', feedUrl: 'https://x.example/news/tags/a&b/rss.xml' });
    const document = await getRssString({
      title: 'T',
      description: 'D',
      site: 'https://x.example/news/tags/a&b/',
      xmlns,
      customData,
      items: [],
    });
    expect(document).toContain(
      '<link>https://x.example/news/tags/a&amp;b/</link><language>en-GB</language><atom:link href="https://x.example/news/tags/a&amp;b/rss.xml" rel="self" type="application/rss+xml"/>',
    );
  });

  it('should write the standfirst as HTML text, since readers render RSS descriptions as HTML', () => {
    const [item] = feedItems([entry('a', '2024-10-25T17:13:00.000Z', { description: '"><img src=x onerror=alert(1)> & co' })], 1, url);
    expect(item!.description).toBe('"&gt;&lt;img src=x onerror=alert(1)&gt; &amp; co');
  });

  it('should drop the characters XML cannot carry, so one article cannot break the whole feed', () => {
    const html = '<p>form\ffeed</p>';
    const [item] = feedItems(
      [entry('a', '2024-10-25T17:13:00.000Z', { title: 'bell\u0007 \ud800', description: 'nul\u0000', feedHtml: html })],
      1,
      url,
    );
    expect([item!.title, item!.description, item!.content]).toEqual(['bell ', 'nul', '<p>formfeed</p>']);
    expect(escapeXml('a\u0008b\uFFFEc')).toBe('abc');
  });

  it('should carry at most the configured number of items, newest first as given', () => {
    const entries = [
      entry('c', '2024-10-03T00:00:00.000Z'),
      entry('b', '2024-10-02T00:00:00.000Z'),
      entry('a', '2024-10-01T00:00:00.000Z'),
    ];
    expect(feedItems(entries, 2, url).map((i) => i.link)).toEqual([url('/world/c/'), url('/world/b/')]);
  });

  it('should write a JSON Feed 1.1 with dates and authors', () => {
    const feed = jsonFeed({
      title: 'T',
      description: 'D',
      language: 'en-GB',
      homePageUrl: url('/'),
      feedUrl: url('/feed.json'),
      entries: [entry('a', '2024-10-25T17:13:00.000Z', { updated: { iso: '2024-10-26T06:05:00.000Z', hasTime: true } })],
      count: 5,
      url,
    });
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      items: [{ id: url('/world/a/'), summary: 'Excerpt a', date_modified: '2024-10-26T06:05:00.000Z', authors: [{ name: 'Ana & Tom' }] }],
    });
  });

  it('should carry corrections into the feeds, escaped, and count them as modifications', () => {
    const corrected = entry('a', '2024-10-25T17:13:00.000Z', {
      corrections: [{ date: { iso: '2024-10-27T08:00:00.000Z', hasTime: true }, text: 'Troops <b>not</b> "12,000".' }],
    });
    expect(feedItems([corrected], 1, url)[0]!.content).toBe(
      '<p>a</p>\n<p><strong>Correction (2024-10-27):</strong> Troops &lt;b&gt;not&lt;/b&gt; &quot;12,000&quot;.</p>',
    );
    const feed = jsonFeedOf([corrected]);
    expect(feed).toMatchObject({ items: [{ date_modified: '2024-10-27T08:00:00.000Z' }] });
  });

  it('should escape XML', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

describe('sitemaps', () => {
  it('should list in the news sitemap only the articles of the 48 hours before the build', () => {
    const now = new Date('2025-01-03T12:00:00Z');
    const xml = newsSitemap({
      entries: [
        entry('future', '2025-01-03T13:00:00.000Z'),
        entry('fresh', '2025-01-02T09:00:00.000Z'),
        entry('old', '2025-01-01T11:00:00.000Z'),
      ],
      now,
      publication: 'Dateline & Co',
      language: 'fr-FR',
      url,
    });
    expect(xml.match(/<loc>[^<]*<\/loc>/g)).toEqual([`<loc>${url('/world/fresh/')}</loc>`]);
    expect(xml).toContain('<news:name>Dateline &amp; Co</news:name><news:language>fr</news:language>');
    expect(xml).toContain('<news:title>Title &lt;fresh&gt; &amp; &quot;co&quot;</news:title>');
    expect(xml).toContain('<news:publication_date>2025-01-02T09:00:00.000Z</news:publication_date>');
  });

  it('should read the lastmod an article page declares', () => {
    expect(lastmodFromHtml('<meta property="article:modified_time" content="2024-10-26T08:05:00+02:00">')).toBe(
      '2024-10-26T08:05:00+02:00',
    );
    expect(lastmodFromHtml('<p>no meta</p>')).toBeUndefined();
  });
});

describe('structured data', () => {
  it('should serialise JSON-LD so that no value can close the script element', () => {
    const json = serializeJsonLd({ headline: '</script><script>alert(1)</script> & \u2028\u2029' });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual({ headline: '</script><script>alert(1)</script> & \u2028\u2029' });
  });

  it('should describe a NewsArticle', () => {
    const data = newsArticle({
      type: 'NewsArticle',
      url: url('/world/a/'),
      headline: 'H',
      description: 'D',
      datePublished: '2024-10-25T19:13:00+02:00',
      dateModified: '2024-10-25T19:13:00+02:00',
      authors: [{ name: 'Ana', url: url('/authors/ana/') }, { name: 'Dateline' }],
      section: 'World',
      keywords: ['Russia', 'Ukraine'],
      publisher: { name: 'Dateline', url: url('/'), logo: url('/logo.png') },
    });
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      author: [
        { '@type': 'Person', name: 'Ana', url: url('/authors/ana/') },
        { '@type': 'Person', name: 'Dateline' },
      ],
      keywords: 'Russia, Ukraine',
      publisher: { logo: { '@type': 'ImageObject', url: url('/logo.png') } },
    });
    expect(data).not.toHaveProperty('image');
  });

  it('should describe an author page as a ProfilePage about a Person, with the pages that are also them', () => {
    const page = url('/authors/ana-lima/');
    expect(
      profilePage({
        url: page,
        name: 'Ana Lima',
        jobTitle: 'Correspondent',
        sameAs: ['https://mastodon.social/@ana'],
        image: url('/a.jpeg'),
      }),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      url: page,
      mainEntity: {
        '@type': 'Person',
        '@id': `${page}#person`,
        name: 'Ana Lima',
        url: page,
        jobTitle: 'Correspondent',
        image: url('/a.jpeg'),
        sameAs: ['https://mastodon.social/@ana'],
      },
    });
    expect(profilePage({ url: page, name: 'Ana Lima', sameAs: [] }).mainEntity).not.toHaveProperty('sameAs');
  });
});
