/** The printable 光荣榜 of a release, printed to PDF in Chromium; every QR code must lead to its entry. */
import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sampleSiteInBrowser } from '../helpers/browser.ts';
import { routes } from '../../src/model/routes.ts';

const site = sampleSiteInBrowser();

/** Page sizes (in points) of a PDF, from its /MediaBox entries. */
function pageSizes(pdf: Buffer): Array<[number, number]> {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
    Math.round(Number(m[1])),
    Math.round(Number(m[2])),
  ]);
}

describe('release poster', () => {
  it('prints the 7 people of 2026-q1 on one A4 sheet, with a QR code per entry that decodes to its page', async () => {
    const p = await site.browser.newPage();
    await p.goto(`${site.url}${routes.poster('2026-q1')}`);
    const pdf = await p.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pageSizes(pdf)).toEqual([[595, 842]]);

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

  it('prints on one A3 sheet once A3 is picked, the picked size marked, and prints white paper', async () => {
    const p = await site.browser.newPage();
    await p.goto(`${site.url}${routes.poster('2026-q1')}`);
    const marked = () => p.locator('.poster-switch label:has(:checked)').textContent();
    expect((await marked())?.trim()).toBe('A4');
    await p.locator('label', { hasText: 'A3' }).click();
    expect((await marked())?.trim()).toBe('A3');
    expect(pageSizes(await p.pdf({ preferCSSPageSize: true, printBackground: true }))).toEqual([[842, 1191]]);
    await p.emulateMedia({ media: 'print' });
    expect(await p.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await p.locator('.sample-notice').isVisible()).toBe(false);
    // The printed board still says its people are invented.
    expect(await p.locator('.poster-sample').isVisible()).toBe(true);
    await p.close();
  });

  it('opens an entry from a tap anywhere on its card on screen', async () => {
    const p = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await p.goto(`${site.url}${routes.poster('2026-q1')}`);
    const card = p.locator('.poster-card').first();
    const box = await card.boundingBox();
    if (!box) throw new Error('no poster card');
    // The corner farthest from the name, below the deed.
    await card.click({ position: { x: box.width - 8, y: box.height - 8 } });
    await p.waitForURL(/\/people\/[a-z0-9-]+\/$/);
    await p.close();
  });
});
