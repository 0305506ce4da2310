/**
 * Private data never leaves the build. Each disguise and each field is
 * refused by content:check naming the file and the field; a number that got
 * past the check is stopped by the output gate (the build's gate step, run on
 * a built site with the number in a page); photo metadata never reaches
 * dist/; the CSV carries no formula; a child is recognised by age. The built
 * sites here are the global setup's everyday root (tests/setup/everyday.ts).
 */
import { cpSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { runNode } from '../helpers/build.ts';
import { copyMini, editFile } from '../helpers/fixture.ts';
import { checkErrors, filesIn, VICTIM } from './helpers.ts';
import { projectTmp } from '../helpers/tmp.ts';
import { renditionsOf } from '../setup/everyday.ts';

const story = (root: string, body: string) => editFile(root, VICTIM, (s) => s.replace('张三的故事。', body));
const field = (root: string, yaml: string) =>
  editFile(root, VICTIM, (s) => s.replace('birth: 1980', `birth: 1980\n${yaml}`));

/** A grainy 1,200 × 1,600 JPEG, as a phone writes one. */
const phoneJpeg = () =>
  sharp({
    create: {
      width: 1200,
      height: 1600,
      channels: 3,
      background: '#777',
      noise: { type: 'gaussian', mean: 128, sigma: 30 },
    },
  })
    .jpeg()
    .toBuffer();

const CASES: Array<[string, (root: string) => void, string]> = [
  [
    'a character reference inside a number',
    (r) => story(r, '电话1381234&#53;678'),
    `${VICTIM}:15 — 正文 — 含有手机号码`,
  ],
  ['full-width digits', (r) => story(r, '电话１３８１２３４５６７８'), `${VICTIM}:15 — 正文 — 含有手机号码`],
  ['zero-width spaces', (r) => story(r, '电话138\u200b1234\u200b5678'), `${VICTIM}:15 — 正文 — 含有手机号码`],
  ['dots as separators', (r) => story(r, '电话138.1234.5678'), `${VICTIM}:15 — 正文 — 含有手机号码`],
  [
    'an ID number in spaced groups',
    (r) => story(r, '身份证 140102 19800101 1234'),
    `${VICTIM}:15 — 正文 — 含有身份证号码`,
  ],
  ['a number split across two lines', (r) => story(r, '电话138\n1234\n5678'), `${VICTIM}:15 — 正文 — 含有手机号码`],
  ['a number split by emphasis', (r) => story(r, '电话138**1234**5678'), `${VICTIM}:15 — 正文 — 含有手机号码`],
  ['a 15-digit old ID number', (r) => story(r, '老身份证140102800101123'), `${VICTIM}:15 — 正文 — 含有身份证号码`],
  ['a landline without a dash', (r) => story(r, '座机03571234567'), `${VICTIM}:15 — 正文 — 含有固定电话号码`],
  ['an email', (r) => story(r, '邮箱 zhangsan@qq.com'), `${VICTIM}:15 — 正文 — 含有电子邮箱`],
  ['a bank card number', (r) => story(r, '卡号 4111 1111 1111 1111'), `${VICTIM}:15 — 正文 — 含有银行卡号`],
  [
    'an address in Chinese numerals',
    (r) => story(r, '家住解放路十二号五号楼二单元'),
    `${VICTIM}:15 — 正文 — 含有详细家庭住址`,
  ],
  [
    'a phone in a source URL’s query',
    (r) => field(r, 'sources:\n  - title: 报道\n    url: https://news.example.cn/a/20260301.html?tel=13812345678'),
    `${VICTIM}:15 — sources[0].url — 含有手机号码`,
  ],
  [
    'a phone in a release intro',
    (r) => editFile(r, 'releases.yaml', (s) => s.replace('intro: 测试批次。', 'intro: 测试批次，联系 13812345678。')),
    'releases.yaml:1 — 2026-q1.intro — 含有手机号码',
  ],
  [
    'a phone in the titles',
    (r) => editFile(r, 'titles.yaml', (s) => s.replace('issuer: 中央文明委', 'issuer: 中央文明委 13812345678')),
    'titles.yaml:1 — guo.issuer — 含有手机号码',
  ],
  [
    'an undeclared email in the site settings',
    (r) => editFile(r, 'site.yaml', (s) => s.replace('publisher: 测试市文明办', 'publisher: 测试市文明办 li@163.com')),
    'site.yaml:2 — site.publisher — 含有电子邮箱',
  ],
  [
    'a private mobile number as the sponsoring body’s contact',
    (r) =>
      editFile(r, 'site.yaml', (s) =>
        s.replace(
          'publisher: 测试市文明办',
          'publisher: 测试市文明办\n  registration: { sponsorContact: 王主任 13812345678 }',
        ),
      ),
    'site.yaml:2 — site.registration.sponsorContact — 含有手机号码',
  ],
  [
    'a phone as a file name',
    (r) => renameSync(join(r, VICTIM), join(r, 'entries/13812345678.mdx')),
    'entries/13812345678.mdx — 文件名 — 含有手机号码',
  ],
  [
    'a child born in 2016 without minor: true',
    (r) => editFile(r, VICTIM, (s) => s.replace('birth: 1980', 'birth: 2016')),
    `${VICTIM}:12 — birth — 按出生日期 2016，张三 在 2026 年获得荣誉时未满 18 周岁`,
  ],
];

describe('content:check refuses personal data in any spelling and any field', () => {
  it.each(CASES)('%s', async (_name, attack, message) => {
    const root = copyMini();
    attack(root);
    expect(await checkErrors(root)).toContainEqual(expect.stringContaining(message));
  });

  it('accepts the site’s declared public contacts, and nothing else', async () => {
    const root = copyMini();
    expect(await checkErrors(root)).toEqual([]);
    editFile(root, 'site.yaml', (s) => s.replace('电话 0357-7654321', '电话 0357-7654322'));
    expect(await checkErrors(root)).toContainEqual(expect.stringContaining('site.corrections — 含有固定电话号码'));
  });
});

describe('the output gate stops what the input check missed', () => {
  it('fails the gate step naming the page and the source file', async () => {
    // The content holds a number the input check would have refused; the built page shows it.
    const root = copyMini();
    story(root, '他的电话是 138 1234 5678。');
    const staging = join(projectTmp('gate-'), 'staging');
    cpSync(inject('miniDist'), staging, { recursive: true });
    const entry = join(staging, 'people/zhang-san-xixian/index.html');
    writeFileSync(entry, readFileSync(entry, 'utf8').replace('的故事。', '的故事。他的电话是 138 1234 5678。'));
    // The rows Astro writes for the names table, one with a number in words in its summary: the gate
    // step makes the table's files from them and reads those files before anything is published.
    const row = ['/people/li-si-xixian/', '李四', 'li si', 'city', '市级好人', '电话一三九一二三四五六七八', '', []];
    writeFileSync(join(staging, 'search/names-rows.json'), JSON.stringify([row]));
    const gate = await runNode([resolve('scripts/build.ts'), '--step', 'gate', '--outDir', staging], {
      HONOUR_CONTENT_DIR: root,
    });
    expect(gate.status).toBe(1);
    expect(gate.output).toMatch(
      /people\/zhang-san-xixian\/index\.html — 来源 .*entries\/zhang-san-xixian\.mdx — 即将发布的内容含有手机号码（138\*+678）/,
    );
    expect(gate.output).toMatch(/search\/names\/[^ ]+\.json — .*即将发布的内容含有手机号码（139\*+678）/);
    expect(gate.output).toContain('发布检查未通过');
    // What happens to a build whose step failed (the previous output stays): tests/builds/integrity.ts.
  });
});

describe('photos and open data as published', () => {
  const dist = inject('everydayDist');

  it('publishes no photo metadata and never the original file', async () => {
    const images = readdirSync(join(dist, '_astro')).filter((f) => /\.(jpe?g|png|webp|avif)$/.test(f));
    expect(images.length).toBeGreaterThan(3);
    for (const f of images) {
      const bytes = readFileSync(join(dist, '_astro', f));
      expect(bytes.includes('Camera Owner'), f).toBe(false);
      expect(bytes.includes('Exif\0'), f).toBe(false);
      const meta = await sharp(bytes).metadata();
      expect([meta.exif, meta.xmp, meta.iptc], f).toEqual([undefined, undefined, undefined]);
    }
  });

  it('writes no CSV cell that a spreadsheet reads as a formula, and keeps JSON exact', () => {
    const csv = readFileSync(join(dist, 'data/entries.csv'), 'utf8');
    expect(csv).toContain('"\'=HYPERLINK(');
    const cells = csv.split(/\r\n/).flatMap((line) => line.split(','));
    expect(cells.filter((c) => /^"?[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(readFileSync(join(dist, 'data/entries.json'), 'utf8')).toContain('"=HYPERLINK(');
  });
});

describe('photos that are not still phone photos are refused', () => {
  it.each([
    [
      'an SVG',
      (p: string) => {
        writeFileSync(
          p,
          '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="800"><script>alert(1)</script></svg>',
        );
        return Promise.resolve();
      },
      '是 SVG 格式',
    ],
    [
      'an animated image',
      async (p: string) => {
        const frame = (background: string) =>
          sharp({ create: { width: 600, height: 800, channels: 3, background } })
            .png()
            .toBuffer();
        await sharp([await frame('#123'), await frame('#321')], { join: { animated: true } })
          .webp()
          .toFile(p);
      },
      '是动图',
    ],
    [
      'a truncated JPEG',
      async (p: string) => {
        const full = await phoneJpeg();
        writeFileSync(p, full.subarray(0, Math.floor(full.length / 2)));
      },
      '已损坏或不完整',
    ],
  ])('%s', async (_name, make, message) => {
    const root = copyMini();
    const ext = _name === 'an animated image' ? 'webp' : 'jpg';
    await make(join(root, `entries/zhang-san-xixian.${ext}`));
    field(root, `photo:\n  src: ./zhang-san-xixian.${ext}\n  alt: 照片`);
    expect(await checkErrors(root)).toContainEqual(expect.stringContaining(message));
  });
});

it('checks a photo again once it is replaced, even after it passed', async () => {
  const root = copyMini();
  const photo = join(root, 'entries/zhang-san-xixian.jpg');
  const good = await phoneJpeg();
  writeFileSync(photo, good);
  field(root, 'photo:\n  src: ./zhang-san-xixian.jpg\n  alt: 照片');
  expect(await checkErrors(root)).toEqual([]);
  // The passed photo is remembered; a truncated copy over it must not ride on that.
  writeFileSync(photo, good.subarray(0, Math.floor(good.length / 2)));
  expect(await checkErrors(root)).toContainEqual(expect.stringContaining('已损坏或不完整'));
});

describe('every output of a minor and of a withdrawn entry agrees with their public view', () => {
  const dist = inject('everydayDist');
  /** Every output file as text, the search index's compressed fragments unpacked. */
  const outputs = () =>
    filesIn(dist).map((f) => {
      const bytes = readFileSync(join(dist, f));
      let text = bytes.toString('utf8');
      try {
        text = gunzipSync(bytes).toString('utf8');
      } catch {
        // not compressed
      }
      return { f, text };
    });

  it('publishes of the minor no gender, ethnicity or role, and of the withdrawn entry no summary or story', () => {
    const all = outputs();
    const containing = (needle: string) => all.filter((o) => o.text.includes(needle)).map((o) => o.f);
    // The minor (given a gender, an ethnicity and a role in the everyday root): name, school and deed are published…
    expect(containing('西县第一小学')).toContain('people/li-xiaoming-xixian/index.html');
    expect(containing('坚持每周到敬老院陪老人读报')).toContain('data/entries.json');
    // …and nothing the public view leaves out, anywhere: pages, cards, JSON-LD, feed, open data, search index.
    expect(containing('回族')).toEqual([]);
    expect(containing('少先队大队长')).toEqual([]);
    // The withdrawn entry: its page says when, not who or why; its name, reason, summary and story are nowhere.
    expect(containing('事迹不实')).toEqual([]);
    expect(containing('王五')).not.toContain('people/wang-wu-dongqu/index.html');
    expect(containing('这是一个已经撤销的测试条目')).toEqual([]);
    expect(containing('不应出现在任何列表中')).toEqual([]);
  });

  it('publishes no photo of a withdrawn entry, even when another story names its renditions', async () => {
    // The names the site wrote while the entry was public, which 陈家家庭's story carries as plain text.
    const named = await renditionsOf(join(inject('everydayRoot'), 'entries/wang-wu-dongqu.jpg'));
    expect(readFileSync(join(dist, 'people/chen-jia-dongqu/index.html'), 'utf8')).toContain(named[0]);
    const published = readdirSync(join(dist, '_astro'));
    expect(published.filter((f) => named.includes(f))).toEqual([]);
  });
});
