import type { LoaderContext } from 'astro/loaders';

/**
 * What Dateline relies on in Astro beyond its documented API, in one place. Checked against this version of
 * Astro: a unit test fails when another is installed, so an upgrade looks at each of these again.
 */
export const CHECKED_ASTRO_VERSION = '7.3.5';

/**
 * An imported picture's metadata, read without publishing its original. Astro's image metadata is a proxy
 * that marks the original file as used as soon as any field is read, and the build then publishes the
 * original (camera metadata included) beside the optimised copies. Its `clone` holds the same fields and is
 * one of the two reads that mark nothing; `getImage` reads it too.
 */
export function untouchedImage<T extends object>(image: T): T {
  return (image as T & { clone?: T }).clone ?? image;
}

/** A `JSON.stringify` replacer that reads imported pictures through `untouchedImage` (their `fsPath` is the other safe read). */
export function withoutTouchingImages(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const image = value as { fsPath?: unknown; clone?: unknown };
  return typeof image.fsPath === 'string' && image.clone !== undefined ? image.clone : value;
}

/** Astro's store method that keeps an unchanged entry's images in the build, as its own glob loader does; missing from the public type. */
export function keepAssetImports(store: LoaderContext['store'], assetImports: string[] | undefined, filePath: string | undefined): void {
  if (!assetImports?.length || !filePath) return;
  (store as LoaderContext['store'] & { addAssetImports?: (assets: string[], filePath?: string) => void }).addAssetImports?.(
    assetImports,
    filePath,
  );
}
