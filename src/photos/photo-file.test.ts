import { linkSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { photoFiles } from './photo-file.ts';

const png = (colour: string) =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: colour } })
    .png()
    .toBuffer();

describe('photoFiles', () => {
  it('knows a photo across runs by its bytes, and finds it by digest only while it is unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'photo-files-'));
    const photo = join(dir, 'a.png');
    const memo = join(dir, 'photo-files.json');
    writeFileSync(photo, await png('#c00'));
    const first = photoFiles(memo);
    const red = await first.read(photo);
    expect(red).toMatchObject({ width: 40, height: 30 });
    expect(red.digest).toMatch(/^[a-p]{16}$/);
    first.save();
    expect(photoFiles(memo).find(red.digest)?.path).toBe(photo);
    // A hard link of the same file is another photo path with the same digest.
    linkSync(photo, join(dir, 'b.png'));
    expect(await photoFiles(memo).read(join(dir, 'b.png'))).toEqual(red);
    writeFileSync(photo, await png('#00c'));
    const next = photoFiles(memo);
    expect(next.find(red.digest)).toBeUndefined();
    const blue = await next.read(photo);
    expect(blue.digest).not.toBe(red.digest);
    expect(next.find(blue.digest)?.path).toBe(photo);
  });
});
