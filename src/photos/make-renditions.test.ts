import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeRenditions } from './make-renditions.ts';
import { photoFiles } from './photo-file.ts';
import { boxOf, renditionName, widthOf } from './renditions.ts';

/**
 * A 400 × 300 JPEG stored sideways (EXIF orientation 6) with a camera's GPS and owner in it:
 * stored red left and blue right, so shown upright it is red above and blue below.
 */
async function cameraPhoto(path: string) {
  const red = await sharp({ create: { width: 200, height: 300, channels: 3, background: '#d01010' } })
    .png()
    .toBuffer();
  await sharp({ create: { width: 400, height: 300, channels: 3, background: '#1010d0' } })
    .composite([{ input: red, left: 0, top: 0 }])
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Artist: '张三 13812345678' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '36/1 5/1 0/1' } })
    .toFile(path);
}

const setUp = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'renditions-'));
  const source = join(dir, 'a.jpg');
  await cameraPhoto(source);
  const site = join(dir, 'site');
  const cache = join(dir, 'cache');
  const photos = photoFiles(join(dir, 'photo-files.json'));
  const photo = await photos.read(source);
  photos.save();
  return { dir, source, site, cache, photos, photo };
};

describe('the photo step', () => {
  it('makes what pages refer to, upright, at the size named, with no metadata', async () => {
    const { site, cache, photos, photo } = await setUp();
    // Shown upright the photo is 300 wide and 400 tall.
    expect(photo).toMatchObject({ width: 300, height: 400 });
    const card = boxOf(photo, 72, 96, { format: 'webp' });
    const og = widthOf(photo, 600, { format: 'jpeg' });
    const result = await makeRenditions(
      site,
      [`_astro/${renditionName(card)}`, `_astro/${renditionName(og)}`, '_astro/BaseLayout.css', 'index.html'],
      photos,
      cache,
    );
    expect(result).toEqual({ problems: [], made: 2, reused: 0 });
    expect(readdirSync(join(site, '_astro')).sort()).toEqual([renditionName(card), renditionName(og)].sort());
    for (const [r, format] of [
      [card, 'webp'],
      [og, 'jpeg'],
    ] as const) {
      const meta = await sharp(join(site, '_astro', renditionName(r))).metadata();
      expect([meta.width, meta.height, meta.format]).toEqual([r.width, r.height, format]);
      expect([meta.exif, meta.xmp, meta.iptc, meta.orientation]).toEqual([undefined, undefined, undefined, undefined]);
    }
    expect(og).toMatchObject({ width: 300, height: 400 });
    const { data, info } = await sharp(join(site, '_astro', renditionName(card)))
      .raw()
      .toBuffer({ resolveWithObject: true });
    const redAt = (x: number, y: number) => {
      const i = (y * info.width + x) * info.channels;
      return (data[i] ?? 0) > (data[i + 2] ?? 0);
    };
    expect([redAt(4, 4), redAt(4, info.height - 4)]).toEqual([true, false]);
  });

  it('links a kept rendition on the next build instead of making it again, and forgets unused ones', async () => {
    const { site, cache, photos, photo } = await setUp();
    const card = `_astro/${renditionName(boxOf(photo, 72, 96, { format: 'webp' }))}`;
    const big = `_astro/${renditionName(boxOf(photo, 144, 192, { format: 'webp' }))}`;
    await makeRenditions(site, [card, big], photos, cache);
    const next = join(site, '..', 'site2');
    expect(await makeRenditions(next, [card], photos, cache)).toEqual({ problems: [], made: 0, reused: 1 });
    expect(statSync(join(next, card)).ino).toBe(statSync(join(site, card)).ino);
    expect(await makeRenditions(join(site, '..', 'site3'), [big], photos, cache)).toMatchObject({ made: 1 });
  });

  it('never makes a rendition larger than the photo, whatever a page names', async () => {
    const { site, cache, photos, photo } = await setUp();
    // A story can carry any text, a rendition's name too: a 30,000 px square would take gigabytes to make.
    const huge = `_astro/${renditionName({ digest: photo.digest, width: 30000, height: 30000, format: 'webp' })}`;
    const upscaled = `_astro/${renditionName({ digest: photo.digest, width: 600, height: 800, format: 'webp' })}`;
    expect(await makeRenditions(site, [huge, upscaled], photos, cache)).toEqual({ problems: [], made: 0, reused: 0 });
    expect(existsSync(join(site, huge))).toBe(false);
    expect(existsSync(join(site, upscaled))).toBe(false);
  });

  it('refuses to make a rendition when the photo changed after the pages were written', async () => {
    const { source, site, cache, photo } = await setUp();
    const card = `_astro/${renditionName(boxOf(photo, 72, 96, { format: 'webp' }))}`;
    writeFileSync(source, 'not the photo the pages were made from');
    const result = await makeRenditions(site, [card], photoFiles(join(site, '..', 'photo-files.json')), cache);
    expect(result.made).toBe(0);
    expect(result.problems).toEqual([
      expect.objectContaining({
        file: card,
        field: '照片',
        severity: 'error',
        message: expect.stringContaining('请重新构建'),
      }),
    ]);
    expect(existsSync(join(site, card))).toBe(false);
  });
});
