/**
 * The share cards in tests: drawing cards in a page (Chromium or WebKit) through the card's own
 * script, finding characters drawn without a glyph, and decoding a card's QR code in Node.
 */
import jsQR from 'jsqr';
import sharp from 'sharp';
import type { Card, CardFacts, ShareApi } from '../../src/client/share-card.ts';

/** A card as a page drew it, for the page at `path`; `none` where the page offers no 分享. */
export type DrawnCard = { path: string; none: true } | { path: string; none?: false; facts: CardFacts; card: Card };

/**
 * In the page, once its card script has loaded (after a press of 分享): the card of each page at
 * `paths`, fetched and read as the script reads its own page. Self-contained, for WebDriver too.
 */
export async function drawCards(paths: string[]): Promise<DrawnCard[]> {
  const api = (window as unknown as { hrbShare: ShareApi }).hrbShare;
  const out: DrawnCard[] = [];
  for (const path of paths) {
    const html = await (await fetch(path)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const facts = api.factsOf(doc, new URL(path, location.href).href);
    out.push(facts ? { path, facts, card: await api.drawCard(facts) } : { path, none: true });
  }
  return out;
}

/**
 * In the page: the characters of `text` that the card's fonts draw as the missing-glyph box or not at
 * all. A character no font has (U+0378, unassigned) draws the box every missing character gets.
 * Self-contained, for WebDriver too.
 */
export function missingGlyphs(text: string): string[] {
  const fonts = (window as unknown as { hrbShare: ShareApi }).hrbShare.fonts;
  const canvas = document.createElement('canvas');
  canvas.width = 80;
  canvas.height = 80;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return ['(no canvas)'];
  const draw = (ch: string) => {
    ctx.clearRect(0, 0, 80, 80);
    ctx.font = `64px ${fonts}`;
    ctx.textBaseline = 'middle';
    ctx.fillStyle = '#000';
    ctx.fillText(ch, 8, 40);
    const data = ctx.getImageData(0, 0, 80, 80).data;
    let hash = 0;
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) {
      hash = (hash * 31 + (data[i] ?? 0)) | 0;
      if (data[i]) inked++;
    }
    return inked === 0 ? 'blank' : `${inked}:${hash}`;
  };
  const box = draw('\u0378');
  return [...new Set(Array.from(text))].filter((ch) => /\S/u.test(ch) && [box, 'blank'].includes(draw(ch)));
}

/** Every text a card draws. */
export function cardTexts(facts: CardFacts): string {
  return [
    facts.title,
    facts.badge?.text,
    facts.where,
    facts.deed,
    facts.siteName,
    facts.sample,
    ...(facts.people ?? []).flatMap((p) => [p.name, p.where]),
  ].join('');
}

/** The text of a card's QR code, decoded from its `data:` image where the card says the code is. */
export async function qrOf(card: Card): Promise<string | undefined> {
  const image = Buffer.from(card.src.slice(card.src.indexOf(',') + 1), 'base64');
  const { x, y, size } = card.qr;
  const { data, info } = await sharp(image)
    .extract({ left: Math.round(x), top: Math.round(y), width: Math.round(size), height: Math.round(size) })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}
