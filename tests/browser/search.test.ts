/** Search in real Chromium against the built sample site: quality, ranking, facets, URL state, no-JS fallback. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sampleSiteInBrowser } from '../helpers/browser.ts';
import { NAME_KINDS, QUERIES, type QueryKind } from '../search/queries.ts';
import { routes } from '../../src/model/routes.ts';
import { readCollection, readEntries } from '../helpers/content.ts';
import { listEntryFiles } from '../../src/parse/content-files.ts';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const site = sampleSiteInBrowser();
let page: Page;

beforeAll(async () => {
  page = await site.browser.newPage();
});

/**
 * Waits until the search page has answered (for `q`, when given: the query the page shows in its URL),
 * then returns the result slugs in order.
 */
async function resultIds(p: Page, q?: string): Promise<string[]> {
  await p.waitForFunction(
    (q) =>
      (q === undefined || new URLSearchParams(location.search).get('q') === q) &&
      /找到|没有找到/.test(document.querySelector('#search-status')?.textContent ?? '') &&
      document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false',
    q,
  );
  return p.$$eval('#search-results .card-name a', (links) =>
    links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/')[2] ?? ''),
  );
}

interface Recorded {
  resultLists: string[][];
}

/**
 * Run in the page before its scripts: records the result list's cards (their slugs, in order)
 * after every change, into `window.resultLists`.
 */
function recordResultLists() {
  const w = window as unknown as Recorded;
  w.resultLists = [];
  document.addEventListener('DOMContentLoaded', () => {
    const list = document.querySelector('#search-results');
    if (!list) return;
    new MutationObserver(() =>
      w.resultLists.push(
        Array.from(list.querySelectorAll('.card-name a'), (a) => (a as HTMLAnchorElement).pathname.split('/')[2] ?? ''),
      ),
    ).observe(list, { childList: true, subtree: true });
  });
}

/** Opens the 筛选 disclosure (filters stay folded above the results until asked for). */
async function openFilters(p: Page) {
  const filters = p.locator('#search-filters');
  if ((await filters.getAttribute('open')) === null) await filters.locator('summary').click();
}

/** Opens the search page cold from a shared link for `q` and returns its answer. */
async function searchFor(q: string, p = page): Promise<string[]> {
  await p.goto(`${site.url}/search/?q=${encodeURIComponent(q)}`);
  return resultIds(p, q);
}

/**
 * Types `q` into the search box of a search page that has already answered, and presses Enter
 * (which answers at once, without waiting for the typing pause); returns its answer.
 */
async function typeQuery(q: string, p = page): Promise<string[]> {
  await p.fill('#search-q', q);
  await p.press('#search-q', 'Enter');
  return resultIds(p, q);
}

/** Each query's answer in one loaded search page: the first opened from a link, the rest typed. */
async function answers(queries: string[], p = page): Promise<string[][]> {
  const out: string[][] = [];
  for (const [i, q] of queries.entries()) out.push(await (i === 0 ? searchFor(q, p) : typeQuery(q, p)));
  return out;
}

