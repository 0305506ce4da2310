import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../rules/privacy.ts';
import { lettersOf } from './photo-file.ts';
import {
  boxOf,
  densitySrcset,
  parseRenditionName,
  renditionName,
  renditionUrl,
  widthOf,
  widthSrcset,
} from './renditions.ts';

const photo = { digest: 'abcdefghijklmnop', width: 3000, height: 4000 };

describe('photo renditions', () => {
  it('names a rendition so that the photo step can read back exactly what to make', () => {
    const r = widthOf(photo, 720, { format: 'avif', quality: 50 });
    expect(r).toEqual({ digest: photo.digest, width: 720, height: 960, format: 'avif', quality: 50 });
    expect(renditionUrl(r)).toBe('/_astro/photo-abcdefghijklmnop-720x960-q50.avif');
    expect(parseRenditionName(renditionName(r))).toEqual(r);
    const og = widthOf(photo, 600, { format: 'jpeg' });
    expect(parseRenditionName(renditionName(og))).toEqual({ ...og, quality: undefined });
    for (const other of [
      'BaseLayout.css',
      'photo-abcdefghijklmnop-720x960.gif',
      'photo-abcdefghijklmnop-0x960.webp',
      'photo-abcdefghijklmnop-720x960-q0.webp',
      'photo-abcdefghijklmnoq-720x960.webp',
      'photo-../../etc/passwd-1x1.webp',
    ])
      expect(parseRenditionName(other), other).toBeUndefined();
  });

  it('never offers a size the photo cannot fill, and keeps its shape', () => {
    const small = { digest: photo.digest, width: 400, height: 300 };
    expect(widthSrcset(small, [240, 480, 720], { format: 'webp' }).srcset).toBe(
      '/_astro/photo-abcdefghijklmnop-240x180.webp 240w, /_astro/photo-abcdefghijklmnop-400x300.webp 400w',
    );
    // A 72 × 96 card crop of a landscape photo: the crop has the card's shape.
    expect(boxOf(small, 72, 96, { format: 'webp' })).toMatchObject({ width: 72, height: 96 });
    // A 240 × 320 poster crop of a 300 px tall photo: as large as it allows, and no 2x it cannot fill.
    const poster = densitySrcset(small, 240, 320, [1, 2], { format: 'webp' });
    expect(poster.base).toMatchObject({ width: 225, height: 300 });
    expect(poster.srcset).toBe('/_astro/photo-abcdefghijklmnop-225x300.webp 1x');
    expect(densitySrcset(photo, 72, 96, [1, 2], { format: 'webp' }).srcset).toBe(
      '/_astro/photo-abcdefghijklmnop-72x96.webp 1x, /_astro/photo-abcdefghijklmnop-144x192.webp 2x',
    );
  });

  it('writes digests no output check can read as a phone or ID number', () => {
    // A SHA-256 prefix whose hex digits spell a mobile number.
    const digest = lettersOf('13812345678abcde');
    const url = renditionUrl(widthOf({ digest, width: 800, height: 600 }, 720, { format: 'webp' }));
    expect(findPersonalData(`<img src="${url}">`)).toEqual([]);
    expect(findPersonalData('/_astro/photo-13812345678abcde-720x540.webp')).not.toEqual([]);
  });
});
