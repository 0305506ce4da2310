/**
 * 长辈模式 against the MIIT points that the audit's page checks do not cover (docs/elderly.md):
 * the skip link and keyboard, the simplified layout, the large pointer. 200% zoom / 320 px reflow
 * is checked with the other widths in phone.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { sampleSiteInBrowser } from '../helpers/browser.ts';
import { routes } from '../../src/model/routes.ts';

const site = sampleSiteInBrowser();
const LARGE = () => localStorage.setItem('hrb-large-text', '1');

describe('长辈模式 and the MIIT elderly-friendly points', () => {
  // Reflow at 320 px (200% zoom) without sideways scrolling or lost content, in both modes: in
  // phone.test.ts's sideways test, with 360, 390 and 640 px (WebKit: webkit.test.ts).
  it('starts every page with a skip link that keyboard users see and that moves focus to the content', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript(LARGE);
    const p = await context.newPage();
    await p.goto(`${site.url}${routes.entry('he-shuzhen-huozhou')}`);
    await p.keyboard.press('Tab');
    const skip = await p.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const r = el.getBoundingClientRect();
      return { text: el.textContent, inView: r.left >= 0 && r.top >= 0 && r.width >= 60 && r.height >= 60 };
    });
    expect(skip).toEqual({ text: '跳到正文', inView: true });
    await p.keyboard.press('Enter');
    // The jump to #main is a navigation of its own: wait for it rather than read the URL at once
    // (read at once, it was still the page's own URL in one loaded CI run).
    await p.waitForURL(/#main$/, { timeout: 5000 });
    expect(new URL(p.url()).hash).toBe('#main');
    await context.close();
  });

  it('keeps only 首页 · 搜索 · 地区 · 长辈模式 in the header and leaves out secondary blocks, in one column', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript(LARGE);
    const p = await context.newPage();
    await p.goto(`${site.url}${routes.entry('he-shuzhen-huozhou')}`);
    const header = await p
      .locator('.site-header')
      .evaluate((h) =>
        [...h.querySelectorAll<HTMLElement>('a, button')]
          .filter((el) => el.offsetParent !== null)
          .map((el) => el.getAttribute('aria-label') ?? el.textContent.trim()),
      );
    expect(header).toEqual(['临汾好人榜', '搜索', '地区', '长辈模式']);
    for (const secondary of ['.breadcrumbs', '.related', '#site-menu'])
      expect(await p.locator(secondary).first().isVisible(), secondary).toBe(false);
    // Every section is still a tap away: listed in the footer, as large as the header's buttons.
    const sections = p.locator('.site-footer nav').getByRole('link');
    expect(await sections.allTextContents()).toEqual(
      expect.arrayContaining(['首页', '全部好人', '荣誉称号', '统计', '发布批次', '推荐身边好人']),
    );
    for (const box of await sections.evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height)))
      expect(box).toBeGreaterThanOrEqual(60);
    await p.goto(`${site.url}${routes.home}`);
    const lefts = await p
      .locator('.hall .card')
      .evaluateAll((cards) =>
        cards.flatMap((c) => (c.getClientRects().length ? [Math.round(c.getBoundingClientRect().left)] : [])),
      );
    expect(lefts.length).toBeGreaterThan(1);
    expect(new Set(lefts).size).toBe(1);
    await context.close();
  });

  it('says on the home page how many of each band it shows and how many there are (长辈模式 lists a few)', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript(LARGE);
    const p = await context.newPage();
    // What there is: the newest release's honourees (its own page) and every listed national or provincial one.
    const data = (await (await p.request.get(`${site.url}/data/entries.json`)).json()) as {
      records: { status: string; honours?: { level: string }[] }[];
    };
    const hall = data.records.filter(
      (r) => r.status === 'active' && r.honours?.some((h) => h.level === 'national' || h.level === 'provincial'),
    ).length;
    await p.goto(`${site.url}${routes.home}`);
    const release = await p.locator('.release-banner .banner-more a').getAttribute('href');
    const bands = await p.evaluate(() =>
      ['.release-banner', '#hall-heading'].map((css) => {
        const band = document.querySelector(css)?.closest('section');
        return {
          shown: [...(band?.querySelectorAll('.hall .card') ?? [])].filter((c) => c.getClientRects().length).length,
          said: (band?.querySelector('.shown-of') as HTMLElement | null)?.innerText ?? '',
        };
      }),
    );
    await p.goto(`${site.url}${release ?? '/'}`);
    const batch = await p.locator('main .card').count();
    expect(bands[0]?.shown).toBeLessThan(batch);
    expect(bands[1]?.shown).toBeLessThan(hall);
    for (const [band, total] of [
      [bands[0], batch],
      [bands[1], hall],
    ] as const)
      // In one unit: 2 位 of 12 个 read as two kinds of thing.
      expect(band?.said).toMatch(new RegExp(`^这里先列出 ${band?.shown} ([位个])，.*共 ${total} \\1。$`));
    await context.close();
  });

  it('sets the page frame at 24 px, keeps the header clear of the notice, and tells the current page from a switch that is on', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript(LARGE);
    const p = await context.newPage();
    await p.goto(`${site.url}${routes.region('huozhou')}`);
    const frame = await p.evaluate(() => {
      const px = (s: string) =>
        [...document.querySelectorAll(s)]
          .filter((el) => el.getClientRects().length && el.textContent.trim())
          .map((el) => parseFloat(getComputedStyle(el).fontSize));
      const pill = (s: string) => {
        const el = document.querySelector(s);
        const st = el ? getComputedStyle(el) : undefined;
        return { fill: st?.backgroundColor, line: st?.textDecorationLine, bottom: el?.getBoundingClientRect().bottom };
      };
      return {
        sizes: [
          ...px('.site-header a, .site-header button'),
          ...px('.sample-notice p'),
          ...px('.site-footer p, .site-footer dd'),
        ],
        notice: document.querySelector('.sample-notice')?.getBoundingClientRect().top ?? 0,
        // The footer's labels start where their values start (联系方式 beside a value of three lines).
        misplaced: [...document.querySelectorAll('.registration div')].filter((row) => {
          const [dt, dd] = [row.querySelector('dt'), row.querySelector('dd')].map((el) => el?.getBoundingClientRect());
          return dt && dd && dt.width > 1 && dt.top > dd.top + 1;
        }).length,
        // The site's name whole beside the buttons, not cut to 临汾好…
        titleCut: (() => {
          const title = document.querySelector('.site-title');
          return title ? title.scrollWidth > title.clientWidth + 1 : true;
        })(),
        current: pill('#my-region'),
        on: pill('#large-text-toggle'),
      };
    });
    expect(frame.sizes.length).toBeGreaterThan(5);
    expect(Math.min(...frame.sizes)).toBeGreaterThanOrEqual(23.9);
    expect(frame.misplaced).toBe(0);
    expect(frame.titleCut).toBe(false);
    // The pills do not touch the notice under the bar.
    expect(frame.notice - (frame.on.bottom ?? Infinity)).toBeGreaterThanOrEqual(4);
    // 霍州 (this page) is underlined and not filled; 长辈 ✓ (on) is filled: the two never look alike.
    expect(frame.current.line).toContain('underline');
    expect(frame.on.line).not.toContain('underline');
    expect(frame.current.fill).not.toBe(frame.on.fill);
    // On narrower phones the site's name stays whole too (临汾… at 360 px), beside the buttons or above them,
    // and the sample notice is its one-line marker, not a fifth of the first screen.
    // The footer says each thing once: the correction address as its link (and the filing's 联系方式),
    // 推荐身边好人 in the list of sections.
    const footer = await p.locator('.site-footer').innerText();
    expect(footer.split('jiucuo@example.cn').length - 1).toBeLessThanOrEqual(2);
    expect(footer.split('推荐身边好人').length - 1).toBe(1);
    for (const width of [360, 320]) {
      await p.setViewportSize({ width, height: 800 });
      const bar = await p.evaluate(() => {
        const title = document.querySelector('.site-title');
        const notice = document.querySelector('.sample-notice')?.getBoundingClientRect();
        return {
          cut: title ? title.scrollWidth > title.clientWidth + 1 : true,
          notice: notice?.height ?? 0,
          mark: document.querySelector('.sample-mark')?.getClientRects().length ?? 0,
        };
      });
      expect(bar.cut, `${width} px`).toBe(false);
      expect(bar.mark).toBe(1);
      expect(bar.notice, `${width} px`).toBeLessThanOrEqual(80);
    }
    await context.close();
  });

  it('shows an extra-large pointer with a mouse in 长辈模式, the usual one otherwise', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await context.newPage();
    await p.goto(`${site.url}${routes.home}`);
    const cursor = () => p.evaluate(() => getComputedStyle(document.querySelector('main p') ?? document.body).cursor);
    expect(await cursor()).toBe('auto');
    await p.getByRole('button', { name: '长辈模式' }).click();
    expect(await cursor()).toContain('cursor-large.svg');
    await context.close();
  });

  it('leads back to “my county”: the header links to the county roll last opened, an entry page to its own county', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript(LARGE);
    const p = await context.newPage();
    await p.goto(`${site.url}${routes.entry('he-shuzhen-huozhou')}`);
    // Before any county is opened, the header leads to the county tiles.
    const mine = p.locator('#my-region');
    expect([await mine.textContent(), await mine.getAttribute('href')]).toEqual(['地区', routes.regions]);
    // The entry leads back to its county's roll with a button as large as every other target,
    // below the certificate's name, honour, county and deed.
    const back = p.getByRole('link', { name: '霍州市好人榜 ›', exact: true });
    const backBox = await back.boundingBox();
    expect(backBox && Math.min(backBox.width, backBox.height)).toBeGreaterThanOrEqual(60);
    expect(backBox && backBox.y).toBeGreaterThan((await p.locator('.certificate .lead').boundingBox())?.y ?? Infinity);
    await back.click();
    await p.waitForURL(`${site.url}${routes.region('huozhou')}`);
    // Read someone from another county, found by search: the header still leads home to 霍州.
    await p.goto(`${site.url}${routes.entry('zeng-xiaohong-yaodu')}`);
    const link = p.getByRole('link', { name: /^回到\s?霍州$/ });
    const box = await link.boundingBox();
    // It says what it does (回到 over 霍州): the county last opened, not claimed as the resident's own.
    expect(await link.textContent()).toBe('回到霍州');
    expect(await link.locator('span').allTextContents()).toEqual(['回到', '霍州']);
    // Beside it the site's name is still whole, also at 360 px on the search page (its pill outlined as current).
    expect(await p.locator('.site-title').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await p.setViewportSize({ width: 360, height: 740 });
    await p.goto(`${site.url}${routes.search}`);
    expect(await p.locator('.site-title').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await p.setViewportSize({ width: 390, height: 844 });
    expect(box && box.y + box.height).toBeLessThanOrEqual(60.5);
    expect(box && Math.min(box.width, box.height)).toBeGreaterThanOrEqual(60);
    // Its two lines sit clear of the pill's edge (they had touched it, 3 px from top and bottom).
    const room = await link.evaluate((a) => {
      const r = a.getBoundingClientRect();
      const lines = [...a.querySelectorAll('span')].map((s) => s.getBoundingClientRect());
      return Math.min(
        ...lines.flatMap((l) => [l.left - r.left, r.right - l.right]),
        (lines[0]?.top ?? 0) - r.top,
        r.bottom - (lines.at(-1)?.bottom ?? Infinity),
      );
    });
    expect(room).toBeGreaterThanOrEqual(5.5);
    await link.click();
    await p.waitForURL(`${site.url}${routes.region('huozhou')}`);
    // On that roll itself (and on the county tiles) it says 地区, marked as the page: 回到 where one is.
    expect(await mine.textContent()).toBe('地区');
    expect(await mine.getAttribute('aria-current')).toBe('page');
    // The page as a whole never scrolls sideways with the extra button, even at 320 px.
    await p.setViewportSize({ width: 320, height: 568 });
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });
});
