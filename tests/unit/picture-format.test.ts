import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jpegOptions, PAPER, pictureFormats, publishedFormat } from '../../src/lib/picture-format.ts';

describe('picture formats', () => {
  it('should offer a photograph as AVIF first, with WebP for the <img> every browser reads', () => {
    for (const format of ['jpg', 'png', 'webp', 'avif', 'gif'])
      expect(pictureFormats({ format }), format).toEqual({ formats: ['avif'], fallbackFormat: 'webp' });
  });

  it('should publish a picture written as SVG as PNG only, never as written', () => {
    expect(publishedFormat({ format: 'svg' })).toEqual({ format: 'png' });
    expect(pictureFormats({ format: 'svg' })).toEqual({ formats: [], fallbackFormat: 'png' });
  });

  it('should lay a JPEG on the paper, since JPEG has no transparency and clear pixels would turn black', () => {
    expect(jpegOptions({ width: 3000 }, 1200)).toMatchObject({ format: 'jpeg', background: PAPER });
    // The paper is the pages' own: a picture shared from the site looks as it does on it.
    expect(readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8')).toMatch(new RegExp(`--paper: ${PAPER};`));
  });

  it('should ask for a JPEG narrower than the largest at its own width, as it is not enlarged', () => {
    expect(jpegOptions({ width: 3000 }, 1200).width).toBe(1200);
    expect(jpegOptions({ width: 480 }, 1200).width).toBe(480);
    expect(jpegOptions({ width: 1200 }, 1200).width).toBe(1200);
  });
});
