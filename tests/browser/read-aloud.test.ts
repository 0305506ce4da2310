/**
 * 语音阅读 in real Chromium with a stubbed speech synthesis (no voices are installed
 * here): what is read, in which language and order; an honour's parts and a release's
 * honourees as sentences apart; pause, resume and stop; the block being read highlighted
 * and in view; drawn symbols, never a font's; no reader code until the button is pressed;
 * silence after leaving the page; a disabled button with a note where no Chinese voice exists.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { sampleSiteInBrowser } from '../helpers/browser.ts';
import { SPEAK_MS, installSpeechStub, spokenParts, type SpeechLog, type SpeechStub } from '../helpers/speech.ts';
import { routes } from '../../src/model/routes.ts';

const site = sampleSiteInBrowser();
const ENTRY = routes.entry('he-shuzhen-huozhou');
/** Two honours, each with a session: 全国道德模范提名奖 (2023, 第9届) and 山西省道德模范 (2021, 第5届). */
const LADDER_ENTRY = routes.entry('wang-xiuying-hongtong');

/** The symbol the button shows: which of its drawn icons is displayed. */
const shownIcon = (p: Page) =>
  p.$$eval('#read-aloud svg', (icons) =>
    icons.filter((i) => getComputedStyle(i).display !== 'none').map((i) => i.getAttribute('class')),
  );

type Log = SpeechLog;

/**
 * A phone whose speechSynthesis is a stand-in with the given voices (tests/helpers/speech.ts);
 * `large`: 长辈模式 chosen on an earlier visit.
 */
async function phoneWithSpeech(voices: SpeechStub['voices'], large = false, hold?: string): Promise<BrowserContext> {
  // Reduced motion: the reader then jumps to each block instead of scrolling smoothly (a smooth
  // scroll on this loaded machine sometimes stalled the in-view check).
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
  if (large) await context.addInitScript(() => localStorage.setItem('hrb-large-text', '1'));
  await context.addInitScript(installSpeechStub, { voices, hold, ms: SPEAK_MS });
  return context;
}

/** Waits until 朗读 is offered: a Chinese voice found, the button neither disabled nor marked so. */
const offered = (p: Page) =>
  p.waitForFunction(() => document.querySelector('#read-aloud')?.matches(':enabled:not([aria-disabled])'));
const spokenCount = (p: Page) => p.evaluate(() => (window as unknown as { ttsLog: Log }).ttsLog.spoken.length);

