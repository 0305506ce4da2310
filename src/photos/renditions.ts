/**
 * The renditions pages offer of a photo, planned without touching a file:
 * the exact output size of each (never larger than the photo), its URL, and
 * back from a URL to what to make. The name carries everything the maker
 * needs, so the photo step makes exactly the files the finished pages refer
 * to (make-renditions.ts), and nothing of a photo no page shows.
 */
import { routes } from '../model/routes.ts';
import type { PhotoFile } from './photo-file.ts';

export const PHOTO_FORMATS = ['avif', 'webp', 'jpeg'] as const;
export type PhotoFormat = (typeof PHOTO_FORMATS)[number];

/** One file to make: the photo cropped to the centre of `width` × `height` (a plain resize when the shape is the photo's). */
export interface Rendition {
  digest: string;
  width: number;
  height: number;
  format: PhotoFormat;
  /** Encoder quality 1-100; the encoder's default when left out. */
  quality?: number;
}

const EXTENSION: Record<PhotoFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };
const NAME = /^photo-([a-p]{16})-(\d{1,5})x(\d{1,5})(?:-q(\d{1,3}))?\.(avif|webp|jpg)$/;

/** The file name of a rendition, inside the hashed assets folder. */
export function renditionName(r: Rendition): string {
  return `photo-${r.digest}-${r.width}x${r.height}${r.quality ? `-q${r.quality}` : ''}.${EXTENSION[r.format]}`;
}

export const renditionUrl = (r: Rendition): string => `${routes.assets}${renditionName(r)}`;

/** The rendition a file name asks for, or undefined for any other name. */
export function parseRenditionName(name: string): Rendition | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  const [, digest = '', w = '', h = '', q, ext = ''] = m;
  const format = (Object.keys(EXTENSION) as PhotoFormat[]).find((f) => EXTENSION[f] === ext) ?? 'jpeg';
  const width = Number(w);
  const height = Number(h);
  const quality = q === undefined ? undefined : Number(q);
  if (width < 1 || height < 1 || (quality !== undefined && (quality < 1 || quality > 100))) return undefined;
  return { digest, width, height, format, quality };
}

/** Whether a rendition is one pages could name: never larger than its photo (widthOf, boxOf). */
export const fitsPhoto = (r: Rendition, photo: PhotoFile): boolean =>
  r.width <= photo.width && r.height <= photo.height;

interface Encoding {
  format: PhotoFormat;
  quality?: number;
}

/** The photo scaled to `width` (at most its own), its shape kept. */
export function widthOf(photo: PhotoFile, width: number, enc: Encoding): Rendition {
  const w = Math.min(width, photo.width);
  return { digest: photo.digest, width: w, height: Math.max(1, Math.round((w * photo.height) / photo.width)), ...enc };
}

/** The photo cropped to the shape of `width` × `height`, at that size or, for a smaller photo, as large as it allows. */
export function boxOf(photo: PhotoFile, width: number, height: number, enc: Encoding): Rendition {
  const scale = Math.min(1, photo.width / width, photo.height / height);
  return {
    digest: photo.digest,
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
    ...enc,
  };
}

/** A `srcset` of widths (`url 240w, …`), widths the photo cannot fill dropped (its own width instead). */
export function widthSrcset(
  photo: PhotoFile,
  widths: readonly number[],
  enc: Encoding,
): { srcset: string; largest: Rendition } {
  const fitted = [...new Set(widths.map((w) => Math.min(w, photo.width)))].sort((a, b) => a - b);
  const set = fitted.map((w) => widthOf(photo, w, enc));
  const largest = widthOf(photo, Math.max(...fitted), enc);
  return { srcset: set.map((r) => `${renditionUrl(r)} ${r.width}w`).join(', '), largest };
}

/** A `srcset` of pixel densities (`url 1x, url 2x`) of a box; a density the photo cannot fill is left out. */
export function densitySrcset(
  photo: PhotoFile,
  width: number,
  height: number,
  densities: readonly number[],
  enc: Encoding,
): { srcset: string; base: Rendition } {
  const base = boxOf(photo, width, height, enc);
  const set = densities
    .map((d) => ({ d, r: boxOf(photo, width * d, height * d, enc) }))
    .filter(({ d, r }, i) => i === 0 || r.width >= Math.round(base.width * d));
  return { srcset: set.map(({ d, r }) => `${renditionUrl(r)} ${d}x`).join(', '), base };
}

/** The search result's thumbnail: on the entry page (for the story index) and in the names table. */
export const searchThumbUrl = (photo: PhotoFile): string => renditionUrl(boxOf(photo, 96, 128, { format: 'webp' }));
