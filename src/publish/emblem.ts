/**
 * The site's emblem: a red seal with a gold ring and a white heart, no words (every city's site can use
 * it). Written as a PNG at build time by sharp (one image, milliseconds; src/pages/emblem.png.ts) rather
 * than committed: the drawing stays reviewable text, and no binary drifts from it. It is a page's share
 * image (og:image) and first raster image where the page shows no photo (a minor, a group, a person
 * without one): WeChat takes a link's thumbnail from the first image it accepts and may skip the SVG
 * surname tile, which would leave the photo of another person from 相关好人 beside a minor's link.
 */
import sharp from 'sharp';

/** The emblem's size in pixels: above the 300 × 300 WeChat is reported to need for a thumbnail. */
export const EMBLEM_SIZE = 600;

export const EMBLEM_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="${EMBLEM_SIZE}" height="${EMBLEM_SIZE}" viewBox="0 0 600 600">
<rect width="600" height="600" fill="#fffdf8"/>
<circle cx="300" cy="300" r="276" fill="#a3161b"/>
<circle cx="300" cy="300" r="240" fill="none" stroke="#c8a24a" stroke-width="14"/>
<path d="M300 462C178 382 126 318 140 250C154 182 246 160 300 232C354 160 446 182 460 250C474 318 422 382 300 462Z" fill="#fff"/>
</svg>`;

/** The emblem as a PNG, with no metadata (sharp writes none unless asked). */
export function emblemPng(): Promise<Buffer> {
  return sharp(Buffer.from(EMBLEM_SVG)).png({ compressionLevel: 9, palette: true }).toBuffer();
}
