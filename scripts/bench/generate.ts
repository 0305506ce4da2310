/**
 * Realistic synthetic content for benchmarks: a content root outside the
 * repository with N invented entries (names drawn from the real surname
 * distribution, stories of 300–1,500 characters, every region, title,
 * category and kind, a photo on one entry in five, releases of a few hundred).
 * Deterministic for a given size, so runs compare like with like.
 */
import { copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { slugFor } from '../../src/lib/slug.ts';

/** The most common surnames with rough shares (per mille), plus rare and compound ones. */
const SURNAMES: Array<[string, number]> = [
  ['王', 71],
  ['李', 70],
  ['张', 67],
  ['刘', 54],
  ['陈', 45],
  ['杨', 31],
  ['赵', 22],
  ['黄', 22],
  ['周', 21],
  ['吴', 20],
  ['徐', 17],
  ['孙', 15],
  ['胡', 13],
  ['朱', 13],
  ['高', 12],
  ['林', 12],
  ['何', 12],
  ['郭', 12],
  ['马', 11],
  ['罗', 8],
  ['梁', 8],
  ['宋', 7],
  ['郑', 7],
  ['谢', 7],
  ['韩', 6],
  ['唐', 6],
  ['冯', 6],
  ['于', 6],
  ['董', 6],
  ['萧', 5],
  ['程', 5],
  ['曹', 5],
  ['袁', 5],
  ['邓', 5],
  ['许', 5],
  ['傅', 5],
  ['沈', 4],
  ['曾', 4],
  ['彭', 4],
  ['吕', 4],
  ['苏', 4],
  ['卢', 4],
  ['蒋', 4],
  ['蔡', 4],
  ['贾', 4],
  ['丁', 3],
  ['魏', 3],
  ['薛', 3],
  ['叶', 3],
  ['阎', 3],
  ['余', 3],
  ['潘', 3],
  ['杜', 3],
  ['戴', 3],
  ['夏', 3],
  ['钟', 3],
  ['汪', 3],
  ['田', 3],
  ['任', 3],
  ['姜', 3],
  ['范', 3],
  ['方', 3],
  ['石', 3],
  ['姚', 3],
  ['谭', 3],
  ['廖', 2],
  ['邹', 2],
  ['熊', 2],
  ['单', 1],
  ['解', 1],
  ['区', 1],
  ['仇', 1],
  ['查', 1],
  ['翟', 1],
  ['覃', 1],
  ['缪', 1],
  ['盖', 1],
  ['卫', 1],
  ['乔', 1],
  ['柴', 1],
  ['畅', 1],
  ['樊', 1],
  ['欧阳', 1],
  ['上官', 1],
  ['司马', 1],
];
const GIVEN =
  '建国华明秀英红梅志强丽娟海燕小军晓东文斌玉珍春生永胜桂兰立新晓梅静芳雨桐长海德福淑珍俊峰红霞国庆保平文军玉梅志刚翠花家豪子涵'.split(
    '',
  );
const REGIONS = [
  'yaodu',
  'houma',
  'huozhou',
  'quwo',
  'yicheng',
  'xiangfen',
  'hongtong',
  'guxian',
  'anze',
  'fushan',
  'jixian',
  'xiangning',
  'daning',
  'xixian',
  'yonghe',
  'puxian',
  'fenxi',
];
const REGION_NAMES = [
  '尧都区',
  '侯马市',
  '霍州市',
  '曲沃县',
  '翼城县',
  '襄汾县',
  '洪洞县',
  '古县',
  '安泽县',
  '浮山县',
  '吉县',
  '乡宁县',
  '大宁县',
  '隰县',
  '永和县',
  '蒲县',
  '汾西县',
];
const CATEGORIES = ['zhuren', 'jianyi', 'chengxin', 'jingye', 'xiaolao'];
const TITLES = ['xq-hr', 'lf-zyz', 'lf-hpp', 'lf-hxf', 'sx-hr', 'zghrb', 'lf-ddmf', 'sx-ddmf', 'qg-ddmf-tm'];
const SENTENCES = [
  '多年来坚持为孤寡老人送米送面，帮助他们解决生活中的难题。',
  '危急时刻挺身而出，第一时间拨打电话并实施心肺复苏。',
  '借款人去世后，家人主动上门还清全部欠款，守住了一个“信”字。',
  '扎根基层岗位二十余年，兢兢业业，从不计较个人得失。',
  '悉心照料卧床的公婆，十几年如一日，邻里无不称赞。',
  '组织志愿者开展关爱留守儿童活动，累计服务时长上千小时。',
  '寒冬腊月跳入冰冷的河水，救起落水的孩子后悄然离开。',
  '诚信经营小店，明码标价、童叟无欺，赢得了乡亲们的信任。',
  '带领村民发展特色种植，让乡亲们的钱袋子鼓了起来。',
  '退休后义务为社区居民理发、量血压，风雨无阻。',
];

/** A small deterministic random generator (mulberry32), so sizes give the same content every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickWeighted<T>(items: Array<[T, number]>, r: number): T {
  const total = items.reduce((n, [, w]) => n + w, 0);
  let x = r * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1]![0];
}

export interface GenerateOptions {
  size: number;
  /** Number of the first generated entry, to add a further batch to an existing root. */
  start?: number;
  /** Release id given to every generated entry (a new batch); otherwise spread over the existing releases. */
  release?: string;
}

