/** Entry pages printed to PDF in Chromium: A4, no site chrome, photo and honours together on the first page. */
import { describe, expect, it } from 'vitest';
import { sampleSiteInBrowser } from '../helpers/browser.ts';

const site = sampleSiteInBrowser();

describe('printing an entry page', () => {
  it('prints on A4 without header, footer, navigation or related entries, photo and honours on the first page', async () => {
    const p = await site.browser.newPage({ viewport: { width: 718, height: 1032 } }); // A4 less 12 mm margins, at 96 dpi
    await p.goto(`${site.url}/people/yang-xinmin-yaodu/`);
    const pdf = (await p.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true })).toString('latin1');
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/g)].map((m) => [
      Math.round(Number(m[1])),
      Math.round(Number(m[2])),
    ]);
    expect(boxes.length).toBeGreaterThanOrEqual(1);
    expect(boxes.length).toBeLessThanOrEqual(2);
    for (const b of boxes) expect(b).toEqual([595, 842]);

    await p.emulateMedia({ media: 'print' });
    const hidden = await p.evaluate(() =>
      ['.site-header', '.site-footer', '.breadcrumbs', '.related', '.neighbours'].map((s) => {
        const el = document.querySelector(s);
        return el ? getComputedStyle(el).display : 'absent';
      }),
    );
    for (const d of hidden) expect(['none', 'absent']).toContain(d);
    // The sample notice still prints: a printed page must not pass an invented person off as real.
    expect(await p.locator('.sample-notice').isVisible()).toBe(true);
    const photo = await p.locator('.entry-photo').boundingBox();
    const ladder = await p.locator('.ladder').boundingBox();
    expect(photo).not.toBeNull();
    expect(ladder!.y + ladder!.height).toBeLessThan(1032); // within the first printed page
    await p.close();
  });
});