// Each test has a browser context of its own: they run side by side.
describe.concurrent('语音阅读 (read aloud)', () => {
  for (const large of [false, true]) {
    it(`reads the name, the honours rung by rung and the story in zh-CN, in page order, one block highlighted at a time (${large ? '长辈模式' : 'normal mode'})`, async ({
      expect,
    }) => {
      const context = await phoneWithSpeech(['en-US', 'zh-CN'], large);
      const p = await context.newPage();
      const scripts: string[] = [];
      p.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
      });
      await p.goto(`${site.url}${LADDER_ENTRY}`);
      const read = p.locator('#read-aloud');
      await offered(p);
      expect(await read.isVisible()).toBe(true);
      expect(await p.locator('#read-note').isVisible()).toBe(false);
      // Words and a drawn symbol: no character a phone's font may lack.
      expect(await read.textContent()).toBe('朗读');
      expect(await shownIcon(p)).toEqual(['icon icon-play']);
      expect(scripts).not.toContain(routes.readAloudScript);

      await read.click();
      await p.waitForFunction(() => (window as unknown as { ttsLog: Log }).ttsLog.spoken.length >= 1);
      expect(scripts).toContain(routes.readAloudScript);
      const name = (await p.locator('h1').textContent())?.trim() ?? '';
      // Wait for the whole page to be read: the reading ends by itself.
      await p.waitForFunction(() => !document.querySelector('.reading'), undefined, { timeout: 20_000 });
      await p.waitForFunction(() => document.querySelector('#read-stop')?.hasAttribute('hidden'));
      const log = await p.evaluate(() => (window as unknown as { ttsLog: Log }).ttsLog);
      const texts = log.spoken.map((s) => s.text);
      expect(texts[0]).toBe(name);
      expect(log.spoken.every((s) => s.lang === 'zh-CN' && s.voice === 'zh-CN')).toBe(true);
      // 长辈模式 reads a little slower.
      expect(log.spoken.every((s) => s.rate === (large ? 0.85 : 1))).toBe(true);
      const badge = (await p.locator('.certificate .badge').textContent())?.replace(/\s+/g, ' ').trim() ?? '';
      expect(texts[1]).toBe(badge);
      // Each honour is one utterance, its title, level, year and session as sentences and pauses.
      const firstRung = texts.indexOf('全国道德模范提名奖。全国，2023年，第9届');
      expect(firstRung, JSON.stringify(texts)).toBeGreaterThan(1);
      expect(texts[firstRung + 1]).toBe('山西省道德模范。省级，2021年，第5届');
      expect(texts.filter((t) => t.includes('·'))).toEqual([]);
      const story = (await p.locator('.story [data-read-children] > *').allTextContents()).map((s) =>
        s.replace(/\s+/g, ' ').trim(),
      );
      // The honours come before the story, and the story is read paragraph by paragraph, to its end.
      const firstStory = texts.indexOf(story[0] ?? '');
      expect(firstStory).toBeGreaterThan(firstRung);
      expect(texts.slice(firstStory)).toEqual(story.filter(Boolean));
      expect(await read.textContent()).toBe('朗读');
      await context.close();
    });

    it(`reads a release's title, introduction and then each honouree: name, county, deed (${large ? '长辈模式' : 'normal mode'})`, async ({
      expect,
    }) => {
      const context = await phoneWithSpeech(['zh-CN'], large);
      const p = await context.newPage();
      await p.goto(`${site.url}${routes.release('2026-q1')}`);
      await offered(p);
      await p.locator('#read-aloud').click();
      await p.waitForFunction(() => (window as unknown as { ttsLog: Log }).ttsLog.spoken.length >= 1);
      await p.waitForFunction(() => !document.querySelector('.reading'), undefined, { timeout: 20_000 });
      const texts = await p.evaluate(() => (window as unknown as { ttsLog: Log }).ttsLog.spoken.map((s) => s.text));
      const cards = await p.$$eval('.cards .card', (cards) =>
        cards.map((c) => [
          c.querySelector('.card-name')?.textContent,
          c.querySelector('.card-meta')?.lastChild?.textContent,
          c.querySelector('.card-summary')?.textContent,
        ]),
      );
      expect(cards.length).toBeGreaterThan(3);
      expect(texts[0]).toBe((await p.locator('h1').textContent())?.replace(/\s+/g, ' ').trim());
      expect(texts[1]).toBe((await p.locator('.lead').textContent())?.replace(/\s+/g, ' ').trim());
      expect(texts.slice(2)).toEqual(cards.map(spokenParts));
      expect(texts[2]).toBe('邓海涛。蒲县。深夜开车追赶抢包歹徒，协助警方将其抓获。');
      await context.close();
    });
  }

  it('pauses, resumes and stops, highlighting the block being read and keeping it in view', async ({ expect }) => {
    // The story's paragraphs are long: each goes on until the test lets it end.
    const context = await phoneWithSpeech(['zh-CN'], false, '.story [data-read-children] > .reading');
    const p = await context.newPage();
    await p.goto(`${site.url}${ENTRY}`);
    await p.locator('#read-aloud').click();
    // Let it reach the story, below the first screen.
    await p.waitForFunction(
      () => document.querySelector('.story [data-read-children] > :first-child.reading') !== null,
      undefined,
      { timeout: 20_000 },
    );
    // Reading: the drawn pause symbol.
    expect(await shownIcon(p)).toEqual(['icon icon-pause']);
    await p.locator('#read-aloud').click();
    expect(await p.locator('#read-aloud').textContent()).toBe('继续');
    expect(await shownIcon(p)).toEqual(['icon icon-play']);
    expect(await p.locator('#read-aloud').getAttribute('aria-pressed')).toBe('false');
    const marked = p.locator('.reading');
    expect(await marked.count()).toBe(1);
    // Scrolled into view.
    await p.waitForFunction(() => {
      const r = document.querySelector('.reading')?.getBoundingClientRect();
      return r !== undefined && r.top >= 0 && r.top + Math.min(r.height, 200) <= innerHeight;
    });
    // The paragraph would end now, but the voice is paused: nothing more is read.
    const spokenWhilePaused = await spokenCount(p);
    await p.evaluate(() => (window as unknown as { ttsRelease: () => void }).ttsRelease());
    await p.waitForTimeout(20 * SPEAK_MS);
    expect(await spokenCount(p)).toBe(spokenWhilePaused);
    expect(await p.locator('.story [data-read-children] > :first-child.reading').count()).toBe(1);

    await p.locator('#read-aloud').click();
    expect(await p.locator('#read-aloud').textContent()).toBe('暂停');
    // Resumed: the paragraph ends and the next one is read.
    await p.waitForFunction((n) => (window as unknown as { ttsLog: Log }).ttsLog.spoken.length > n, spokenWhilePaused);

    await p.locator('#read-stop').click();
    expect(await p.locator('.reading').count()).toBe(0);
    expect(await p.locator('#read-stop').isVisible()).toBe(false);
    const log = await p.evaluate(() => (window as unknown as { ttsLog: Log }).ttsLog);
    expect(log.calls).toEqual(expect.arrayContaining(['pause', 'resume', 'cancel']));
    const stoppedAt = log.spoken.length;
    await p.evaluate(() => (window as unknown as { ttsRelease: () => void }).ttsRelease());
    await p.waitForTimeout(20 * SPEAK_MS);
    expect(await spokenCount(p)).toBe(stoppedAt);
    await context.close();
  });

  it('falls silent when the resident goes to another page', async ({ expect }) => {
    // The name is read slowly: the reading is still going on when the resident leaves.
    const context = await phoneWithSpeech(['zh-CN'], false, '.reading');
    const p = await context.newPage();
    await p.goto(`${site.url}${ENTRY}`);
    await p.locator('#read-aloud').click();
    await p.waitForFunction(() => (window as unknown as { ttsLog: Log }).ttsLog.spoken.length >= 1);
    const callsBefore = await p.evaluate(() => (window as unknown as { ttsLog: Log }).ttsLog.calls.length);
    expect(await p.locator('#read-stop').isVisible()).toBe(true);
    await p.goto(`${site.url}${routes.home}`);
    const log = JSON.parse((await p.evaluate(() => localStorage.getItem('tts-log'))) ?? '{}') as Log;
    // Leaving cancelled the voice (a cancel of its own, after the one that starts every reading).
    expect(log.calls.length).toBeGreaterThan(callsBefore);
    expect(log.calls.at(-1)).toBe('cancel');
    await context.close();
  });

  it('says beside 朗读 where the browser has no Chinese voice, and how to get one, also when 朗读 is pressed', async ({
    expect,
  }) => {
    // English voices only (WebKitGTK); no voice ever listed (headless Chromium): install a voice. No speech
    // synthesis at all, or WeChat's in-app browser (often silent whatever the phone has): open a browser.
    const IN_APP = /^微信里不能朗读：请点右上角“···”，选“在浏览器打开”，再点朗读。$/;
    const WECHAT = 'Mozilla/5.0 (Linux; Android 13) Chrome/116.0 Mobile Safari/537.36 MicroMessenger/8.0.47';
    for (const [voices, large, ua, said] of [
      [null, false, undefined, IN_APP],
      [['en-US'], true, undefined, /没有中文语音.*“设置”.*文字转语音.*语音朗读/],
      [[], false, undefined, /没有中文语音.*“设置”.*文字转语音.*语音朗读/],
      [[], true, WECHAT, IN_APP],
    ] as const) {
      const context = await phoneWithSpeech(voices === null ? null : [...voices], large);
      if (ua)
        await context.addInitScript((agent) => Object.defineProperty(navigator, 'userAgent', { value: agent }), ua);
      const p = await context.newPage();
      await p.goto(`${site.url}${ENTRY}`);
      const note = p.locator('#read-note');
      await note.waitFor({ state: 'visible', timeout: 5_000 });
      expect(await note.locator('.read-note-how').textContent(), JSON.stringify(voices)).toMatch(said);
      const read = p.locator('#read-aloud');
      expect(await read.isVisible()).toBe(true);
      // Announced as unavailable, yet a press answers: a disabled button looked dead to a resident.
      expect(await read.getAttribute('aria-disabled')).toBe('true');
      expect(await read.getAttribute('aria-describedby')).toBe('read-note');
      // One folded line until asked (it was four lines above the honours of every page), then the how.
      const how = note.locator('.read-note-how');
      expect(await how.isVisible()).toBe(false);
      expect((await note.boundingBox())?.height).toBeLessThanOrEqual(64);
      // A finger's tap (playwright itself would wait for an aria-disabled button to be enabled).
      await read.click({ force: true });
      expect(await how.isVisible()).toBe(true);
      expect(await p.evaluate(() => document.activeElement?.closest('#read-note') !== null)).toBe(true);
      // Nothing tried to speak: the reader was not loaded.
      expect(await p.evaluate(() => 'hrbReadAloud' in window)).toBe(false);
      await note.locator('summary').click();
      expect(await how.isVisible()).toBe(false);
      await context.close();
    }
  });

  it('offers reading once the phone lists its Chinese voice, a moment after the page loads', async ({ expect }) => {
    const context = await phoneWithSpeech('late');
    const p = await context.newPage();
    await p.goto(`${site.url}${ENTRY}`);
    await offered(p);
    expect(await p.locator('#read-note').isVisible()).toBe(false);
    expect(await p.locator('#read-aloud').getAttribute('aria-describedby')).toBeNull();
    await p.locator('#read-aloud').click();
    await p.waitForFunction(() => (window as unknown as { ttsLog: Log }).ttsLog.spoken.length >= 1);
    await context.close();
  });
});
