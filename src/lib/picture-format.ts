import { untouchedImage } from '../build/astro-internals.ts';

/**
 * The format option for a picture from the content folder, none where Astro's default serves. An SVG can
 * carry script, event handlers, `<foreignObject>` and references to other hosts, and Astro publishes SVG
 * as written: opened directly on a host that sends no Content-Security-Policy, it would run on the site's
 * origin. So a picture written as SVG (a chart, a logo) is rasterised by sharp at build time and published
 * as PNG, which keeps its lines sharp and holds nothing that runs.
 */
export function publishedFormat(picture: { format: string }): { format?: 'png' } {
  const { format } = untouchedImage(picture);
  return format === 'svg' ? { format: 'png' } : {};
}

/**
 * The formats of a picture in a `<picture>`: AVIF first for the browsers that read it (smaller files for the
 * same picture), WebP for the `<img>` every browser reads; an SVG only as PNG (see `publishedFormat`).
 */
export function pictureFormats(picture: { format: string }): { formats: ('avif' | 'png')[]; fallbackFormat: 'webp' | 'png' } {
  return publishedFormat(picture).format === 'png' ? { formats: [], fallbackFormat: 'png' } : { formats: ['avif'], fallbackFormat: 'webp' };
}

/** The site's paper (`--paper` in global.css): what a transparent picture is laid on when it becomes a JPEG. */
export const PAPER = '#fdfcf9';

/**
 * `getImage` options for a JPEG at most `maxWidth` wide. JPEG has no transparency, so a transparent picture
 * (a chart, a cut-out portrait) is laid on the paper rather than left black; a narrower picture is asked at
 * its own width, as sharp never enlarges, so the size Astro reports is the size of the file written.
 */
export function jpegOptions(picture: { width: number }, maxWidth: number) {
  return { width: Math.min(maxWidth, untouchedImage(picture).width), format: 'jpeg', background: PAPER } as const;
}
