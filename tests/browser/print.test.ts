/** Entry pages printed to PDF in Chromium: A4, no site chrome, photo and honours together on the first page. */
import { describe, expect, it } from 'vitest';
import { sampleSiteInBrowser } from '../helpers/browser.ts';

const site = sampleSiteInBrowser();

/**
 * The raster images drawn on each page of a PDF written by Chromium (Skia writes its objects
 * uncompressed; only streams are compressed): width and height of every image XObject in a
 * page's resources, and in the resources of the forms it draws.
 */
function imagesByPage(pdf: Buffer): Array<Array<{ width: number; height: number }>> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, string>();
  for (const m of text.matchAll(/(?<=^|\s)(\d+) 0 obj\b([\s\S]*?)\bendobj\b/g)) {
    const body = m[2] ?? '';
    const stream = body.indexOf('stream');
    objects.set(Number(m[1]), stream < 0 ? body : body.slice(0, stream));
  }
  const deref = (value: string) => {
    const ref = /^\s*(\d+) 0 R/.exec(value);
    return ref ? (objects.get(Number(ref[1])) ?? '') : value;
  };
  /** The body of a dictionary entry `/Key << … >>` (one level of nesting) or `/Key N 0 R`. */
  const entry = (dict: string, key: string) => {
    const at = dict.search(new RegExp(`/${key}\\s*(<<|\\d+ 0 R)`));
    if (at < 0) return '';
    const rest = dict.slice(at + key.length + 1).trimStart();
    if (!rest.startsWith('<<')) return deref(rest);
    let depth = 0;
    for (let i = 0; i < rest.length - 1; i++) {
      if (rest.startsWith('<<', i)) {
        depth++;
        i++;
      } else if (rest.startsWith('>>', i) && --depth === 0) return rest.slice(2, i);
    }
    return rest;
  };
  const images = (resources: string, seen: Set<number>): Array<{ width: number; height: number }> =>
    [...entry(resources, 'XObject').matchAll(/\/\S+\s+(\d+) 0 R/g)].flatMap((m) => {
      const n = Number(m[1]);
      if (seen.has(n)) return [];
      seen.add(n);
      const xobject = objects.get(n) ?? '';
      if (/\/Subtype\s*\/Image/.test(xobject)) {
        const size = (k: string) => Number(new RegExp(`/${k}\\s+(\\d+)`).exec(xobject)?.[1]);
        return [{ width: size('Width'), height: size('Height') }];
      }
      return /\/Subtype\s*\/Form/.test(xobject) ? images(entry(xobject, 'Resources'), seen) : [];
    });
  const pages = (node: string): string[] =>
    /\/Type\s*\/Pages\b/.test(node)
      ? [...(/\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].flatMap((k) =>
          pages(objects.get(Number(k[1])) ?? ''),
        )
      : [node];
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o)) ?? '';
  return pages(entry(catalog, 'Pages')).map((page) => images(entry(page, 'Resources'), new Set()));
}

describe('printing an entry page', () => {
  it('prints on A4 without header, footer, navigation or related entries, photo and honours on the first page', async () => {
    const p = await site.browser.newPage({ viewport: { width: 718, height: 1032 } }); // A4 less 12 mm margins, at 96 dpi
    await p.goto(`${site.url}/people/liang-xiaojun-hongtong/`);
    const pdfBytes = await p.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const pdf = pdfBytes.toString('latin1');
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/g)].map((m) => [
      Math.round(Number(m[1])),
      Math.round(Number(m[2])),
    ]);
    expect(boxes.length).toBeGreaterThanOrEqual(1);
    expect(boxes.length).toBeLessThanOrEqual(2);
    for (const b of boxes) expect(b).toEqual([595, 842]);

    // The photo is drawn on the first printed page: an image of its proportions there (the page
    // has no other picture: related entries and their thumbnails do not print).
    const photo = await p
      .locator('.entry-photo img')
      .evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, height: img.naturalHeight }));
    expect(photo.width).toBeGreaterThan(0);
    const pages = imagesByPage(pdfBytes);
    expect(pages).toHaveLength(boxes.length);
    const ratio = (i: { width: number; height: number }) => i.width / i.height;
    expect(
      pages[0]?.filter((i) => i.width >= 100 && Math.abs(ratio(i) - ratio(photo)) < 0.02),
      JSON.stringify(pages),
    ).not.toEqual([]);

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
    // A sheet pinned on a notice board says where it comes from: the site's name and the page's address.
    expect(await p.locator('.print-source').innerText()).toBe(
      '来自临汾好人榜：https://hrb.example.cn/people/liang-xiaojun-hongtong/',
    );
    // In the print layout (the page's width, at 96 dpi) the photo shows, whole, within the first
    // page's height, and so does the ladder of honours.
    const box = await p.locator('.entry-photo img').boundingBox();
    expect(await p.locator('.entry-photo img').isVisible()).toBe(true);
    expect(box).not.toBeNull();
    expect(box!.width).toBeGreaterThan(40);
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(718);
    expect(box!.y + box!.height).toBeLessThan(1032);
    const ladder = await p.locator('.timeline').boundingBox();
    expect(ladder!.y + ladder!.height).toBeLessThan(1032); // within the first printed page
    await p.close();
  });
});
