import type { APIRoute, GetStaticPaths } from 'astro';
import { getNewsroom, type Entry } from '../../data/newsroom.ts';
import { buildCards, skipCards } from '../../cards/cards.ts';
import type { CardContent } from '../../lib/social-card.ts';
import { formatDate } from '../../lib/dates.ts';
import { site } from '../../site.config.ts';

// A 1200×630 card for every article without its own picture, for link previews (og:image).
export const getStaticPaths = (async () => {
  // DATELINE_SKIP_CARDS=1 (previews, benchmarks): no cards; pages then point og:image at the logo.
  if (skipCards()) return [];
  const { articles } = await getNewsroom();
  const withCards = articles.filter((entry) => !entry.article.image);
  // `astro dev` serves each card from here when asked, drawing only the cards someone looks at.
  if (import.meta.env.DEV) return withCards.map((entry) => ({ params: { slug: entry.article.slug }, props: { entry } }));
  // A build queues every missing card now, before any page renders, so they are drawn on every core
  // meanwhile, and publishes them at its end (src/integrations/social-cards.ts).
  buildCards().prepare(withCards.map((entry) => ({ name: `${entry.article.slug}.png`, content: cardContent(entry) })));
  return [];
}) satisfies GetStaticPaths;

function cardContent({ article }: Entry): CardContent {
  return {
    title: article.title,
    section: article.section,
    date: formatDate(article.date.iso, article.date.hasTime ? site.dateTimePattern : site.datePattern, site.timeZone, site.locale),
    publisher: site.publisher,
  };
}

export const GET: APIRoute<{ entry: Entry }> = async ({ props: { entry } }) => {
  const png = await buildCards().png(cardContent(entry));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
