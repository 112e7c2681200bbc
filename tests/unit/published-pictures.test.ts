import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { mislabelledPictures, removeSvgAsWritten } from '../../src/integrations/published-pictures.ts';
import { useTempDir } from './support/temp-dir.ts';

describe('mislabelledPictures', () => {
  const dir = useTempDir('published-pictures');

  it('should name the published pictures whose bytes are not the format their name says, such as an SVG written as .png', async () => {
    const assets = path.join(dir(), '_astro');
    mkdirSync(assets);
    const pixel = sharp({ create: { width: 2, height: 2, channels: 3, background: '#123456' } });
    writeFileSync(path.join(assets, 'chart.abc_1.png'), await pixel.clone().png().toBuffer());
    writeFileSync(path.join(assets, 'photo.abc_2.webp'), await pixel.clone().webp().toBuffer());
    writeFileSync(path.join(assets, 'photo.abc_3.jpeg'), await pixel.clone().jpeg().toBuffer());
    writeFileSync(path.join(assets, 'photo.abc_4.avif'), await pixel.clone().avif().toBuffer());
    writeFileSync(path.join(assets, 'broken.abc_5.png'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script>');
    writeFileSync(path.join(assets, 'broken.abc_6.jpeg'), '<?xml version="1.0"?><svg/>');
    writeFileSync(path.join(assets, 'Base.abc.css'), 'body{}');
    expect(mislabelledPictures(dir())).toEqual(['_astro/broken.abc_5.png', '_astro/broken.abc_6.jpeg']);
  });

  it('should remove the SVG files as written from _astro/, and nothing else', () => {
    const assets = path.join(dir(), '_astro');
    mkdirSync(path.join(assets, 'sub'), { recursive: true });
    for (const file of ['chart.abc.svg', 'sub/logo.abc.SVG', 'chart.abc_1.png', 'Base.abc.css'])
      writeFileSync(path.join(assets, file), 'x');
    writeFileSync(path.join(dir(), 'favicon.svg'), 'x');
    expect(removeSvgAsWritten(dir())).toBe(2);
    expect(readdirSync(assets, { recursive: true }).sort()).toEqual(['Base.abc.css', 'chart.abc_1.png', 'sub']);
    expect(readdirSync(dir()).sort()).toEqual(['_astro', 'favicon.svg']);
  });

  it('should find nothing in a site without pictures', () => {
    expect(mislabelledPictures(dir())).toEqual([]);
  });
});