describe('search quality on the sample site', () => {
  // The two loops run side by side, each in a page of its own (most of their time is waiting for answers).
  it.concurrent(
    `finds what residents type (${QUERIES.length} queries): names and field words 100%, story words ≥ 95%, an exact name first`,
    { timeout: 120_000 },
    async ({ expect }) => {
      const tally = new Map<QueryKind, { hit: number; all: number; misses: string[] }>();
      const notFirst: string[] = [];
      const found = await answers(QUERIES.map((q) => q.query));
      for (const [i, q] of QUERIES.entries()) {
        const ids = found[i] ?? [];
        const top10 = ids.slice(0, 10);
        const ok = q.expect.every((id) => top10.includes(id));
        const row = tally.get(q.kind) ?? { hit: 0, all: 0, misses: [] };
        row.all += 1;
        if (ok) row.hit += 1;
        else row.misses.push(`${q.query} → [${top10.join(', ')}]`);
        tally.set(q.kind, row);
        // An exact name match ranks first.
        if (q.kind === 'name' && ids[0] !== q.expect[0]) notFirst.push(`${q.query} → [${top10.join(', ')}]`);
      }
      console.log(
        [...tally]
          .map(([kind, r]) => `recall ${kind}: ${r.hit}/${r.all} (${((100 * r.hit) / r.all).toFixed(0)}%)`)
          .join('\n'),
      );
      for (const [kind, r] of tally) {
        if (kind === 'story') expect(r.hit / r.all, r.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
        else expect(r.misses, kind).toEqual([]);
      }
      expect(notFirst, 'an exact name match ranks first').toEqual([]);
      expect(tally.get('name')?.all).toBeGreaterThanOrEqual(10);
      expect(QUERIES.length).toBeGreaterThanOrEqual(50);
    },
  );

  it.concurrent(
    'finds every name query from the names table alone, one small file each at most',
    { timeout: 120_000 },
    async ({ expect }) => {
      const context = await site.browser.newContext();
      const p = await context.newPage();
      await p.route('**/pagefind-stories/**', (route) => route.abort());
      // Every request for data or code but the (blocked) story indexes.
      const requested: string[] = [];
      p.on('request', (r) => {
        const path = new URL(r.url()).pathname;
        if (['fetch', 'xhr', 'script'].includes(r.resourceType()) && !path.startsWith(routes.storyIndexes))
          requested.push(path);
      });
      const misses: string[] = [];
      const nameQueries = QUERIES.filter((x) => NAME_KINDS.includes(x.kind));
      expect(nameQueries.length).toBeGreaterThanOrEqual(50);
      for (const [i, q] of nameQueries.entries()) {
        const before = requested.length;
        const top10 = (i === 0 ? await searchFor(q.query, p) : await typeQuery(q.query, p)).slice(0, 10);
        if (!q.expect.every((id) => top10.includes(id))) misses.push(`${q.query} → [${top10.join(', ')}]`);
        const tables = requested.slice(before).filter((path) => path.startsWith(routes.namesTable));
        if (i === 0) {
          // Opened from a link: the table's index and one file of names.
          expect(tables, q.query).toHaveLength(2);
          expect(tables[0], q.query).toBe(`${routes.namesTable}index.json`);
        } else {
          // Typed into the loaded page: the index is loaded already; at most one file of names, and nothing else.
          expect(requested.slice(before), q.query).toEqual(tables);
          expect(tables.length, q.query).toBeLessThanOrEqual(1);
          expect(tables, q.query).not.toContain(`${routes.namesTable}index.json`);
        }
      }
      expect(misses).toEqual([]);
      // No file of names was fetched twice.
      const files = requested.filter((path) => path.startsWith(routes.namesTable));
      expect(new Set(files).size).toBe(files.length);
      await context.close();
    },
  );

  it.concurrent(
    'never moves or removes a result once shown, on a throttled phone: a name, pinyin and initials',
    { timeout: 120_000 },
    async ({ expect }) => {
      const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
      const p = await context.newPage();
      // A slow phone on a slow network: the names table answers well before the story indexes.
      const cdp = await context.newCDPSession(p);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: 200_000,
        uploadThroughput: 100_000,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await p.addInitScript(recordResultLists);
      for (const [i, q] of ['张', 'zh', 'zjg'].entries()) {
        if (i > 0) await p.evaluate(() => (window as unknown as Recorded).resultLists.splice(0));
        const final = await (i === 0 ? searchFor(q, p) : typeQuery(q, p));
        const lists = (await p.evaluate(() => (window as unknown as Recorded).resultLists)).filter((l) => l.length);
        expect(lists.length, q).toBeGreaterThan(0);
        // Each list the resident saw is the start of every later one: cards are only ever added below.
        for (const [k, list] of lists.entries())
          expect(lists[k + 1]?.slice(0, list.length) ?? list, `${q}: ${JSON.stringify(lists)}`).toEqual(list);
        expect(final[0], q).toBe(lists[0]?.[0]);
        expect(new Set(final).size, `${q}: a card twice`).toBe(final.length);
      }
      await context.close();
    },
  );

  it('finds a common character only in what entries say, never in the words of the page’s own buttons and notes', async () => {
    // 不 is in the no-voice note beside every entry's 朗读 (暂不能朗读); 朗读 and 打印 are buttons; 荣誉 a heading.
    const text = new Map(
      listEntryFiles(join('content', 'entries')).files.map((f) => [basename(f, '.mdx'), readFileSync(f, 'utf8')]),
    );
    const withBu = readEntries<{ status?: string; draft?: boolean }>('content').filter(
      (e) => e.status !== 'withdrawn' && !e.draft && text.get(e.id)?.includes('不'),
    );
    const found = await searchFor('不离');
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(withBu.length);
    for (const q of ['朗读', '本机没有中文语音']) expect(await typeQuery(q), q).toEqual([]);
    // One character is in nearly every story (的, 好, 不): alone it finds names only, and says what finds more.
    for (const q of ['不', '的', '好']) {
      expect(await typeQuery(q), q).toEqual([]);
      expect(await page.locator('#search-status').textContent(), q).toContain('请多输几个字，或输入姓名');
    }
    const surname = await typeQuery('张');
    expect(surname.length).toBeGreaterThan(0);
    const names = await page.$$eval('#search-results .card-name a', (links) => links.map((a) => a.textContent));
    expect(
      names.every((name) => name.includes('张')),
      names.join(),
    ).toBe(true);
    expect(await page.locator('#search-results .card-source').count()).toBe(0);
    // A query with a word no page has finds nobody, not the pages that have its commonest character.
    for (const q of ['xyz不存在', 'xyz 不离不弃']) expect(await typeQuery(q), q).toEqual([]);
    // A real story word still finds its person, alone and with another word.
    for (const q of ['送终', '孤寡 送终']) expect(await typeQuery(q), q).toContain('he-shuzhen-huozhou');
    // Found in what the entry says, and said so; a name found is not.
    const sources = () =>
      page.$$eval('#search-results .card', (cards) =>
        cards.map((c) => c.querySelector('.card-source')?.textContent ?? ''),
      );
    // Its summary under it has the words: the label alone. A story word not in the summary: the passage
    // that says it, the word marked.
    expect(await sources()).toEqual(['事迹中提到']);
    expect(await typeQuery('擦洗'), '擦洗').toContain('he-shuzhen-huozhou');
    for (const source of await sources()) expect(source).toMatch(/^事迹中提到：…?[^…]*擦洗[^…]*[。…]$/);
    const marks = await page.locator('#search-results .card-source mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['擦洗']));
    await typeQuery('何淑珍');
    expect((await sources())[0]).toBe('');
    // A typo in a name finds the name, labelled as close to it (not as a word of the story).
    expect((await typeQuery('何树珍'))[0]).toBe('he-shuzhen-huozhou');
    expect((await sources())[0]).toBe('姓名相近');
    // A county in pinyin finds its people, and only them, with no claim about their stories.
    const hongtong = await typeQuery('hongtong');
    expect(hongtong.length).toBeGreaterThan(2);
    expect(
      hongtong.every((id) => id.endsWith('-hongtong')),
      hongtong.join(),
    ).toBe(true);
    expect(await sources()).toEqual(hongtong.map(() => ''));
    expect(await page.locator('#region-shortcut a:visible').textContent()).toContain('洪洞县好人榜');
    // A county's name in characters finds its people only, not a page with 大 in one word and 宁 in another
    // (陈思雨 of 乡宁县, whose story says 大大的善意), and says nothing about their stories; the county's roll is offered.
    const daning = await typeQuery('大宁');
    expect(daning.length).toBeGreaterThan(2);
    expect(
      daning.every((id) => id.endsWith('-daning')),
      daning.join(),
    ).toBe(true);
    expect(await sources()).toEqual(daning.map(() => ''));
    expect(await page.locator('#region-shortcut a:visible').textContent()).toContain('大宁县好人榜');
    await typeQuery('敬老院');
    expect(await page.locator('#region-shortcut a:visible').count()).toBe(0);
    // Nothing found, no filter chosen: no advice to remove filters, and no 筛选 with nothing in it.
    expect(await typeQuery('外星人')).toEqual([]);
    expect(await page.locator('#search-status').textContent()).toBe('没有找到，请换个词再试，或按地区、称号浏览。');
    expect(await page.locator('#search-browse a:visible').count()).toBe(5);
    expect(await page.locator('#search-filters').isVisible()).toBe(false);
  });

  it('never finds a withdrawn entry, though its page exists and search works', async () => {
    // The page is there (a withdrawal notice at the old URL) …
    await page.goto(`${site.url}/people/hu-zhigang-yaodu/`);
    await expect.poll(() => page.locator('#withdrawn-heading').count()).toBe(1);
    // … search answers a listed name in the same way …
    const [byName, byPinyin, withdrawnName, withdrawnPinyin] = await answers([
      '曾小红',
      'zengxiaohong',
      '胡志刚',
      'huzhigang',
    ]);
    expect(byName).toContain('zeng-xiaohong-yaodu');
    expect(byPinyin).toContain('zeng-xiaohong-yaodu');
    // … and never with the withdrawn one.
    expect(withdrawnName).not.toContain('hu-zhigang-yaodu');
    expect(withdrawnPinyin).not.toContain('hu-zhigang-yaodu');
    // Nor anybody else: 胡 and 刚 are in no listed page, and 20 strangers whose stories have a 志 (志愿) were
    // offered as 事迹中提到 under the withdrawn page's own search box.
    expect(withdrawnName).toEqual([]);
    // A name typed with one character wrong still finds its person.
    expect((await answers(['何树珍']))[0]).toContain('he-shuzhen-huozhou');
  });
});

describe('search page behaviour', () => {
  it('offers the rolls to browse under an empty box, and puts them away once something is asked', async () => {
    const p = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await p.goto(`${site.url}/search/`);
    const browse = p.locator('#search-browse');
    await browse.waitFor({ state: 'visible' });
    expect(await browse.locator('a').allTextContents()).toEqual(['地区', '荣誉称号', '类别', '年份', '全部好人']);
    expect((await browse.boundingBox())?.y).toBeLessThan(844);
    await typeQuery('何淑珍', p);
    expect(await browse.isVisible()).toBe(false);
    await p.close();
  });

  it('searches from the header box on any page, without JavaScript on that page', async () => {
    await page.goto(`${site.url}/regions/`);
    await page.getByRole('search', { name: '全站搜索' }).getByRole('searchbox').fill('曾小红');
    await page.getByRole('search', { name: '全站搜索' }).getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/\/search\/\?q=/);
    expect((await resultIds(page))[0]).toBe('zeng-xiaohong-yaodu');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });

  it('shows results as they are typed, keeps the query in the URL, and filters by facet', async () => {
    await page.goto(`${site.url}/search/`);
    await page.locator('#search-q').pressSequentially('建', { delay: 50 });
    await page.waitForURL(/q=%E5%BB%BA/);
    const all = await resultIds(page);
    expect(all.length).toBeGreaterThan(3);

    await openFilters(page);
    // Values in the site's order, not by pinyin: levels from 全国 down, counties as regions.yaml orders them.
    const values = (group: string) =>
      page
        .getByRole('group', { name: group })
        .locator('label')
        .evaluateAll((labels) => labels.map((l) => l.textContent.trim().replace(/（\d+）$/, '')));
    const levels = await values('荣誉级别');
    const downward = ['全国', '省级', '市级', '县级'].filter((l) => levels.includes(l));
    expect(levels).toEqual(downward);
    const regionOrder = readCollection<{ id: string; name: string; order: number }>('content', 'regions.yaml')
      .sort((a, b) => a.order - b.order)
      .map((r) => r.name);
    const shownRegions = await values('地区');
    expect(shownRegions).toEqual(regionOrder.filter((r) => shownRegions.includes(r)));
    await page
      .getByRole('group', { name: '地区' })
      .getByRole('checkbox', { name: /洪洞县/ })
      .click();
    await page.waitForURL(/region=/);
    await page.waitForFunction((n) => document.querySelectorAll('#search-results li').length < n, all.length);
    const filtered = await resultIds(page);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((id) => id.endsWith('-hongtong'))).toBe(true);
    // Choosing folded the filters; open again, they count within the filtered results.
    await openFilters(page);
    const level = page.getByRole('group', { name: '荣誉级别' });
    expect(await level.getByRole('checkbox').count()).toBeGreaterThan(0);

    await page.goBack();
    await page.waitForFunction(
      (n) => document.querySelectorAll('#search-results li').length >= n,
      Math.min(all.length, 10),
    );
    expect(new URL(page.url()).searchParams.get('region')).toBeNull();
  });

  it('restores a shared URL with query and filters', async () => {
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('志愿')}&kind=${encodeURIComponent('集体')}`);
    const ids = await resultIds(page);
    expect(ids.length).toBeGreaterThan(0);
    // The chosen filter shows as a chip above the results, and as the number on the 筛选 button.
    expect(await page.locator('#search-chips .chip').allTextContents()).toEqual(['集体 ✕']);
    expect(await page.locator('#search-filters summary').textContent()).toBe('筛选（1）');
    await openFilters(page);
    expect(await page.getByRole('checkbox', { name: /集体/ }).isChecked()).toBe(true);
    expect(await page.inputValue('#search-q')).toBe('志愿');
    for (const id of ids) expect(id).toMatch(/zhiyuan|dui|tuan|che/);
  });

  it('says how many it found, and "show more" reaches exactly that many', async () => {
    await searchFor('老人');
    // Opened cold from a shared link, the page still offers the facets.
    await openFilters(page);
    expect(await page.getByRole('group', { name: '地区' }).getByRole('checkbox').count()).toBeGreaterThan(1);
    const said = Number(/找到 (\d+)/.exec((await page.textContent('#search-status')) ?? '')?.[1]);
    expect(said).toBeGreaterThan(10);
    while (await page.locator('#search-more').isVisible()) {
      const before = await page.locator('#search-results li').count();
      await page.locator('#search-more').click();
      await page.waitForFunction((n) => document.querySelectorAll('#search-results li').length > n, before);
    }
    expect(await page.locator('#search-results li').count()).toBe(said);
  });

  it('answers a name from the names table alone, even when the story indexes cannot load', async () => {
    const context = await site.browser.newContext();
    const p = await context.newPage();
    const storyRequests: string[] = [];
    await p.route('**/pagefind-stories/**', (route) => {
      storyRequests.push(route.request().url());
      return route.abort();
    });
    await p.goto(`${site.url}/search/?q=${encodeURIComponent('曾小红')}`);
    expect((await resultIds(p))[0]).toBe('zeng-xiaohong-yaodu');
    expect(storyRequests.length).toBeGreaterThan(0); // it did try to complete the answer from the stories
    expect(await p.textContent('#search-status')).toMatch(/^找到 \d+/);
    await context.close();
  });

  it('says so and links to the rolls when JavaScript is off', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto(`${site.url}/search/?q=test`);
    const notice = p.locator('main .notice');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('搜索需要浏览器开启 JavaScript');
    expect(await p.locator(`main a[href="${routes.regions}"]:visible`).isVisible()).toBe(true);
    await context.close();
  });
});
