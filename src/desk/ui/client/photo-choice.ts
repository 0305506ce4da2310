/**
 * Which of the files an editor just chose the desk cannot take, told at once rather than at save:
 * HEIC (Decap's library would hide it without a word) and photos over the check's size limit
 * (their save would be refused after a long upload).
 */

/** The check's limit for one photo (src/editor/photo-check.ts, PHOTO_LIMITS.maxBytes; that module needs sharp, so it is not bundled here). */
export const PHOTO_MAX_BYTES = 20 * 2 ** 20;

/** The names of the chosen files that are HEIC, and of those too large. */
export function refusedPhotos(files: ReadonlyArray<Pick<File, 'name' | 'size'>>): {
  heic: string[];
  tooLarge: string[];
} {
  return {
    heic: files.filter((f) => /\.hei[cf]s?$/i.test(f.name)).map((f) => f.name),
    tooLarge: files.filter((f) => f.size > PHOTO_MAX_BYTES).map((f) => f.name),
  };
}
