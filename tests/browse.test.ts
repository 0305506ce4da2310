/** The browsing side of the built sample site: rolls, orders, counts, links and machine-readable lists. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { readCollection, readEntries } from './helpers/content.ts';
import { htmlFiles, jsonLd, page, text } from './helpers/html.ts';
import { routes } from '../src/model/routes.ts';

const dist = inject('sampleDist');

const ids = (file: string) => readCollection<{ id: string }>('content', file).map((r) => r.id);

interface Front {
  name: string;
  region: string;
  category: string;
  status?: string;
  draft?: boolean;
  minor?: boolean;
  honours: Array<{ title: string; year: number; release?: string }>;
}
const entries = readEntries<Front>('content');
const listed = entries.filter((e) => e.status !== 'withdrawn' && !e.draft);
const withdrawn = entries.filter((e) => e.status === 'withdrawn');

/** Every page of a roll, following its own pagination links, default order. */
function rollNames(base: string): string[] {
  const names: string[] = [];
  let path: string | undefined = base;
  while (path) {
    const doc = page(dist, path);
    names.push(...doc.querySelectorAll('main .card-name').map(text));
    path = doc.querySelector('.pagination a[rel="next"]')?.getAttribute('href') ?? undefined;
  }
  return names;
}

const headingCount = (path: string) => Number(/共 (\d+)/.exec(text(page(dist, path).querySelector('h1')))?.[1]);

describe('roll pages', () => {
  it('exist for every title, region, category, year and release, with counts from content', () => {
    for (const id of ids('regions.yaml')) {
      expect(headingCount(routes.region(id)), id).toBe(listed.filter((e) => e.region === id).length);
    }
    for (const id of ids('categories.yaml')) {
      expect(headingCount(routes.category(id)), id).toBe(listed.filter((e) => e.category === id).length);
    }
    for (const id of ids('titles.yaml')) {
      expect(headingCount(routes.title(id)), id).toBe(
        listed.filter((e) => e.honours.some((h) => h.title === id)).length,
      );
    }
    for (const id of ids('releases.yaml')) {
      expect(headingCount(routes.release(id)), id).toBe(
        listed.filter((e) => e.honours.some((h) => h.release === id)).length,
      );
    }
    const years = new Set(listed.flatMap((e) => e.honours.map((h) => h.year)));
    for (const y of years) {
      expect(headingCount(routes.year(y)), String(y)).toBe(
        listed.filter((e) => e.honours.some((h) => h.year === y)).length,
      );
    }
    expect(headingCount('people')).toBe(listed.length);
  });

  it('lists everyone exactly once across the pages of /people/, in both orders', () => {
    const byPinyin = rollNames('people');
    const byStrokes = rollNames(routes.listPage(routes.people, 1, 'strokes'));
    expect(byPinyin.length).toBe(listed.length);
    expect(new Set(byPinyin)).toEqual(new Set(listed.map((e) => e.name)));
    expect(new Set(byStrokes)).toEqual(new Set(byPinyin));
    expect(byStrokes).not.toEqual(byPinyin);
  });

  it('reproduces a release in official stroke order, with pinyin order one link away', () => {
    // Surname strokes: 邓 4; 张 7; 欧 8 (starts 横) before 畅 8 (starts 竖); 高 10 before 唐 10 (third stroke 丨 before 丿); 翟 14.
    expect(rollNames(routes.release('2026-q1'))).toEqual([
      '邓海涛',
      '张建国',
      '欧阳明',
      '畅文军',
      '高志远',
      '唐美玲',
      '翟晓梅',
    ]);
    expect(rollNames(routes.listPage(routes.release('2026-q1'), 1, 'pinyin'))).toEqual([
      '畅文军',
      '邓海涛',
      '高志远',
      '欧阳明',
      '唐美玲',
      '翟晓梅',
      '张建国',
    ]);
    const toggle = page(dist, routes.release('2026-q1')).querySelectorAll('.order-toggle a');
    expect(toggle.map((a) => [text(a), a.getAttribute('href'), a.getAttribute('aria-current') ?? null])).toEqual([
      ['按姓名拼音', routes.listPage(routes.release('2026-q1'), 1, 'pinyin'), null],
      ['按姓氏笔画', routes.release('2026-q1'), 'page'],
    ]);
  });

  it('sorts a region by surname readings: 查 (zhā) and 曾 (zēng) after 杨, before 张', () => {
    expect(rollNames(routes.region('yaodu'))).toEqual([
      '杨新民',
      '尧都区“银发”志愿服务队',
      '曾小红',
      '查文华',
      '张建国',
    ]);
  });

  it('groups a title roll by year, newest first', () => {
    const doc = page(dist, routes.title('zghrb'));
    expect(doc.querySelectorAll('.roll-group h2').map(text)).toEqual(['2026年', '2025年', '2024年', '2023年']);
  });

  it('carries ItemList JSON-LD that matches the cards shown, in order', () => {
    const rolls = htmlFiles(dist).filter(
      (f) =>
        /^(people\/(\d+\/|strokes\/)?|(honours|regions|categories|years|releases)\/[^/]+\/(.+\/)?)index\.html$/.test(
          f,
        ) && !f.includes('/poster/'),
    );
    expect(rolls.length).toBeGreaterThan(80);
    for (const file of rolls) {
      const doc = page(dist, file);
      const cards = doc.querySelectorAll('main .card-name a');
      const list = jsonLd(doc).find((d) => d['@type'] === 'ItemList') as
        { itemListElement: Array<{ position: number; name: string; url: string }> } | undefined;
      expect(list, file).toBeDefined();
      const start = Number(doc.querySelector('main ol.cards')?.getAttribute('start') ?? 1);
      expect(
        list!.itemListElement.map((i) => [i.position, i.name, new URL(i.url).pathname]),
        file,
      ).toEqual(cards.map((a, i) => [start + i, text(a), a.getAttribute('href')]));
    }
  });

  it('never lists a withdrawn entry, and shows minors without a photo', () => {
    expect(withdrawn.length).toBeGreaterThan(0);
    for (const file of htmlFiles(dist)) {
      const html = readFileSync(join(dist, file), 'utf8');
      for (const w of withdrawn) {
        if (file === `people/${w.id}/index.html`) continue;
        expect(html, file).not.toContain(routes.entry(w.id));
      }
    }
    const minors = listed.filter((e) => e.minor);
    expect(minors.length).toBeGreaterThan(0);
    for (const m of minors) {
      const card = page(dist, 'people')
        .querySelectorAll('.card')
        .concat(
          page(dist, routes.listPage(routes.people, 2)).querySelectorAll('.card'),
          page(dist, routes.listPage(routes.people, 3)).querySelectorAll('.card'),
        )
        .find((c) => text(c.querySelector('.card-name')) === m.name);
      expect(card, m.name).toBeDefined();
      expect(card!.querySelector('img'), m.name).toBeNull();
      expect(card!.querySelector('.placeholder'), m.name).not.toBeNull();
    }
  });
});

