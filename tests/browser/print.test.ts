/** Entry pages printed to PDF in Chromium: A4, no site chrome, photo and honours together on the first page. */
import { describe, expect, it } from 'vitest';
import { sampleSiteInBrowser } from '../helpers/browser.ts';

const site = sampleSiteInBrowser();

describe('printing an entry page', () => {
  it('prints on A4 without header, footer, navigation or related entries, photo and honours on the first page', async () => {
    const p = await site.browser.newPage({ viewport: { width: 718, height: 1032 } }); // A4 less 12 mm margins, at 96 dpi
    await p.goto(`${site.url}/people/liang-xiaojun-hongtong/`);
    const pdf = (await p.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true })).toString('latin1');
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/g)].map((m) => [
      Math.round(Number(m[1])),
      Math.round(Number(m[2])),
    ]);
    expect(boxes.length).toBeGreaterThanOrEqual(1);
    expect(boxes.length).toBeLessThanOrEqual(2);
    for (const b of boxes) expect(b).toEqual([595, 842]);

    const chrome = ['.site-header', '.site-footer', '.breadcrumbs', '.related', '.neighbours'];
    const display = () =>
      p.evaluate(
        (selectors) =>
          selectors.map((s) => document.querySelector(s) && getComputedStyle(document.querySelector(s)!).display),
        chrome,
      );
    // An entry of a release with related entries: every piece of chrome is on the screen page
    // (so a renamed class fails here) …
    expect((await display()).filter((d) => d === null || d === 'none')).toEqual([]);
    await p.emulateMedia({ media: 'print' });
    // … and none of it prints.
    expect(await display()).toEqual(chrome.map(() => 'none'));
    // The sample notice still prints: a printed page must not pass an invented person off as real.
    expect(await p.locator('.sample-notice').isVisible()).toBe(true);
    const photo = await p.locator('.entry-photo').boundingBox();
    const ladder = await p.locator('.timeline').boundingBox();
    expect(photo).not.toBeNull();
    expect(ladder!.y + ladder!.height).toBeLessThan(1032); // within the first printed page
    await p.close();
  });
});
