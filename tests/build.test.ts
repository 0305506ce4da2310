/**
 * The real build, on the sample content (built in place, as `npm run build`
 * does) and on a small fixture root given through HONOUR_CONTENT_DIR:
 * pages a resident opens. Builds that must fail: tests/hostile/content.test.ts.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readCollection, readEntries } from './helpers/content.ts';
import { htmlFiles, isRedirect, jsonLd, page, text } from './helpers/html.ts';
import { routes } from '../src/model/routes.ts';
import { CSP } from '../src/publish/security.ts';

const sample = inject('sampleDist');
const mini = inject('miniDist');

describe('mini content root through HONOUR_CONTENT_DIR', () => {
  it('builds the other city with its own title and URL', () => {
    const home = page(mini, '');
    expect(text(home.querySelector('title'))).toBe('测试市好人榜');
    expect(home.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://test.example.org/');
    expect(home.querySelector('html')?.getAttribute('lang')).toBe('zh-CN');
  });

  it('shows counts per level computed from content, withdrawn and drafts excluded', () => {
    const home = page(mini, '');
    const counts = Object.fromEntries(
      home.querySelectorAll('.counts dd').map((dd) => [dd.getAttribute('data-level'), parseInt(text(dd), 10)]),
    );
    // 曾红 holds national, city and county honours; 张三 and 李小明 city; 陈家家庭 county.
    expect(counts).toEqual({ national: 1, provincial: 0, city: 3, county: 2 });
    // Counted in their own units: people in 位, families in 户.
    expect(text(home)).toContain('共收录 4 个（3 位个人、1 户家庭）');
  });

  it('renders an entry page with photo, ladder, story, sources and schema.org data', () => {
    const doc = page(mini, routes.entry('zeng-hong-dongqu'));
    expect(text(doc.querySelector('h1'))).toBe('曾红');
    // A timeline, the highest honour first.
    expect(doc.querySelectorAll('.timeline .rung-title').map(text)).toEqual(['全国道德模范', '测试市好人', '县级好人']);
    expect(text(doc.querySelector('.story'))).toContain('心肺复苏');
    expect(text(doc)).toContain('1970年5月');
    expect(doc.querySelector('.entry a[href="https://test.example.org/news/1"]')).not.toBeNull();
    const picture = doc.querySelector('.entry-photo picture');
    expect(picture?.querySelectorAll('source').map((s) => s.getAttribute('type'))).toEqual([
      'image/avif',
      'image/webp',
    ]);
    expect(picture?.querySelector('img')?.getAttribute('alt')).toBe('测试照片：一个彩色方块');
    const [ld] = jsonLd(doc);
    expect(ld).toMatchObject({
      '@type': 'Person',
      name: '曾红',
      url: 'https://test.example.org/people/zeng-hong-dongqu/',
      award: ['2025年 全国道德模范', '2026年 测试市好人', '2024年 县级好人'],
    });
    expect(doc.querySelector('meta[property="og:image"]')?.getAttribute('content')).toMatch(
      /^https:\/\/test\.example\.org\/_astro\/.+\.jpe?g$/,
    );
  });

  it('shows a minor by name, school and deed only', () => {
    const doc = page(mini, routes.entry('li-xiaoming-xixian'));
    // No photo: the only images are the site's emblem (first: what a shared link may show) and the surname
    // tile under it, drawn from the name.
    expect(doc.querySelectorAll('main img').map((img) => img.getAttribute('src')?.slice(0, 19))).toEqual([
      routes.emblem,
      'data:image/svg+xml,',
    ]);
    expect(text(doc)).toContain('西县第一小学');
    expect(text(doc.querySelector('.facts'))).not.toMatch(/性别|出生|民族/);
    const [ld] = jsonLd(doc);
    expect(ld).not.toHaveProperty('image');
    expect(ld).toMatchObject({ affiliation: { name: '西县第一小学' } });
  });

  it('keeps a withdrawn entry at its URL with a notice, and out of every list', () => {
    const doc = page(mini, routes.entry('wang-wu-dongqu'));
    expect(text(doc.querySelector('.notice'))).toContain('此条目已撤销');
    // Its page keeps the URL alive and names nobody: not the person, not why (open data has neither).
    expect(text(doc.querySelector('h1'))).toBe('此条目已撤销');
    expect(doc.toString()).not.toContain('王五');
    expect(doc.toString()).not.toContain('事迹不实');
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(jsonLd(doc)).toEqual([]);
    for (const file of htmlFiles(mini).filter((f) => !f.startsWith('people/wang-wu-dongqu/'))) {
      expect(readFileSync(join(mini, file), 'utf8'), file).not.toContain('wang-wu-dongqu');
    }
  });

  it('never publishes a draft', () => {
    expect(existsSync(join(mini, routes.entry('zhao-liu-dongqu')))).toBe(false);
    for (const file of htmlFiles(mini)) expect(readFileSync(join(mini, file), 'utf8')).not.toContain('赵六');
  });

  it('lays its county tiles out as a plain grid in official order, its regions.yaml having no tile places', () => {
    const tiles = page(mini, '').querySelector('.region-tiles');
    expect(tiles?.getAttribute('class')).toBe('region-tiles');
    expect(
      tiles?.querySelectorAll('a').map((a) => [text(a.querySelector('.tile-name')), a.getAttribute('href')]),
    ).toEqual([
      ['东区', routes.region('dongqu')],
      ['西县', routes.region('xixian')],
    ]);
    expect(tiles?.querySelectorAll('li[class]')).toHaveLength(0);
  });

  it('has no sample-data notice when the content is not sample data', () => {
    expect(page(mini, '').querySelector('.sample-notice')).toBeNull();
  });

  it('shows no registration line a site has not set', () => {
    expect(page(mini, '').querySelectorAll('.registration div')).toHaveLength(0);
  });
});

describe('sample site', () => {
  const entries = readEntries<{ status?: string; draft?: boolean; honours: Array<{ title: string }> }>('content');

  it('has a page for every sample entry and a 404 page', () => {
    const missing = entries.map((e) => e.id).filter((id) => !existsSync(join(sample, 'people', id, 'index.html')));
    expect(entries.length).toBeGreaterThanOrEqual(60);
    expect(missing).toEqual([]);
    expect(text(page(sample, '404.html').querySelector('h1'))).toBe('页面没有找到');
  });

  it('carries the Content-Security-Policy on every page, redirects too (only `npm run dev` leaves it out)', () => {
    const missing = htmlFiles(sample).filter(
      (file) =>
        page(sample, file).querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') !== CSP,
    );
    expect(missing).toEqual([]);
  });

  it('says on every page that the entries are invented examples', () => {
    for (const file of htmlFiles(sample).filter((f) => !isRedirect(sample, f))) {
      expect(text(page(sample, file).querySelector('.sample-notice')), file).toContain('示例数据');
    }
  });

  it('shows the site’s registrations in the footer of every page, each filing number linked to its registry', () => {
    const settings = readCollection<Record<string, unknown>>('content', 'site.yaml')[0];
    const reg = settings?.registration as Record<string, string>;
    for (const file of htmlFiles(sample).filter((f) => !isRedirect(sample, f))) {
      const footer = page(sample, file).querySelector('.site-footer');
      const links = Object.fromEntries(
        (footer?.querySelectorAll('.registration a') ?? []).map((a) => [text(a), a.getAttribute('href')]),
      );
      expect(links[reg.icp ?? ''], file).toBe('https://beian.miit.gov.cn/');
      expect(links[reg.police ?? ''], file).toBe('https://beian.mps.gov.cn/#/query/webSearch?code=00000000000000');
      for (const plain of [reg.sponsor, reg.organizer, reg.governmentSiteCode].filter(Boolean))
        expect(text(footer), file).toContain(plain);
    }
  });

  it('never sends a phone the full-size photo: every entry photo file is at most 720 px wide', () => {
    const photoPages = readdirSync(join(sample, 'people'))
      .map((id) => join('people', id))
      .filter((p) => existsSync(join(sample, p, 'index.html')))
      .map((p) => page(sample, p))
      .filter((doc) => doc.querySelector('.entry-photo picture'));
    expect(photoPages.length).toBeGreaterThanOrEqual(5);
    for (const doc of photoPages) {
      const picture = doc.querySelector('.entry-photo picture')!;
      const img = picture.querySelector('img')!;
      const candidates = [...picture.querySelectorAll('source, img')].flatMap((s) =>
        (s.getAttribute('srcset') ?? '').split(',').map((c) => c.trim().split(/\s+/)),
      );
      // The <img> fallback is one of the listed widths, not another (original-size) file.
      expect(candidates.map(([url]) => url)).toContain(img.getAttribute('src'));
      expect(Math.max(...candidates.map(([, w]) => Number.parseInt(w ?? '0', 10)))).toBeLessThanOrEqual(720);
      expect(Number(img.getAttribute('width'))).toBeLessThanOrEqual(720);
    }
  });

  it('ships no client JavaScript on content pages but the small page script (长辈模式, menu, print, 语音阅读’s offer), and no web fonts', () => {
    const assets = readdirSync(join(sample, '_astro'));
    expect(assets.filter((a) => /\.(woff2?|ttf|otf)$/.test(a))).toEqual([]);
    // The search and nomination pages load their own bundled form scripts (tests/browser/search, nominate).
    const ownScript = new Set(['search/index.html', 'nominate/index.html']);
    for (const file of htmlFiles(sample).filter((f) => !ownScript.has(f) && !isRedirect(sample, f))) {
      const doc = page(sample, file);
      const scripts = doc.querySelectorAll('script').filter((s) => s.getAttribute('type') !== 'application/ld+json');
      expect(
        scripts.map((s) => s.getAttribute('src')),
        file,
      ).toEqual(['/page.js']);
    }
    // It grew with the menu, print buttons, 语音阅读's offer (the reader itself loads only when asked for), the way
    // back to “my county” (回到 over its name) and 分享's loader (the card's script loads only on a press).
    expect(readFileSync(join(sample, 'page.js')).length).toBeLessThan(5120);
    expect(readFileSync(join(sample, 'read-aloud.js')).length).toBeLessThan(4096);
  });

  it('shows home counts that match the content files', () => {
    const levels = new Map(
      readCollection<{ id: string; level: string }>('content', 'titles.yaml').map((t) => [t.id, t.level]),
    );
    const expected: Record<string, number> = { national: 0, provincial: 0, city: 0, county: 0 };
    for (const fm of entries) {
      if (fm.status === 'withdrawn' || fm.draft) continue;
      for (const level of new Set(fm.honours.map((h) => levels.get(h.title) ?? 'unknown'))) {
        expected[level] = (expected[level] ?? 0) + 1;
      }
    }
    const home = page(sample, '');
    const shown = Object.fromEntries(
      home.querySelectorAll('.counts dd').map((dd) => [dd.getAttribute('data-level'), parseInt(text(dd), 10)]),
    );
    expect(shown).toEqual(expected);
  });

  it('shares every entry and release as itself: 分享 names the page, the title its highest honour, the first image is 300 px or more; a withdrawn entry offers none', () => {
    const siteDescription = page(sample, '').querySelector('meta[name="description"]')?.getAttribute('content');
    let shared = 0;
    for (const { id, status, draft } of entries) {
      if (draft) continue;
      const doc = page(sample, routes.entry(id));
      const button = doc.querySelector('[data-share]');
      if (status === 'withdrawn') {
        expect(button, id).toBeNull();
        continue;
      }
      shared++;
      expect(button?.getAttribute('data-url'), id).toBe(
        doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
      );
      expect(button?.getAttribute('data-script'), id).toMatch(/^\/_astro\/share-card-[\w-]+\.js$/);
      // What WeChat may take as the thumbnail: the certificate's photo or the site's emblem, at least 300 px.
      const first = doc.querySelector('img');
      expect(first?.closest('.certificate'), id).not.toBeNull();
      expect(Number(first?.getAttribute('width')), id).toBeGreaterThanOrEqual(300);
      // A raster image: WeChat may skip an SVG (the surname tile is one, drawn in a data: URL).
      expect(first?.getAttribute('src'), id).not.toMatch(/^data:/);
      const honour = text(doc.querySelector('.certificate .badge'))
        .replace(/^\S+?：/, '')
        .replace(/\d+年$/, '');
      expect(text(doc.querySelector('title')), id).toContain(honour);
    }
    expect(shared).toBeGreaterThanOrEqual(60);
    const [script] = new Set(
      htmlFiles(sample).flatMap((f) =>
        page(sample, f)
          .querySelectorAll('[data-share]')
          .map((b) => b.getAttribute('data-script')),
      ),
    );
    expect(existsSync(join(sample, script ?? 'none'))).toBe(true);
    const release = page(sample, routes.release('2026-q1'));
    expect(release.querySelector('[data-share]')?.getAttribute('data-url')).toBe(
      'https://hrb.example.cn/releases/2026-q1/',
    );
    const description = release.querySelector('meta[name="description"]')?.getAttribute('content');
    expect(description).not.toBe(siteDescription);
    expect(description).toContain('邓海涛');
    expect(release.querySelector('meta[property="og:description"]')?.getAttribute('content')).toBe(description);
    // Like its official notice, the release page says when and by whom it was issued (the title's issuer).
    expect(text(release.querySelector('.release-issued'))).toBe('2026年3月27日 临汾市文明办发布');
  });

  it('renders the engine’s Quote in a story', () => {
    expect(page(sample, routes.entry('he-shuzhen-huozhou')).querySelector('.story')?.innerHTML).toContain(
      '<figure class="quote"><blockquote>老人把我们养大，现在轮到我们尽孝。</blockquote>',
    );
  });

  it('gives a family or group Organization data and marks the deceased', () => {
    const group = jsonLd(page(sample, routes.entry('jixianhukouzhiyuanjiuyuandui-jixian')))[0];
    expect(group?.['@type']).toBe('Organization');
    expect(text(page(sample, routes.entry('li-defu-guxian')).querySelector('h1'))).toContain('已故');
  });
});
