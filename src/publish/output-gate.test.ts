import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { passMemo } from '../build/pass-memo.ts';
import { gateOutput } from './output-gate.ts';
import { pageImages } from './gate-texts.ts';
import { SEARCH_TERMS_ATTR } from '../rules/search-terms-attr.ts';
import { nameSearchTerms } from '../search/search-terms.ts';

const page = (text: string) => `<!doctype html><html lang="zh-CN"><body><p>${text}</p></body></html>`;

/** A one-page site, gated with the memo kept in `memoFile`; the messages found. */
async function gate(dir: string, memoFile: string, phones: string[] = []) {
  const problems = await gateOutput(dir, { allowed: { phones }, sources: () => [], memo: passMemo(memoFile) });
  return problems.map((p) => `${p.file}: ${p.message}`);
}

describe('the output gate remembers passed pages only while they are unchanged', () => {
  it('scans a page again once its bytes change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gate-'));
    const memo = join(mkdtempSync(join(tmpdir(), 'gate-memo-')), 'memo.json');
    writeFileSync(join(dir, 'index.html'), page('义务为乡亲修理农具。'));
    expect(await gate(dir, memo)).toEqual([]);
    writeFileSync(join(dir, 'index.html'), page('他的电话是 138 1234 5678。'));
    expect(await gate(dir, memo)).toEqual([expect.stringMatching(/^index\.html: 即将发布的内容含有手机号码/)]);
  });

  it('scans a page again when the allowed contacts change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gate-'));
    const memo = join(mkdtempSync(join(tmpdir(), 'gate-memo-')), 'memo.json');
    writeFileSync(join(dir, 'index.html'), page('监督电话 0357-7654321'));
    expect(await gate(dir, memo, ['0357-7654321'])).toEqual([]);
    expect(await gate(dir, memo)).toEqual([expect.stringMatching(/含有固定电话号码/)]);
  });

  it('reports a page with a hit on every build, never remembering it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gate-'));
    const memo = join(mkdtempSync(join(tmpdir(), 'gate-memo-')), 'memo.json');
    writeFileSync(join(dir, 'index.html'), page('他的电话是 138 1234 5678。'));
    expect(await gate(dir, memo)).toHaveLength(1);
    expect(await gate(dir, memo)).toHaveLength(1);
  });

  it('finds the same hits when the pages are scanned in worker threads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gate-'));
    for (const n of [1, 2, 3, 4, 5])
      writeFileSync(join(dir, `${n}.html`), page(n === 4 ? '电话 13812345678' : '修理农具'));
    const problems = await gateOutput(dir, { allowed: {}, sources: () => [], parallelFrom: 1 });
    expect(problems.map((p) => p.file)).toEqual(['4.html']);
  });
});

describe('the output gate reads the search words of a name one by one', () => {
  const entry = (name: string, terms: string) =>
    `<!doctype html><html lang="zh-CN"><body><h1 ${SEARCH_TERMS_ATTR}="${terms}">${name}</h1></body></html>`;

  it('passes a group whose name has a number, though its words side by side would spell a phone number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gate-'));
    const name = '安泽县第13438志愿服务队';
    writeFileSync(join(dir, 'index.html'), entry(name, nameSearchTerms(name, 'group').join(' ')));
    expect(await gate(dir, join(dir, 'memo.json'))).toEqual([]);
  });

  it('still stops a phone number inside one word', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gate-'));
    writeFileSync(join(dir, 'index.html'), entry('张三', 'zhangsan 13812345678 zs'));
    expect(await gate(dir, join(dir, 'memo.json'))).toEqual([expect.stringMatching(/含有手机号码/)]);
  });
});

