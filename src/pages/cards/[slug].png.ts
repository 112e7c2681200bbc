import type { APIRoute, GetStaticPaths } from 'astro';
import { getNewsroom, type Entry } from '../../data/newsroom.ts';
import { skipCards, socialCardPng } from '../../data/social-cards.ts';
import { formatDate } from '../../lib/dates.ts';
import { site } from '../../site.config.ts';

// A 1200×630 card for every article without its own picture, for link previews (og:image).
export const getStaticPaths = (async () => {
  // DATELINE_SKIP_CARDS=1 (previews, benchmarks): no cards; pages then point og:image at the logo.
  if (skipCards()) return [];
  const { articles } = await getNewsroom();
  return articles.filter((entry) => !entry.article.image).map((entry) => ({ params: { slug: entry.article.slug }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: Entry }> = async ({ props: { entry } }) => {
  const { article } = entry;
  const png = await socialCardPng(
    {
      title: article.title,
      section: article.section,
      date: formatDate(article.date.iso, article.date.hasTime ? site.dateTimePattern : site.datePattern, site.timeZone, site.locale),
      publisher: site.publisher,
    },
    console.warn,
  );
  return new Response(Buffer.from(png), { headers: { 'Content-Type': 'image/png' } });
};