const RELEASES = Array.from({ length: 12 }, (_, i) => {
  const year = 2024 + Math.floor(i / 4);
  const q = (i % 4) + 1;
  const date = `${year}-${String(q * 3).padStart(2, '0')}-25`;
  return { id: `${year}-q${q}`, year, date };
});

/** Writes a complete content root at `dir` (replacing it) with `size` entries. */
export async function generateContent(dir: string, opts: GenerateOptions): Promise<void> {
  const root = resolve(dir);
  const start = opts.start ?? 0;
  if (start === 0) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(join(root, 'entries'), { recursive: true });
    for (const f of ['site.yaml', 'regions.yaml', 'titles.yaml', 'categories.yaml'])
      cpSync(join('content', f), join(root, f));
    writeFileSync(
      join(root, 'releases.yaml'),
      [...RELEASES, { id: '2027-q1', year: 2027, date: '2027-03-25' }]
        .map(
          (r) =>
            `- id: ${r.id}\n  title: ${r.id} 临汾好人（合成数据）\n  date: ${r.date}\n  honour: lf-hr\n  intro: 基准测试用的合成批次。\n`,
        )
        .join(''),
    );
    await makePhotos(join(root, 'photos'));
  }
  const rand = random(opts.size * 7919 + start);
  const taken = new Set<string>();
  for (let i = start; i < start + opts.size; i++) {
    const regionIndex = i % REGIONS.length;
    const region = REGIONS[regionIndex]!;
    const kindRoll = rand();
    const kind = kindRoll < 0.9 ? 'person' : kindRoll < 0.95 ? 'family' : 'group';
    const surname = pickWeighted(SURNAMES, rand());
    const given =
      GIVEN[Math.floor(rand() * GIVEN.length)]! + (rand() < 0.8 ? GIVEN[Math.floor(rand() * GIVEN.length)]! : '');
    const name =
      kind === 'person'
        ? surname + given
        : kind === 'family'
          ? `${surname}${given}家庭`
          : `${REGION_NAMES[regionIndex]}第${i}志愿服务队`;
    const slug = slugFor(name, kind, region, taken);
    taken.add(slug);
    const category = CATEGORIES[i % CATEGORIES.length]!;
    const release = opts.release
      ? (RELEASES.find((r) => r.id === opts.release) ?? { id: opts.release, year: 2027 })
      : RELEASES[i % RELEASES.length]!;
    const honours = [`  - title: lf-hr\n    year: ${release.year}\n    release: ${release.id}`];
    if (i % 7 === 0) honours.push(`  - title: ${TITLES[i % TITLES.length]}\n    year: ${2015 + (i % 9)}`);
    const storyLength = 300 + Math.floor(rand() * 1200);
    const paragraphs: string[] = [];
    let story = '';
    while (story.length < storyLength) {
      const para = Array.from({ length: 3 }, () => SENTENCES[Math.floor(rand() * SENTENCES.length)]).join('');
      paragraphs.push(`${name}${para}`);
      story += para;
    }
    const fm = [
      `name: ${name}`,
      `kind: ${kind}`,
      `region: ${region}`,
      `category: ${category}`,
      'honours:',
      ...honours,
      `summary: ${SENTENCES[i % SENTENCES.length]}`,
    ];
    if (kind === 'person') fm.push(`gender: ${rand() < 0.5 ? '男' : '女'}`, `birth: ${1950 + Math.floor(rand() * 50)}`);
    const dirFor = join(root, 'entries', region);
    mkdirSync(dirFor, { recursive: true });
    if (i % 5 === 0) {
      copyFileSync(join(root, 'photos', `p${i % 10}.jpg`), join(dirFor, `${slug}.jpg`));
      fm.push('photo:', `  src: ./${slug}.jpg`, `  alt: 合成数据的示例照片 ${i}`);
    }
    writeFileSync(join(dirFor, `${slug}.mdx`), `---\n${fm.join('\n')}\n---\n\n${paragraphs.join('\n\n')}\n`);
  }
}

/** Ten phone-sized source photos (4,000 × 3,000), drawn locally. */
async function makePhotos(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await Promise.all(
    Array.from({ length: 10 }, (_, i) => {
      const hue = (i * 36) % 360;
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="3000"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},60%,70%)"/><stop offset="1" stop-color="hsl(${(hue + 90) % 360},50%,40%)"/></linearGradient></defs><rect width="4000" height="3000" fill="url(#g)"/><circle cx="2000" cy="1300" r="700" fill="hsl(${hue},40%,30%)"/><rect x="1000" y="2100" width="2000" height="900" rx="400" fill="hsl(${hue},40%,30%)"/></svg>`;
      return sharp(Buffer.from(svg))
        .jpeg({ quality: 90 })
        .toFile(join(dir, `p${i}.jpg`));
    }),
  );
}
