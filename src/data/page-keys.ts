import { pageKeys, type PageKeys } from '../lib/page-keys.ts';
import { site } from '../site.config.ts';
import { getNewsroom, type Article } from './newsroom.ts';
import { skipCards } from '../cards/cards.ts';

let keys: Promise<PageKeys<Article>> | undefined;

/** The incremental build's page keys (lib/page-keys.ts), computed once per build from the newsroom. */
export function getPageKeys(): Promise<PageKeys<Article>> {
  if (!keys || import.meta.env.DEV) {
    keys = getNewsroom().then((newsroom) =>
      pageKeys(
        newsroom,
        // Settings read from the environment (the locale) and build switches are not in the code Astro hashes.
        { site, skipCards: skipCards(), base: import.meta.env.BASE_URL, siteUrl: import.meta.env.SITE },
        site.feedItems,
      ),
    );
  }
  return keys;
}
