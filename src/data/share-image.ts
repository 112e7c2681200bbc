import { getImage } from 'astro:assets';
import { skipCards } from '../cards/cards.ts';
import { jpegOptions } from '../lib/picture-format.ts';
import { cardPath } from '../lib/urls.ts';
import type { Article, Profile } from './newsroom.ts';
import { siteUrl } from './site-url.ts';

/** A picture as link previews and feed readers fetch it: an absolute URL and its size. */
export interface SharedPicture {
  url: string;
  type: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
}

/** Each article's picture, worked out once per build: its page and every feed listing it ask for it. */
const heroPictures = new WeakMap<Article, Promise<SharedPicture | undefined>>();

/** The article's own picture, at most 1200 pixels wide as JPEG (what previews and readers take everywhere), if it has one. */
export function heroPicture(article: Article): Promise<SharedPicture | undefined> {
  let picture = heroPictures.get(article);
  if (!picture) heroPictures.set(article, (picture = makeHeroPicture(article)));
  return picture;
}

async function makeHeroPicture(article: Article): Promise<SharedPicture | undefined> {
  if (!article.image) return undefined;
  const image = await getImage({ src: article.image.src, ...jpegOptions(article.image.src, 1200) });
  return {
    // Astro's image URL carries the base path already: resolved against the origin, not joined to the base.
    url: new URL(image.src, import.meta.env.SITE).href,
    type: 'image/jpeg',
    width: Number(image.attributes.width),
    height: Number(image.attributes.height),
  };
}

/** What a link to the article shows: its own picture, else its social card (the logo when cards are off). */
export async function sharedPicture(article: Article): Promise<SharedPicture> {
  return (
    (await heroPicture(article)) ??
    (skipCards()
      ? { url: siteUrl('/logo.png'), type: 'image/png', width: 600, height: 60 }
      : { url: siteUrl(cardPath(article.slug)), type: 'image/png', width: 1200, height: 630 })
  );
}

/** An author's portrait as search engines take it (a `Person`'s `image`): at most 400 pixels wide as JPEG. */
export async function portraitUrl(photo: NonNullable<Profile['photo']>): Promise<string> {
  const image = await getImage({ src: photo.src, ...jpegOptions(photo.src, 400) });
  return new URL(image.src, import.meta.env.SITE).href;
}