describe('the images a page shows', () => {
  it('stay published when the page is unchanged and not read again, and no others do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gate-'));
    const memo = join(mkdtempSync(join(tmpdir(), 'gate-memo-')), 'memo.json');
    mkdirSync(join(dir, '_astro'));
    const webp = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
      .webp()
      .toBuffer();
    for (const round of [1, 2]) {
      for (const f of ['shown.webp', 'named.webp', 'orphan.webp']) writeFileSync(join(dir, '_astro', f), webp);
      writeFileSync(join(dir, 'index.html'), page('<img src="/_astro/shown.webp" alt="">旧图 /_astro/named.webp'));
      expect(await gate(dir, memo), `build ${round}`).toEqual([]);
      expect(readdirSync(join(dir, '_astro')), `build ${round}`).toEqual(['shown.webp']);
    }
  });

  const name = (w: number) => `photo-abcdefghijklmnop-${w}x${(w * 4) / 3}.webp`;
  it('are read from src, srcset, the share image and the search meta, as paths in the site', () => {
    const html =
      `<html><head><meta property="og:image" content="https://hrb.example.cn/_astro/${name(600)}"></head><body>` +
      `<picture><source srcset="/_astro/${name(240)} 240w, /_astro/${name(480)} 480w">` +
      `<img src="/_astro/${name(72)}" srcset="/_astro/${name(72)} 1x,/_astro/${name(144)} 2x"></picture>` +
      `<span hidden data-pagefind-meta="image:/_astro/${name(96)}"></span></body></html>`;
    expect(pageImages(html).sort()).toEqual([600, 240, 480, 72, 72, 144, 96].map((w) => `_astro/${name(w)}`).sort());
  });

  it('are checked for metadata again once their bytes change, and reported on every build', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gate-'));
    const memo = join(mkdtempSync(join(tmpdir(), 'gate-memo-')), 'memo.json');
    mkdirSync(join(dir, '_astro'));
    const image = (exif: boolean) => {
      const img = sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).jpeg();
      return (exif ? img.withExif({ IFD0: { Artist: 'Camera Owner' } }) : img).toBuffer();
    };
    writeFileSync(join(dir, 'index.html'), page('<img src="/_astro/shown.jpg" alt="">'));
    writeFileSync(join(dir, '_astro/shown.jpg'), await image(false));
    expect(await gate(dir, memo)).toEqual([]);
    writeFileSync(join(dir, '_astro/shown.jpg'), await image(true));
    for (const round of [1, 2])
      expect(await gate(dir, memo), `build ${round}`).toEqual([
        expect.stringMatching(/^_astro\/shown\.jpg: 发布的图片带有元数据/),
      ]);
  });

  it('are never a name written as text, in a link, in a title or in a description', () => {
    const html =
      `<html><head><meta name="description" content="/_astro/${name(600)}"></head><body>` +
      `<p>旧网址 /_astro/${name(240)}</p><a href="https://x.example/_astro/${name(480)}" title="/_astro/${name(72)}">链接</a>` +
      `<span data-pagefind-meta="honour:/_astro/${name(96)}"></span></body></html>`;
    expect(pageImages(html)).toEqual([]);
  });
});

describe('the output gate reads the story index’s part of a page as Pagefind joins it', () => {
  const site = async (body: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'gate-'));
    writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="zh-CN"><body>${body}</body></html>`);
    return gate(dir, join(dir, 'memo.json'));
  };
  const article = (inner: string) => `<article class="entry" data-pagefind-body>${inner}</article>`;

  it('stops a number split across list items, table cells or paragraphs of the indexed part, once', async () => {
    expect(await site(article('<ul><li>电话138</li><li>1234</li><li>5678</li></ul>'))).toEqual([
      expect.stringMatching(/^index\.html: 即将发布的内容含有手机号码（138\*+678）/),
    ]);
    expect(await site(article('<table><tr><td>140102</td><td>19800101</td><td>1234</td></tr></table>'))).toEqual([
      expect.stringMatching(/含有身份证号码/),
    ]);
    expect(await site(article('<p>电话 138 1234 5678</p><p>又是 138 1234 5678</p>'))).toHaveLength(1);
  });

  it('reads blocks outside the indexed part one by one, as a reader does', async () => {
    expect(
      await site('<nav><ul><li>第138期</li><li>1234</li><li>5678</li></ul></nav>' + article('<p>修理农具</p>')),
    ).toEqual([]);
  });

  it('lets a news link’s numeric id through, but not the same digits as text', async () => {
    const link = '<a href="https://m.weibo.cn/status/4912345678901230">微博报道</a>';
    expect(await site(article(`<p>${link}</p>`))).toEqual([]);
    expect(await site(article('<p>卡号 4912345678901230</p>'))).toEqual([expect.stringMatching(/含有银行卡号/)]);
    expect(await site(article('<p><a href="tel:%31%38%39%31%32%33%34%35%36%37%38">电话</a></p>'))).toEqual([
      expect.stringMatching(/含有手机号码/),
    ]);
  });
});

describe('the output gate reads open data as a spreadsheet shows it', () => {
  it('reads a CSV cell by cell, quoted cells whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gate-'));
    // Two cells side by side (unit, role) are two texts to a reader; a number inside one cell is one.
    writeFileSync(join(dir, 'entries.csv'), '姓名,工作单位,职务\r\n张三,某厂 138 1234,5678 工人\r\n');
    expect(await gate(dir, join(dir, 'memo.json'))).toEqual([]);
    writeFileSync(join(dir, 'entries.csv'), '姓名,工作单位\r\n张三,"某厂, 138 1234 5678"\r\n');
    expect(await gate(dir, join(dir, 'memo.json'))).toEqual([expect.stringMatching(/含有手机号码/)]);
  });
});
