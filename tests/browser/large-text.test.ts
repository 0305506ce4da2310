/** 长辈模式 in real Chromium: the switch, its memory across pages, and phones without sideways scrolling. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sampleSiteInBrowser } from '../helpers/browser.ts';
import { routes } from '../../src/model/routes.ts';

const site = sampleSiteInBrowser();

const bodyFontPx = (p: Page) => p.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
const overflow = (p: Page) =>
  p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('large-text mode', () => {
  it('enlarges text when switched on and is remembered on the next page and after a reload', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 800 } });
    const p = await context.newPage();
    await p.goto(`${site.url}/`);
    const toggle = p.getByRole('button', { name: '长辈模式' });
    await expect.poll(() => toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const normal = await bodyFontPx(p);
    expect(normal).toBeGreaterThanOrEqual(16);

    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await bodyFontPx(p)).toBeGreaterThanOrEqual(20);
    expect(await bodyFontPx(p)).toBeGreaterThan(normal);

    // 长辈模式 keeps only 首页 · 搜索 · 长辈模式 in the header: go on through the home page's county tiles.
    await p.locator('.region-tiles a').first().click();
    await p.waitForURL(/\/regions\/[a-z]+\/$/);
    expect(await bodyFontPx(p)).toBeGreaterThanOrEqual(20);
    expect(await p.getByRole('button', { name: '长辈模式' }).getAttribute('aria-pressed')).toBe('true');

    await p.reload();
    expect(await bodyFontPx(p)).toBeGreaterThanOrEqual(20);

    await p.getByRole('button', { name: '长辈模式' }).click();
    await p.goto(`${site.url}/stats/`);
    expect(await bodyFontPx(p)).toBe(normal);
    await context.close();
  });

  it('is operable from the keyboard', async () => {
    const context = await site.browser.newContext();
    const p = await context.newPage();
    await p.goto(`${site.url}/regions/`);
    await p.getByRole('button', { name: '长辈模式' }).focus();
    await p.keyboard.press('Enter');
    expect(await p.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(true);
    await context.close();
  });

  it('never scrolls sideways on a 360 px phone, in either mode, on every page family', async () => {
    const paths = [
      '/',
      routes.people,
      routes.entry('zeng-xiaohong-yaodu'),
      routes.entry('chen-siyu-xiangning'),
      routes.entry('hu-zhigang-yaodu'),
      routes.honours,
      routes.title('lf-hr'),
      routes.regions,
      routes.listPage(routes.region('hongtong'), 1, 'strokes'),
      routes.categories,
      routes.year(2026),
      routes.releases,
      routes.release('2026-q1'),
      routes.stats,
      `${routes.search}?q=%E5%BB%BA`,
      '/no-such-page/',
    ];
    for (const large of [false, true]) {
      const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
      if (large) await context.addInitScript(() => localStorage.setItem('hrb-large-text', '1'));
      const p = await context.newPage();
      for (const path of paths) {
        await p.goto(`${site.url}${path}`);
        expect(await overflow(p), `${path} large=${large}`).toBeLessThanOrEqual(0);
      }
      await context.close();
    }
  });

  it('reflows at 200% and 400% zoom of a 1280 px window (640 and 320 CSS px) without sideways scrolling', async () => {
    for (const width of [640, 320]) {
      const context = await site.browser.newContext({
        viewport: { width, height: 800 },
        deviceScaleFactor: 1280 / width,
      });
      const p = await context.newPage();
      for (const path of [
        '/',
        routes.entry('yang-xinmin-yaodu'),
        routes.stats,
        routes.regions,
        routes.title('qg-ddmf'),
      ]) {
        await p.goto(`${site.url}${path}`);
        expect(await overflow(p), `${path} at ${width}px`).toBeLessThanOrEqual(0);
      }
      await context.close();
    }
  });
});
