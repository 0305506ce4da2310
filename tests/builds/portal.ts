/**
 * A province of honour rolls (issue 32): two member cities and a portal over
 * them, built once each. City 甲市 is the mini fixture the global setup built
 * (its open data, with a withdrawn record), plus one record with private data
 * in disguise planted in the copy the portal holds, as a careless or hostile
 * member might publish it; city 乙市 is built here, naming the portal; a third
 * member's data is missing. Then both sites are served by real nginx on their
 * own ports, and 乙市's search page finds a person of 甲市 through the portal
 * in Chromium (在全省搜索).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { copyMini, editFile } from '../helpers/fixture.ts';
import { launch } from '../helpers/browser.ts';
import { startWebKit } from '../helpers/webkit.ts';
import { freePort } from '../helpers/port.ts';
import { httpGet, startNginx } from '../helpers/nginx.ts';
import { answer, fileOf, keyOf, queryWords, readRow, type NameRow } from '../../src/search/names-table.ts';
import { sha256 } from '../../src/portal/member-data.ts';

/** The names table's answer to `q` in a built site, as the search page reads it. */
function names(dist: string, q: string): NameRow[] {
  const folder = join(dist, 'search', 'names');
  const index = JSON.parse(readFileSync(join(folder, 'index.json'), 'utf8')) as { split: string[] };
  const file = join(folder, fileOf(keyOf(queryWords(q)[0] ?? '', new Set(index.split))));
  if (!existsSync(file)) return [];
  return answer(
    (JSON.parse(readFileSync(file, 'utf8')) as { rows: Parameters<typeof readRow>[0][] }).rows.map(readRow),
    q,
  );
}

/** A planted record of 甲市: a mobile number in full-width digits and dashes, inside the story. */
const PRIVATE = {
  id: 'zhou-qi-dongqu',
  url: 'https://test.example.org/people/zhou-qi-dongqu/',
  status: 'active',
  name: '周七',
  kind: 'person',
  region: 'dongqu',
  regionName: '东区',
  category: 'zhuren',
  categoryName: '助人为乐',
  summary: '热心帮助邻里。',
  story: '有事请找周七：１３９－０１３９－０６６６。',
  honours: [{ title: 'shi', titleName: '测试市好人', level: 'city', year: 2026 }],
};

