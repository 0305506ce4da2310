/**
 * 语音阅读 in real Chromium with a stubbed speech synthesis (no voices are installed
 * here): what is read, in which language and order; pause, resume and stop; the
 * block being read highlighted and in view; no reader code until the button is
 * pressed; silence after leaving the page; no button without a Chinese voice.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { sampleSiteInBrowser } from '../helpers/browser.ts';
import { routes } from '../../src/model/routes.ts';

const site = sampleSiteInBrowser();
const ENTRY = routes.entry('he-shuzhen-huozhou');

interface Log {
  spoken: Array<{ text: string; lang: string; voice?: string }>;
  calls: string[];
}

/** How long the stand-in voice takes to "speak" an utterance: a few ms, so a whole page reads in well under a second. */
const SPEAK_MS = 5;

/**
 * A phone whose speechSynthesis is a stand-in with the given voices: it records every
 * utterance and call (also into localStorage, to read after leaving the page) and
 * "speaks" each utterance in SPEAK_MS unless paused or cancelled. An utterance that starts
 * while `hold` (a CSS selector) matches something in the page is a long one: it goes on until
 * the test calls `ttsRelease()` in the page, and then ends SPEAK_MS later (once resumed, if paused).
 */
async function phoneWithSpeech(voices: string[] | null, large = false, hold?: string): Promise<BrowserContext> {
  // Reduced motion: the reader then jumps to each block instead of scrolling smoothly (a smooth
  // scroll on this loaded machine sometimes stalled the in-view check).
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
  await context.addInitScript(
    ({ voices, large, hold, ms }) => {
      if (large) localStorage.setItem('hrb-large-text', '1');
      if (voices === null) {
        delete (window as { speechSynthesis?: unknown }).speechSynthesis;
        Object.defineProperty(window, 'speechSynthesis', { value: undefined });
        return;
      }
      const log = { spoken: [] as Log['spoken'], calls: [] as string[] };
      const save = () => localStorage.setItem('tts-log', JSON.stringify(log));
      let current: { text: string; onend: ((e: Event) => void) | null } | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let paused = false;
      let held = false;
      const finish = () => {
        const done = current;
        current = undefined;
        done?.onend?.call(done, new Event('end'));
      };
      const schedule = () => {
        clearTimeout(timer);
        timer = setTimeout(finish, ms);
      };
      const fake = {
        getVoices: () => voices.map((lang) => ({ lang, name: `voice-${lang}`, default: false, localService: true })),
        speak(u: { text: string; lang: string; voice: { lang: string } | null; onend: ((e: Event) => void) | null }) {
          log.spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.lang });
          save();
          current = u;
          held = hold !== undefined && document.querySelector(hold) !== null;
          if (!held && !paused) schedule();
        },
        pause() {
          log.calls.push('pause');
          save();
          paused = true;
          clearTimeout(timer);
        },
        resume() {
          log.calls.push('resume');
          save();
          paused = false;
          if (current && !held) schedule();
        },
        cancel() {
          log.calls.push('cancel');
          save();
          clearTimeout(timer);
          current = undefined;
        },
        addEventListener() {},
      };
      Object.defineProperty(window, 'speechSynthesis', { value: fake });
      // Utterances of the stand-in: real ones refuse a voice that is not a real SpeechSynthesisVoice.
      class Utterance {
        lang = '';
        rate = 1;
        voice: { lang: string } | null = null;
        onend: ((e: Event) => void) | null = null;
        constructor(public text: string) {}
      }
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
      const w = window as unknown as { ttsLog: typeof log; ttsRelease: () => void };
      w.ttsLog = log;
      w.ttsRelease = () => {
        held = false;
        if (current && !paused) schedule();
      };
    },
    { voices, large, hold, ms: SPEAK_MS },
  );
  return context;
}

const spokenCount = (p: Page) => p.evaluate(() => (window as unknown as { ttsLog: Log }).ttsLog.spoken.length);

// Each test has a browser context of its own: they run side by side.
describe.concurrent('语音阅读 (read aloud)', () => {
  for (const large of [false, true]) {
    it(`reads the name, the honours and the story in zh-CN, in page order, one block highlighted at a time (${large ? '长辈模式' : 'normal mode'})`, async ({
      expect,
    }) => {
      const context = await phoneWithSpeech(['en-US', 'zh-CN'], large);
      const p = await context.newPage();
      const scripts: string[] = [];
      p.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
      });
      await p.goto(`${site.url}${ENTRY}`);
      const read = p.locator('#read-aloud');
      expect(await read.isVisible()).toBe(true);
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
      const badge = (await p.locator('.certificate .badge').textContent())?.replace(/\s+/g, ' ').trim() ?? '';
      expect(texts[1]).toBe(badge);
      const rungs = (await p.locator('.timeline .rung').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
      const story = (await p.locator('.story [data-read-children] > *').allTextContents()).map((s) =>
        s.replace(/\s+/g, ' ').trim(),
      );
      // The honours come before the story, and the story is read paragraph by paragraph, to its end.
      const firstRung = texts.indexOf(rungs[0] ?? '');
      const firstStory = texts.indexOf(story[0] ?? '');
      expect(firstRung).toBeGreaterThan(1);
      expect(firstStory).toBeGreaterThan(firstRung);
      expect(texts.slice(firstStory)).toEqual(story.filter(Boolean));
      expect(await read.textContent()).toContain('朗读');
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
    await p.locator('#read-aloud').click();
    expect(await p.locator('#read-aloud').textContent()).toContain('继续');
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
    expect(await p.locator('#read-aloud').textContent()).toContain('暂停');
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

  it('reads a release introduction too', async ({ expect }) => {
    const context = await phoneWithSpeech(['zh-CN']);
    const p = await context.newPage();
    await p.goto(`${site.url}${routes.release('2026-q1')}`);
    await p.locator('#read-aloud').click();
    await p.waitForFunction(() => (window as unknown as { ttsLog: Log }).ttsLog.spoken.length >= 2);
    const texts = await p.evaluate(() => (window as unknown as { ttsLog: Log }).ttsLog.spoken.map((s) => s.text));
    expect(texts[1]).toBe((await p.locator('.lead').textContent())?.replace(/\s+/g, ' ').trim());
    await context.close();
  });

  it('offers no button where the browser cannot speak Chinese', async ({ expect }) => {
    for (const voices of [null, ['en-US']]) {
      const context = await phoneWithSpeech(voices);
      const p = await context.newPage();
      await p.goto(`${site.url}${ENTRY}`);
      await p.waitForLoadState('load');
      expect(await p.locator('#read-aloud').isVisible(), JSON.stringify(voices)).toBe(false);
      await context.close();
    }
  });
});
