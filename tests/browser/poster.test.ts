/** The printable 光荣榜 of a release, printed to PDF in Chromium; every QR code must lead to its entry. */
import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sampleSiteInBrowser } from '../helpers/browser.ts';

const site = sampleSiteInBrowser();

/** Page sizes (in points) of a PDF, from its /MediaBox entries. */
function pageSizes(pdf: Buffer): Array<[number, number]> {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
    Math.round(Number(m[1])),
    Math.round(Number(m[2])),
  ]);
}

describe('release poster', () => {
  it('prints 2026-q1 on A4 pages, whole cards per page, with a QR code per entry that decodes to its page', async () => {
    const p = await site.browser.newPage();
    await p.goto(`${site.url}/releases/2026-q1/poster/`);
    const pdf = await p.pdf({ preferCSSPageSize: true, printBackground: true });
    const sizes = pageSizes(pdf);
    expect(sizes.length).toBeGreaterThanOrEqual(2); // 7 entries, 6 to an A4 page
    expect(sizes.length).toBeLessThanOrEqual(3);
    for (const s of sizes) expect(s).toEqual([595, 842]);

    await p.emulateMedia({ media: 'print' });
    const figures = p.locator('.poster-qr');
    const n = await figures.count();
    expect(n).toBe(7);
    for (let i = 0; i < n; i++) {
      const fig = figures.nth(i);
      const png = await fig.locator('svg').screenshot();
      const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const code = jsQR(new Uint8ClampedArray(data), info.width, info.height);
      expect(code?.data, `QR ${i}`).toBe(await fig.getAttribute('data-url'));
      expect(code?.data).toMatch(/^https:\/\/hrb\.example\.cn\/people\/[a-z0-9-]+\/$/);
    }
    const names = await p.locator('.poster-card h2').allTextContents();
    expect(names).toEqual(['邓海涛', '张建国', '欧阳明', '畅文军', '高志远', '唐美玲', '翟晓梅']);
    await p.close();
  });

  it('prints the A3 variant on A3 paper', async () => {
    const p = await site.browser.newPage();
    await p.goto(`${site.url}/releases/2026-q1/poster/a3/`);
    const sizes = pageSizes(await p.pdf({ preferCSSPageSize: true }));
    expect(sizes.length).toBeGreaterThanOrEqual(1);
    for (const s of sizes) expect(s).toEqual([842, 1191]);
    await p.close();
  });
});
