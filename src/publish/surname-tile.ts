/**
 * The surname tile of an entry without a photo (or of a minor), as an image: a calm tile with the
 * name's first character. An `<img>` of 300 × 400 rather than text, because the first image of at
 * least 300 px on a page is what WeChat's in-app browser may show beside a shared link. A `data:`
 * SVG (the policy allows `img-src data:`): no file for the build to make, drawn in the reader's fonts.
 */

/** The tile's colours: those of the page's surname tiles (global.css `.surname-tile`). */
const TILE = '#efe7d8';
const INK = '#5c4a2a';
/** Unquoted family names (valid CSS), so the SVG needs no quotes but its attributes' own. */
const FONTS = 'PingFang SC, Hiragino Sans GB, Microsoft YaHei, Noto Sans CJK SC, Source Han Sans SC, sans-serif';

/** XML-escaped: a name is content, and content never becomes markup. */
const xml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** A `data:` URL of the tile for `surname` (one character; anything longer is cut to its first). */
export function surnameTile(surname: string): string {
  const ch = Array.from(surname)[0] ?? '';
  const svg =
    `<svg xmlns='http://www.w3.org/2000/svg' width='300' height='400'>` +
    `<rect width='100%' height='100%' fill='${TILE}'/>` +
    `<text x='50%' y='50%' font-size='150' font-family='${FONTS}' fill='${INK}' text-anchor='middle' dominant-baseline='central'>${xml(ch)}</text></svg>`;
  // Only what a data: URL must escape (# and %), the rest as it is: percent-escapes read as runs of
  // digits, which the output gate rightly takes for a phone number (and the tile stays short).
  return `data:image/svg+xml,${svg.replace(/[%#]/g, (c) => encodeURIComponent(c))}`;
}