describe('a provincial portal over two member cities', () => {
  let cityPort = 0;
  let portalPort = 0;
  let city = '';
  let portal = '';
  let output = '';

  beforeAll(async () => {
    cityPort = await freePort();
    portalPort = await freePort();
    const cityUrl = `http://127.0.0.1:${cityPort}/`;
    const portalUrl = `http://127.0.0.1:${portalPort}/`;

    // 乙市: the mini root renamed, with a person of its own in place of 张三, naming the portal.
    const cityRoot = copyMini();
    editFile(cityRoot, 'site.yaml', (s) =>
      s
        .replace('city: 测试市', 'city: 乙市')
        .replace('title: 测试市好人榜', 'title: 乙市好人榜')
        .replace('url: https://test.example.org', `url: ${cityUrl}\n  portal: ${portalUrl}`),
    );
    editFile(cityRoot, 'entries/zhang-san-xixian.mdx', (s) =>
      s.replace('name: 张三', 'name: 孙秀英').replace('张三的故事。', '孙秀英在汾河边救起落水儿童。'),
    );
    cpSync(join(cityRoot, 'entries/zhang-san-xixian.mdx'), join(cityRoot, 'entries/sun-xiuying-xixian.mdx'));
    rmSync(join(cityRoot, 'entries/zhang-san-xixian.mdx'));
    const built = await buildSite(cityRoot);
    expect(built.status, built.output).toBe(0);
    city = built.outDir;

    // The portal: the mini lists, no entries of its own, three members.
    const portalRoot = copyMini();
    rmSync(join(portalRoot, 'entries'), { recursive: true });
    mkdirSync(join(portalRoot, 'entries'));
    editFile(portalRoot, 'site.yaml', (s) =>
      s
        .replace('city: 测试市', 'city: 测试省')
        .replace('title: 测试市好人榜', 'title: 测试省好人榜')
        .replace('url: https://test.example.org', `url: ${portalUrl}`)
        .concat(
          [
            '  members:',
            '    - { id: jia, name: 甲市, url: "https://test.example.org", data: members/jia.json }',
            `    - { id: yi, name: 乙市, url: "${cityUrl}", data: members/yi }`,
            '    - { id: bing, name: 丙市, url: "https://bing.example.org", data: members/bing.json }',
            '',
          ].join('\n'),
        ),
    );
    const jia = JSON.parse(readFileSync(join(inject('miniDist'), 'data', 'entries.json'), 'utf8')) as {
      records: unknown[];
    };
    jia.records.push(PRIVATE);
    mkdirSync(join(portalRoot, 'members', 'yi', 'data'), { recursive: true });
    writeFileSync(join(portalRoot, 'members', 'jia.json'), JSON.stringify(jia));
    // 乙市 as a release archive: its open data and SHA256SUMS.
    const yi = readFileSync(join(city, 'data', 'entries.json'));
    writeFileSync(join(portalRoot, 'members', 'yi', 'data', 'entries.json'), yi);
    writeFileSync(join(portalRoot, 'members', 'yi', 'SHA256SUMS'), `${sha256(yi)}  data/entries.json\n`);
    const r = await buildSite(portalRoot);
    output = r.output;
    expect(r.status, r.output).toBe(0);
    portal = r.outDir;
  }, 300_000);

  it("finds a name of each city in the portal's names table, linking to the city's own page", () => {
    expect(names(portal, '张三').map((r) => [r.name, r.url, r.filters.region])).toEqual([
      ['张三', 'https://test.example.org/people/zhang-san-xixian/', ['甲市 西县']],
    ]);
    expect(names(portal, 'sunxiuying').map((r) => [r.name, r.url])).toEqual([
      ['孙秀英', `http://127.0.0.1:${cityPort}/people/sun-xiuying-xixian/`],
    ]);
  });

  it("refuses the record with private data and names it in the build's report; the withdrawn one is absent", () => {
    expect(output).toMatch(
      /记录 zhou-qi-dongqu（周七） 没有发布：字段 story 里有手机号码（139\*+666）.*［代码 portal\.record-refused］/,
    );
    expect(names(portal, '周七')).toEqual([]);
    expect(names(portal, '王五')).toEqual([]);
    expect(output).toMatch(/成员“甲市”：发布 \d+ 条，撤销 1 条不发布，拒收 1 条/);
  });

  it('reports the missing member and publishes the rest', () => {
    expect(output).toMatch(/成员“丙市”没有发布：数据 members\/bing\.json 不存在.*［代码 portal\.member-left-out］/);
    const home = readFileSync(join(portal, 'index.html'), 'utf8');
    expect(home).toMatch(/data-member="bing"[^>]*>.*数据暂未更新/s);
    expect(home).toContain('href="https://test.example.org/people/zhang-san-xixian/"');
  });

  describe('在全省搜索, served by nginx on two ports', () => {
    let browser: Browser;
    let nginx: { stop: () => void };
    beforeAll(async () => {
      nginx = await startNginx([
        { port: cityPort, root: city },
        { port: portalPort, root: portal },
      ]);
      browser = await launch();
    });
    afterAll(async () => {
      await browser.close();
      nginx.stop();
    });

    it("shares the portal's names table with its members' origins only, and the city's policy lets it", async () => {
      const origin = `http://127.0.0.1:${cityPort}`;
      const shared = await httpGet(portalPort, '/search/names/index.json', { Origin: origin });
      expect(shared.headers['access-control-allow-origin']).toBe(origin);
      const other = await httpGet(portalPort, '/search/names/index.json', { Origin: 'https://evil.example.com' });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const page = await httpGet(cityPort, '/search/');
      expect(String(page.headers['content-security-policy'])).toContain(
        `connect-src 'self' http://127.0.0.1:${portalPort};`,
      );
    });

    it("finds a person of the other city through the portal, below the city's own results", async () => {
      const tab = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await tab.goto(`http://127.0.0.1:${cityPort}/search/?q=${encodeURIComponent('张三')}`, { waitUntil: 'load' });
      const link = tab.locator('#province-results a', { hasText: '张三' });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe('https://test.example.org/people/zhang-san-xixian/');
      // The city's own answer for its own person, above the portal's section.
      await tab.fill('#search-q', '孙秀英');
      await tab.locator('#search-results a', { hasText: '孙秀英' }).waitFor();
      const order = await tab.evaluate(() => {
        const own = document.querySelector('#search-results');
        const province = document.querySelector('#province');
        return own && province ? own.compareDocumentPosition(province) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
      });
      expect(order).toBeTruthy();
      await tab.close();
    });

    it('shows its own results without the portal, and a link to the portal in place of its answer', async () => {
      const tab = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await tab.route(`http://127.0.0.1:${portalPort}/**`, (route) => route.abort());
      await tab.goto(`http://127.0.0.1:${cityPort}/search/?q=${encodeURIComponent('孙秀英')}`, { waitUntil: 'load' });
      await tab.locator('#search-results a', { hasText: '孙秀英' }).waitFor();
      await tab.locator('#province-status', { hasText: '暂时连不上省级门户' }).waitFor();
      expect(await tab.locator('#province-link').getAttribute('href')).toBe(
        `http://127.0.0.1:${portalPort}/search/?q=${encodeURIComponent('孙秀英')}`,
      );
      await tab.close();
    });

    // Not in a 390 px frame (webkit.ts): nginx's policy forbids framing (frame-ancestors 'none').
    it("finds a person of the other city through the portal in WebKit too, below the city's own results", async () => {
      const webkit = await startWebKit();
      try {
        const tab = await webkit.newPage();
        await tab.open(`http://127.0.0.1:${cityPort}/search/?q=${encodeURIComponent('张三')}`);
        await tab.waitFor(() => document.querySelector('#province-results a')?.textContent.includes('张三'), 15_000);
        const found = await tab.evaluate(() => ({
          href: document.querySelector('#province-results a')?.getAttribute('href'),
          below: Boolean(
            (document.querySelector('#search-results')?.compareDocumentPosition(document.querySelector('#province')!) ??
              0) & Node.DOCUMENT_POSITION_FOLLOWING,
          ),
        }));
        expect(found).toEqual({ href: 'https://test.example.org/people/zhang-san-xixian/', below: true });
      } finally {
        await webkit.close();
      }
    });

    it("answers a word of a member's story on the portal's search page, linking to the member's page", async () => {
      const tab = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await tab.goto(`http://127.0.0.1:${portalPort}/search/?q=${encodeURIComponent('汾河')}`, { waitUntil: 'load' });
      const link = tab.locator('#search-results a', { hasText: '孙秀英' });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(`http://127.0.0.1:${cityPort}/people/sun-xiuying-xixian/`);
      await tab.close();
    });
  });
});
