import { describe, expect, it } from 'vitest';
import { PHOTO_LIMITS } from '../../../editor/photo-check.ts';
import { PHOTO_MAX_BYTES, refusedPhotos } from './photo-choice.ts';

describe('refusedPhotos', () => {
  it('names HEIC photos and photos over the check’s size limit, and passes the rest', () => {
    const MB = 2 ** 20;
    expect(PHOTO_MAX_BYTES).toBe(PHOTO_LIMITS.maxBytes);
    expect(
      refusedPhotos([
        { name: 'IMG_2035.HEIC', size: 3 * MB },
        { name: 'DSC_0001.jpg', size: 33.6 * MB },
        { name: 'IMG_2034.jpg', size: 20 * MB },
        { name: 'a.heif', size: 25 * MB },
      ]),
    ).toEqual({ heic: ['IMG_2035.HEIC', 'a.heif'], tooLarge: ['DSC_0001.jpg', 'a.heif'] });
  });
});
