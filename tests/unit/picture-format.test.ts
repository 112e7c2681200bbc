import { describe, expect, it } from 'vitest';
import { pictureFormats, publishedFormat } from '../../src/lib/picture-format.ts';

describe('picture formats', () => {
  it('should offer a photograph as AVIF first, with WebP for the <img> every browser reads', () => {
    for (const format of ['jpg', 'png', 'webp', 'avif', 'gif'])
      expect(pictureFormats({ format }), format).toEqual({ formats: ['avif'], fallbackFormat: 'webp' });
  });

  it('should publish a picture written as SVG as PNG only, never as written', () => {
    expect(publishedFormat({ format: 'svg' })).toEqual({ format: 'png' });
    expect(pictureFormats({ format: 'svg' })).toEqual({ formats: [], fallbackFormat: 'png' });
  });
});
