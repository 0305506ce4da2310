/**
 * The phone-layout, 长辈模式 and search tests again in WebKit (Safari's engine), since many
 * residents read on iPhones: WebKit catches what Chromium forgives. A 390 × 844 phone frame.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sampleSiteInWebKit } from '../helpers/webkit.ts';
import { serve } from '../helpers/serve.ts';
import { cardTexts, drawCards, missingGlyphs, qrOf } from '../helpers/share.ts';
import { countsLayout, linesStartingWithPunctuation } from '../helpers/layout.ts';
import { RARE } from '../setup/everyday.ts';
import { SPEAK_MS, installSpeechStub, spokenParts, type SpeechLog } from '../helpers/speech.ts';
import { pageFamilies } from '../../scripts/audit/pages.ts';
import { TARGETS, elderlyProbe } from '../../scripts/audit/browser.ts';
import { routes } from '../../src/model/routes.ts';

const site = sampleSiteInWebKit();
const HEIGHT = 844;
const LARGE = { 'hrb-large-text': '1' };
const ENTRY_WITH_PHOTO = routes.entry('he-shuzhen-huozhou');
const ENTRY_WITHOUT_PHOTO = routes.entry('cao-wenbin-xixian');

/** Where the certificate's parts end, in the page (run inside the phone frame). */
function certificate() {
  const bottom = (s: string) => {
    const r = document.querySelector(s)?.getBoundingClientRect();
    return r ? r.bottom + scrollY : Infinity;
  };
  const rect = (s: string) => document.querySelector(s)?.getBoundingClientRect().toJSON() as DOMRect | undefined;
  return {
    width: innerWidth,
    height: innerHeight,
    name: bottom('h1'),
    badge: bottom('.certificate .badge'),
    meta: bottom('.certificate-meta'),
    lead: bottom('.certificate .lead'),
    badgeText: document.querySelector('.certificate .badge')?.textContent.replace(/\s+/g, '') ?? '',
    top: document.querySelector('.timeline .rung-title')?.textContent.trim() ?? '',
    photo: rect('.certificate .entry-photo'),
    /** The photo's image, loaded (an entry without a photo has a surname tile there instead). */
    image: (() => {
      const img = document.querySelector<HTMLImageElement>('.certificate .entry-photo img');
      return img ? img.complete && img.naturalWidth > 0 : null;
    })(),
    tile: document.querySelector('.certificate .entry-photo.surname-tile') !== null,
    h1: rect('h1'),
    large: document.documentElement.classList.contains('large-text'),
  };
}

