// The author profiles loader: `content/authors/*.md` into Astro's store, on each build and `astro dev` change.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { keepAssetImports } from '../build/astro-internals.ts';
import { reloadWhenSettled } from './settled-reload.ts';
import type { SiteConfig } from '../lib/site-config.ts';
import { readProfiles } from './author-profiles.ts';
import { PROFILES_FOLDER } from '../lib/author/profile-schema.ts';

export interface AuthorsLoaderOptions {
  /** Content folder, absolute or relative to the project root; profiles are in its `authors/` folder. */
  contentDir: string;
  site: SiteConfig;
}

/**
 * Stores every profile without errors, by slug. Problems are not reported here: the articles loader reads the
 * profiles too and reports theirs with the articles', so one report holds every problem of the content folder.
 */
export function authorsLoader(options: AuthorsLoaderOptions): Loader {
  let watching = false;
  return {
    name: 'dateline-authors',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const contentDir = path.resolve(root, options.contentDir);
      const folder = path.join(contentDir, PROFILES_FOLDER);
      if (context.watcher && !watching) {
        watching = true;
        reloadWhenSettled(context, folder, () => storeProfiles(context, root, contentDir, options.site));
      }
      await storeProfiles(context, root, contentDir, options.site);
    },
  };
}

async function storeProfiles(context: LoaderContext, root: string, contentDir: string, site: SiteConfig): Promise<void> {
  const { store, parseData, generateDigest } = context;
  const { profiles } = await readProfiles(root, contentDir, site);
  for (const profile of profiles) {
    const digest = generateDigest(JSON.stringify(profile));
    const existing = store.get(profile.slug);
    const filePath = path.resolve(root, profile.file);
    if (existing?.digest === digest) {
      keepAssetImports(store, existing.assetImports, existing.filePath);
      continue;
    }
    const data = await parseData({ id: profile.slug, data: profile as unknown as Record<string, unknown>, filePath });
    store.set({ id: profile.slug, data, filePath: path.relative(root, filePath).split(path.sep).join('/'), digest });
  }
  const present = new Set(profiles.map((profile) => profile.slug));
  for (const id of store.keys()) if (!present.has(id)) store.delete(id);
}