describe('index, statistics and entry pages', () => {
  it('lists the 17 regions in official order with per-level counts', () => {
    // The county table's rows (the tiles' table for screen readers has no keys).
    const rows = page(dist, 'regions').querySelectorAll('tbody tr[data-key]');
    expect(rows.map((r) => r.getAttribute('data-key'))).toEqual(ids('regions.yaml'));
    const total = rows.reduce((n, r) => n + Number(text(r.querySelectorAll('td').at(-1))), 0);
    expect(total).toBe(listed.length);
  });

  it('shows statistics that match content, each chart with a table', () => {
    const doc = page(dist, 'stats');
    expect(doc.querySelectorAll('ol.bars').length).toBe(5);
    expect(doc.querySelectorAll('table.chart-table').length).toBe(5);
    const region = Object.fromEntries(
      doc
        .querySelectorAll('#region tbody tr')
        .map((r) => [r.getAttribute('data-key'), Number(text(r.querySelector('td')))]),
    );
    for (const id of ids('regions.yaml')) expect(region[id], id).toBe(listed.filter((e) => e.region === id).length);
    const category = Object.fromEntries(
      doc
        .querySelectorAll('#category tbody tr')
        .map((r) => [r.getAttribute('data-key'), Number(text(r.querySelector('td')))]),
    );
    for (const id of ids('categories.yaml'))
      expect(category[id], id).toBe(listed.filter((e) => e.category === id).length);
    expect(page(dist, '').querySelector(`a[href="${routes.stats}"]`)).not.toBeNull();
  });

  it('gives a page without a photo the site emblem as its first raster image and its og:image, never a neighbour’s photo', async () => {
    // A minor, a group, a person without a photo: WeChat may skip the SVG surname tile for the next image.
    const raster = (src: string) => !src.startsWith('data:') && !/\.svg(\?|$)/.test(src);
    let later = 0;
    for (const id of ['chen-siyu-xiangning', 'huozhoushilantianyingjijiuyuandui-huozhou', 'cao-wenbin-xixian']) {
      const doc = page(dist, routes.entry(id));
      const images = doc
        .querySelectorAll('img')
        .map((i) => i.getAttribute('src') ?? '')
        .filter(raster);
      expect(images[0], id).toBe(routes.emblem);
      later += images.length - 1;
      expect(doc.querySelector('meta[property="og:image"]')?.getAttribute('content'), id).toBe(
        `https://hrb.example.cn${routes.emblem}`,
      );
    }
    // Other people's photos do follow on these pages (相关好人): the emblem is what comes first.
    expect(later).toBeGreaterThan(0);
    // A page with a photo still shares its own.
    expect(
      page(dist, routes.entry('he-shuzhen-huozhou'))
        .querySelector('meta[property="og:image"]')
        ?.getAttribute('content'),
    ).toMatch(/\/_astro\/.+\.jpg$/);
    // A plain PNG of at least 300 × 300, carrying no metadata.
    const emblem = await sharp(join(dist, routes.emblem)).metadata();
    expect([emblem.format, emblem.width >= 300, emblem.height >= 300]).toEqual(['png', true, true]);
    expect([emblem.exif, emblem.xmp, emblem.iptc]).toEqual([undefined, undefined, undefined]);
  });

  it('offers related entries and previous/next within the release on an entry page', () => {
    const doc = page(dist, routes.entry('zhang-jianguo-yaodu'));
    const related = doc.querySelectorAll('.related .card-name a').map((a) => a.getAttribute('href'));
    expect(related.length).toBeGreaterThan(0);
    expect(related).not.toContain(routes.entry('zhang-jianguo-yaodu'));
    // 张建国 is second in 2026-q1's stroke order: 邓海涛 before, 欧阳明 after.
    expect(doc.querySelector('.neighbours a[rel="prev"]')?.getAttribute('href')).toBe(
      routes.entry('deng-haitao-puxian'),
    );
    expect(doc.querySelector('.neighbours a[rel="next"]')?.getAttribute('href')).toBe(
      routes.entry('ouyang-ming-xiangfen'),
    );
  });
});