describe('in WebKit on a 390×844 phone', () => {
  for (const large of [false, true]) {
    const mode = large ? '长辈模式' : 'normal mode';
    it(`shows an entry's name, highest honour, county and deed on the first screen, and its photo (${mode})`, async () => {
      for (const path of [ENTRY_WITHOUT_PHOTO, ENTRY_WITH_PHOTO]) {
        await site.page.phone(`${site.url}${path}`, large ? LARGE : {});
        const c = await site.page.evaluate(certificate);
        expect([c.width, c.height]).toEqual([390, HEIGHT]);
        expect(c.large).toBe(large);
        for (const part of ['name', 'badge', 'meta', 'lead'] as const) {
          expect(c[part], `${path} ${part}`).toBeLessThanOrEqual(HEIGHT);
        }
        expect(c.badgeText).toContain(c.top);
        if (path === ENTRY_WITHOUT_PHOTO) expect([c.image, c.tile], path).toEqual([null, true]);
      }
      // Still on the entry with a photo: the photo is there, loaded, and where the layout puts it.
      const c = await site.page.evaluate(certificate);
      expect([c.image, c.tile]).toEqual([true, false]);
      if (!c.photo || !c.h1) throw new Error('no photo or name');
      expect(c.photo.width).toBeGreaterThan(40);
      expect(c.photo.height).toBeGreaterThan(40);
      if (large) {
        // 长辈模式: one column, the photo after the name block.
        expect(c.photo.top).toBeGreaterThan(c.h1.bottom);
      } else {
        // Beside the name, and on the first screen.
        expect(c.photo.right).toBeLessThanOrEqual(c.h1.left);
        expect(c.photo.top).toBeLessThan(c.h1.bottom);
        expect(c.photo.bottom).toBeLessThanOrEqual(HEIGHT);
      }
    });

    it(
      `scrolls no page family sideways at 390, 360 or 320 px, with text, spacing and targets to the elderly-friendly sizes (${mode})`,
      { timeout: 120_000 },
      async () => {
        const problems: string[] = [];
        for (const { family, path } of pageFamilies(inject('sampleDist'))) {
          await site.page.phone(`${site.url}${path}`, large ? LARGE : {});
          for (const p of await site.page.evaluate(elderlyProbe, { targets: TARGETS, large }))
            problems.push(`${family} ${path}: ${p}`);
          // 320 px: an iPhone with 放大显示 (WebKit kept a release's “临汾好人” beside 季度 and ran 52 px over).
          for (const w of [390, 360, 320]) {
            if (w !== 390) await site.page.resize(w);
            const width = await site.page.evaluate(() => document.documentElement.scrollWidth);
            if (width > w) problems.push(`${family} ${path} at ${w}: ${width}px wide`);
          }
        }
        expect(problems).toEqual([]);
      },
    );
  }

  for (const large of [false, true]) {
    const mode = large ? '长辈模式' : 'normal mode';
    it(`shows the county tiles placed as on a map early on the home page, and a roll's first honouree on the first screen (${mode})`, async () => {
      await site.page.phone(`${site.url}${routes.home}`, large ? LARGE : {});
      const tiles = await site.page.evaluate(() =>
        [...document.querySelectorAll('.region-tiles a')].map((a) => {
          const r = a.getBoundingClientRect();
          return { name: a.querySelector('.tile-name')?.textContent, top: r.top + scrollY, left: r.left, w: r.width };
        }),
      );
      const at = (name: string) => tiles.find((t) => t.name === name) ?? { top: NaN, left: NaN, w: NaN };
      expect(tiles).toHaveLength(17);
      expect(at('永和县').top).toBeLessThan(HEIGHT * (large ? 2 : 1));
      // 永和 in the north-west corner, 翼城 in the south-east, 尧都 between them (content/regions.yaml).
      expect(at('永和县').top).toBeLessThan(at('尧都区').top);
      expect(at('尧都区').top).toBeLessThan(at('翼城县').top);
      expect(at('永和县').left).toBeLessThan(at('尧都区').left);
      expect(at('尧都区').left).toBeLessThan(at('翼城县').left);
      expect(new Set(tiles.map((t) => Math.round(t.w))).size).toBe(1);
      for (const path of [routes.release('2026-q1'), routes.region('yaodu')]) {
        await site.page.phone(`${site.url}${path}`, large ? LARGE : {});
        const card = await site.page.evaluate(() => {
          const box = (s: string) => document.querySelector(`.cards .card ${s}`)?.getBoundingClientRect();
          const c = document.querySelector('.cards .card')?.getBoundingClientRect();
          return {
            badge: box('.badge')?.bottom ?? Infinity,
            deed: (box('.card-summary')?.width ?? 0) / (c?.width ?? 1),
          };
        });
        expect(card.badge, path).toBeLessThanOrEqual(HEIGHT);
        // 长辈模式: the deed under the name, the card's full width.
        if (large) expect(card.deed, path).toBeGreaterThan(0.85);
      }
    });
  }

  it('leads back in 长辈模式 to the county roll last opened, from the header of any page', async () => {
    await site.page.phone(`${site.url}${routes.region('hongtong')}`, LARGE);
    const entry = routes.entry('he-shuzhen-huozhou');
    await site.page.evaluate((href: string) => location.assign(href), entry);
    await site.page.waitFor(
      (h: string) => location.pathname === h && document.readyState === 'complete',
      10_000,
      entry,
    );
    const link = await site.page.evaluate(() => {
      const a = document.querySelector<HTMLAnchorElement>('#my-region');
      const r = a?.getBoundingClientRect();
      return { text: a?.textContent, href: a?.getAttribute('href'), w: r?.width, h: r?.height, bottom: r?.bottom };
    });
    expect(link).toMatchObject({ text: '回到洪洞', href: routes.region('hongtong') });
    expect(Math.min(link.w ?? 0, link.h ?? 0)).toBeGreaterThanOrEqual(60);
    expect(link.bottom).toBeLessThanOrEqual(61);
    // The entry's own county: a button in its action row, as large as the header's.
    const back = await site.page.evaluate(() => {
      const a = [...document.querySelectorAll<HTMLAnchorElement>('.entry-actions a')].find((el) =>
        el.textContent.includes('好人榜'),
      );
      const r = a?.getBoundingClientRect();
      return {
        text: a?.textContent.trim(),
        href: a?.getAttribute('href'),
        size: Math.min(r?.width ?? 0, r?.height ?? 0),
      };
    });
    expect(back).toMatchObject({ text: '霍州市好人榜 ›', href: routes.region('huozhou') });
    expect(back.size).toBeGreaterThanOrEqual(60);
  });

  it('sets the home page’s 榜单统计 as totals over whole parts, and breaks no running text before a comma', async () => {
    await site.page.phone(`${site.url}${routes.home}`);
    const { tiles, noteGap } = await site.page.evaluate(countsLayout);
    expect(tiles).toHaveLength(4);
    for (const t of tiles) {
      expect(t.total, t.label).toMatch(/^\d+ [位个]$/);
      expect([t.totalLines, t.split], t.label).toEqual([1, []]);
      expect(t.partsPx, t.label).toBeLessThanOrEqual(18.1);
      expect(t.height, t.label).toBeLessThanOrEqual(170);
    }
    expect(noteGap).toBeGreaterThanOrEqual(10);
    expect(await site.page.evaluate(linesStartingWithPunctuation)).toEqual([]);
  });

  it('opens an entry from a tap on the deed of its card', async () => {
    await site.page.phone(`${site.url}${routes.region('yaodu')}`);
    const href = await site.page.evaluate(() => document.querySelector('.card-name a')?.getAttribute('href'));
    await site.page.tap('.card .card-summary');
    await site.page.waitFor((h: string) => location.pathname === h, 10_000, href ?? '');
  });

  it('switches 长辈模式 on: larger text at once, remembered after a reload', async () => {
    await site.page.phone(`${site.url}${ENTRY_WITH_PHOTO}`);
    const size = () => parseFloat(getComputedStyle(document.querySelector('.story p') ?? document.body).fontSize);
    const normal = await site.page.evaluate(size);
    await site.page.click('#large-text-toggle');
    expect(await site.page.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(true);
    expect(await site.page.evaluate(size)).toBeGreaterThan(normal);
    await site.page.reload();
    expect(await site.page.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(true);
    expect(
      await site.page.evaluate(() => document.querySelector('#large-text-toggle')?.getAttribute('aria-pressed')),
    ).toBe('true');
  });

  it('answers a two-character name on the first screen, and filters with a chip that removes the filter', async () => {
    await site.page.phone(`${site.url}${routes.search}?q=${encodeURIComponent('曾小')}`);
    const answered = () =>
      document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false' &&
      /找到|没有找到/.test(document.querySelector('#search-status')?.textContent ?? '');
    await site.page.waitFor(answered, 20_000);
    const first = await site.page.evaluate(() => {
      const card = document.querySelector('#search-results .card');
      return { name: card?.querySelector('.card-name')?.textContent, bottom: card?.getBoundingClientRect().bottom };
    });
    expect(first.name).toBe('曾小红');
    expect(first.bottom).toBeLessThanOrEqual(HEIGHT);

    await site.page.phone(`${site.url}${routes.search}`);
    await site.page.type('#search-q', '建');
    await site.page.waitFor(() => location.search.includes('q=%E5%BB%BA'), 10_000);
    await site.page.waitFor(answered, 20_000);
    const all = await site.page.evaluate(() => document.querySelectorAll('#search-results li').length);
    expect(all).toBeGreaterThan(3);
    // Each count in the status is one run WebKit never breaks (it split 4 / 个集体 and 10 位个 / 人).
    const status = await site.page.evaluate(() => ({
      text: document.querySelector('#search-status')?.textContent ?? '',
      runs: [...document.querySelectorAll('#search-status .keep-whole')].map((el) => [
        el.textContent,
        getComputedStyle(el).whiteSpace,
      ]),
    }));
    const counts = status.text.match(/\d+\u00a0[位户个](?:个人|家庭|集体)?/gu) ?? [];
    expect(counts.length).toBeGreaterThan(0);
    for (const count of counts) expect(status.runs, count).toContainEqual([count, 'nowrap']);
    await site.page.click('#search-filters summary');
    // Where a resident sees it: WebDriver scrolls a box only to the screen's edge, under the sticky 看结果.
    await site.page.evaluate(() =>
      document.querySelector('#search-facets input[name="region"]')?.scrollIntoView({ block: 'center' }),
    );
    await site.page.click('#search-facets fieldset input[name="region"]');
    await site.page.waitFor(() => document.querySelectorAll('#search-chips .chip').length === 1, 10_000);
    await site.page.waitFor(answered, 20_000);
    expect(await site.page.evaluate(() => document.querySelectorAll('#search-results li').length)).toBeLessThan(all);
    // The filters stay open for a second choice; 看结果 folds them, the first result back on the first screen
    // (a tick that folded them left WebKit scrolled down to the footer).
    expect(await site.page.evaluate(() => document.querySelector('#search-filters')?.hasAttribute('open'))).toBe(true);
    await site.page.click('#search-filters-done');
    expect(
      await site.page.evaluate(() => ({
        open: document.querySelector('#search-filters')?.hasAttribute('open'),
        onScreen:
          (document.querySelector('#search-results .card-name')?.getBoundingClientRect().bottom ?? Infinity) <=
          innerHeight,
      })),
    ).toEqual({ open: false, onScreen: true });
    await site.page.click('#search-chips .chip');
    await site.page.waitFor(() => !location.search.includes('region='), 10_000);
    await site.page.waitFor(() => document.querySelectorAll('#search-chips .chip').length === 0, 10_000);
  });

  it('never moves or removes a search result once shown, on a slow network: a name, pinyin and initials', async () => {
    // WebKit has no network throttling here: the server holds the search files instead, the names
    // table's a little and the story indexes' longer, as a slow phone network would.
    const slow = await serve(inject('sampleDist'), {
      delay: (path) => (path.startsWith(routes.namesTable) ? 150 : path.startsWith(routes.storyIndexes) ? 500 : 0),
    });
    try {
      await site.page.phone(`${slow.url}${routes.search}`);
      // Ready: the empty search's hint is shown once the names table's index has loaded.
      await site.page.waitFor(() => document.querySelector('#search-status')?.textContent.includes('拼音'), 10_000);
      for (const q of ['张', 'zh', 'zjg']) {
        const lists = await site.page.evaluate((q: string) => {
          const list = document.querySelector('#search-results');
          const form = document.querySelector<HTMLFormElement>('#search-form');
          const input = document.querySelector<HTMLInputElement>('#search-q');
          if (!list || !form || !input) throw new Error('no search page');
          const seen: string[][] = [];
          const observer = new MutationObserver(() =>
            seen.push(Array.from(list.querySelectorAll('.card-name a'), (a) => a.textContent)),
          );
          observer.observe(list, { childList: true, subtree: true });
          input.value = q;
          form.requestSubmit();
          return new Promise<string[][]>((resolve) => {
            const check = () => {
              const done =
                new URLSearchParams(location.search).get('q') === q &&
                list.getAttribute('aria-busy') === 'false' &&
                /找到/.test(document.querySelector('#search-status')?.textContent ?? '');
              if (!done) return setTimeout(check, 50);
              observer.disconnect();
              seen.push(Array.from(list.querySelectorAll('.card-name a'), (a) => a.textContent));
              resolve(seen.filter((l) => l.length));
            };
            check();
          });
        }, q);
        expect(lists.length, q).toBeGreaterThan(1);
        // Each list the resident saw is the start of every later one: cards are only ever added below.
        for (const [k, list] of lists.entries())
          expect(lists[k + 1]?.slice(0, list.length) ?? list, `${q}: ${JSON.stringify(lists)}`).toEqual(list);
      }
    } finally {
      await slow.close();
    }
  });

  it('says beside 朗读, and when it is pressed, that WebKit has no Chinese voice, and how to get one (长辈模式)', async () => {
    // WebKitGTK here lists English voices only.
    await site.page.phone(`${site.url}${ENTRY_WITH_PHOTO}`, LARGE);
    await site.page.waitFor(() => document.querySelector<HTMLElement>('#read-note')?.hidden === false, 5_000);
    const state = await site.page.evaluate(() => {
      const button = document.querySelector<HTMLButtonElement>('#read-aloud');
      const r = button?.getBoundingClientRect();
      return {
        unavailable: button?.getAttribute('aria-disabled'),
        shown: !!r && r.width > 0,
        note: document.querySelector('#read-note')?.textContent,
        describedBy: button?.getAttribute('aria-describedby'),
      };
    });
    expect(state).toMatchObject({ unavailable: 'true', shown: true, describedBy: 'read-note' });
    // A press opens the why and the how, in WebKit too.
    await site.page.click('#read-aloud');
    expect(await site.page.evaluate(() => document.querySelector<HTMLDetailsElement>('#read-note')?.open)).toBe(true);
    expect(state.note).toMatch(/没有中文语音.*文字转语音/);
  });

  for (const large of [false, true]) {
    it(`reads an entry's honours rung by rung and a release's honourees with a Chinese voice (${large ? '长辈模式' : 'normal mode'})`, async () => {
      /** Gives the loaded page a Chinese voice (the stand-in), as a phone listing its voices late would. */
      const withVoice = async () => {
        await site.page.evaluate(installSpeechStub, { voices: ['zh-CN'], ms: SPEAK_MS });
        await site.page.evaluate(() => {
          (window as unknown as { realSpeech?: EventTarget }).realSpeech?.dispatchEvent(new Event('voiceschanged'));
        });
      };
      /** Presses 朗读 and returns what was said once the page has been read to its end. */
      const readAll = async () => {
        await site.page.waitFor(
          () => document.querySelector<HTMLButtonElement>('#read-aloud')?.matches(':enabled:not([aria-disabled])'),
          5_000,
        );
        await site.page.click('#read-aloud');
        await site.page.waitFor(() => {
          const log = (window as unknown as { ttsLog?: SpeechLog }).ttsLog;
          return !!log?.spoken.length && !document.querySelector('.reading');
        }, 20_000);
        return site.page.evaluate(() => (window as unknown as { ttsLog: SpeechLog }).ttsLog.spoken);
      };

      await site.page.phone(`${site.url}${routes.entry('wang-xiuying-hongtong')}`, large ? LARGE : {});
      await withVoice();
      const entry = await readAll();
      const texts = entry.map((s) => s.text);
      expect(texts[0]).toBe('王秀英');
      expect(texts).toContain('全国道德模范提名奖。全国，2023年，第9届');
      expect(texts).toContain('山西省道德模范。省级，2021年，第5届');
      expect(entry.every((s) => s.lang === 'zh-CN' && s.rate === (large ? 0.85 : 1))).toBe(true);

      await site.page.phone(`${site.url}${routes.release('2026-q1')}`, large ? LARGE : {});
      await withVoice();
      const release = (await readAll()).map((s) => s.text);
      const cards = await site.page.evaluate(() =>
        Array.from(document.querySelectorAll('.cards .card'), (c) => [
          c.querySelector('.card-name')?.textContent ?? '',
          c.querySelector('.card-meta')?.lastChild?.textContent ?? '',
          c.querySelector('.card-summary')?.textContent ?? '',
        ]),
      );
      expect(release.slice(2)).toEqual(cards.map(spokenParts));
      expect(release[2]).toBe('邓海涛。蒲县。深夜开车追赶抢包歹徒，协助警方将其抓获。');
    });
  }
});

describe('分享 in WebKit on a 390×844 phone', () => {
  const everyday = {} as { url: string; close: () => Promise<void> };
  beforeAll(async () => Object.assign(everyday, await serve(inject('everydayDist'))));
  afterAll(() => everyday.close());

  for (const large of [false, true]) {
    const mode = large ? '长辈模式' : 'normal mode';
    it(`shows the card after 分享: the rarest name characters in a CJK font, a QR code that leads to the page (${mode})`, async () => {
      const path = routes.entry(RARE.slug);
      await site.page.phone(`${everyday.url}${path}`, large ? LARGE : {});
      const button = await site.page.evaluate(() => {
        const r = document.querySelector('[data-share]')?.getBoundingClientRect();
        return r ? [r.width, r.height] : [];
      });
      expect(Math.min(...button)).toBeGreaterThanOrEqual(large ? 60 : 44);
      await site.page.click('[data-share]');
      await site.page.waitFor(
        () => (document.querySelector<HTMLImageElement>('#share-panel img.share-card')?.naturalWidth ?? 0) > 0,
        20_000,
      );
      const shown = await site.page.evaluate(() => {
        const img = document.querySelector<HTMLImageElement>('img.share-card');
        const r = img?.getBoundingClientRect();
        return { alt: img?.alt ?? '', right: r?.right ?? Infinity, width: r?.width ?? 0 };
      });
      expect(shown.alt).toContain(RARE.name);
      expect(shown.right).toBeLessThanOrEqual(390);
      // As large as the content allows in 长辈模式 too.
      if (large) expect(shown.width).toBeGreaterThanOrEqual(347);
      // A release's 分享 is on its first screen, above the honourees.
      await site.page.phone(`${everyday.url}${routes.release('2026-q1')}`, large ? LARGE : {});
      const release = await site.page.evaluate(
        () => document.querySelector('[data-share]')?.getBoundingClientRect().bottom,
      );
      expect(release).toBeLessThanOrEqual(844);
      if (large) return;
      await site.page.phone(`${everyday.url}${path}`, {});
      await site.page.click('[data-share]');
      await site.page.waitFor(() => (window as unknown as { hrbShare?: unknown }).hrbShare !== undefined, 20_000);
      // The check finds a character the fonts lack (CJK Extension G), so an empty list means something.
      expect(await site.page.evaluate(missingGlyphs, '\u{30000}')).toEqual(['\u{30000}']);
      // The entry's card holds all seven characters (name and deed); Chromium also draws the release's.
      for (const c of await site.page.evaluate(drawCards, [path])) {
        if (c.none) throw new Error(`no card for ${c.path}`);
        const texts = cardTexts(c.facts);
        expect(texts).toMatch(/堃喆.*珺玥.*彧垚.*镕/u);
        expect(await site.page.evaluate(missingGlyphs, texts), c.path).toEqual([]);
        expect(await qrOf(c.card)).toBe(`https://test.example.org${c.path}`);
      }
    });
  }
});
