/** 长辈模式 in real Chromium: the switch, its memory across pages, the keyboard. (Sideways scrolling: phone.test.ts.) */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sampleSiteInBrowser } from '../helpers/browser.ts';

const site = sampleSiteInBrowser();

const bodyFontPx = (p: Page) => p.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));

describe('large-text mode', () => {
  it('enlarges text when switched on and is remembered on the next page and after a reload', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 800 } });
    const p = await context.newPage();
    await p.goto(`${site.url}/`);
    const toggle = p.getByRole('button', { name: '长辈模式' });
    // Shown by /page.js once it runs: the default second of polling ran out once in a loaded 2-core CI run.
    await expect.poll(() => toggle.isVisible(), { timeout: 10_000 }).toBe(true);
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

  // No sideways scrolling in either mode at 360 px on every page family, and at 200% and 400% zoom
  // of a 1280 px window (640 and 320 CSS px): phone.test.ts's sideways test (WebKit: webkit.test.ts).
});
