/**
 * Realistic synthetic content for benchmarks: a content root outside the
 * repository with N invented entries (names drawn from the real surname
 * distribution, stories of 300–1,500 characters, every region, title,
 * category and kind, a photo on one entry in five, releases of a few hundred).
 * Deterministic for a given size, so runs compare like with like.
 */
import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { slugFor } from '../../src/model/slug.ts';

/** The most common surnames with rough shares (per mille), plus rare and compound ones. */
export const SURNAMES: Array<[string, number]> = [
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
export const GIVEN =
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
export const REGION_NAMES = [
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
export const SENTENCES = [
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

/**
 * Story sentences: templates whose slots are filled from pools of places,
 * people, deeds and numbers, so stories share common words but each carries
 * its own specifics, as real citations do (a fixed set of whole sentences
 * would make every word appear on every page, which no real roll does).
 */
export const PLACE_SYLLABLES = Array.from('东西南北上下前后新旧杨柳李王张刘赵马石河山沟坪庄岭堡湾峪泉桥寨圪垛坡峁塬');
const PEOPLE = [
  '孤寡老人',
  '留守儿童',
  '残疾邻居',
  '病重的同事',
  '独居老人',
  '困难学生',
  '过往行人',
  '外地游客',
  '患病的村民',
  '退伍老兵',
];
const HELP = [
  '送米送面',
  '义务理发',
  '上门问诊',
  '辅导功课',
  '修缮房屋',
  '代购药品',
  '清扫积雪',
  '送去冬衣',
  '打扫院落',
  '陪伴聊天',
];
const UNITS = [
  '卫生院',
  '供电所',
  '派出所',
  '小学',
  '敬老院',
  '邮政所',
  '农机站',
  '合作社',
  '加油站',
  '养殖场',
  '果园',
  '砖厂',
];
const DEEDS = [
  '跳入冰冷的河水救起落水儿童',
  '冲进着火的民房背出被困老人',
  '拦下失控的三轮车',
  '在车站拾到钱包归还失主',
  '为白血病患者捐献造血干细胞',
  '在暴雨中疏散被困群众',
  '帮助迷路的老人找到家人',
  '连夜抢修被冲毁的道路',
];
const THINGS = ['花椒', '苹果', '核桃', '小米', '连翘', '黄花菜', '香菇', '蜂蜜', '梨', '红枣'];
export const TEMPLATES: Array<
  (pick: <T>(xs: readonly T[]) => T, n: (lo: number, hi: number) => number, place: () => string) => string
> = [
  (p, n, place) => `${n(3, 30)}年来，坚持为${place()}的${p(PEOPLE)}${p(HELP)}，从未间断。`,
  (p, n, place) => `在${place()}${p(UNITS)}工作${n(5, 35)}年，先后${n(2, 12)}次被评为先进个人。`,
  (p, n, place) => `${n(2005, 2025)}年${n(1, 12)}月，在${place()}附近${p(DEEDS)}。`,
  (p, n, place) => `带领${place()}的乡亲种植${p(THINGS)}${n(50, 3000)}亩，户均增收${n(2, 30)}千元。`,
  (p, n) => `累计义务服务${n(300, 9000)}小时，帮助${p(PEOPLE)}${n(10, 600)}人次。`,
  (_p, n, place) => `自费${n(1, 80)}万元为${place()}修路架桥、安装路灯${n(10, 200)}盏。`,
  (p, n) =>
    `照顾卧床的${p(['公婆', '父母', '岳父', '婆婆', '小叔子', '养母'])}${n(5, 30)}年，端水喂饭、擦洗翻身，毫无怨言。`,
  (p, n, place) =>
    `开办${place()}${p(['爱心驿站', '四点半课堂', '老年食堂', '义务书屋', '便民服务点'])}，每周${n(1, 7)}天免费开放。`,
  (_p, n) => `借款人去世后，主动上门还清${n(2, 60)}万元欠款，守住了一个“信”字。`,
  (p, n) => `诚信经营${p(['小卖部', '饭店', '修车铺', '药店', '农资店', '豆腐坊'])}${n(5, 40)}年，明码标价、童叟无欺。`,
  (p, n) => `退休后组建志愿服务队，发展队员${n(10, 300)}名，常年开展${p(HELP)}活动。`,
  () => `面对荣誉，总是说：“这都是我应该做的。”`,
];

/** A small deterministic random generator (mulberry32), so sizes give the same content every run. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pickWeighted<T>(items: Array<[T, number]>, r: number): T {
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
  /** Region id of every generated entry (one county folder); otherwise spread over the counties. */
  region?: string;
}

export const RELEASES = Array.from({ length: 12 }, (_, i) => {
  const year = 2024 + Math.floor(i / 4);
  const q = (i % 4) + 1;
  const date = `${year}-${String(q * 3).padStart(2, '0')}-25`;
  return { id: `${year}-q${q}`, year, date };
});

/** A release's record in releases.yaml, as the synthetic roots write it. */
const releaseRecord = (r: { id: string; date: string }) =>
  `- id: ${r.id}\n  title: ${r.id} 临汾好人（合成数据）\n  date: ${r.date}\n  honour: lf-hr\n  intro: 基准测试用的合成批次。\n`;

/** The quarterly release the bench adds after its builds (a new record in releases.yaml, then its entries). */
export const NEW_RELEASE = { id: '2027-q1', year: 2027, date: '2027-03-25' };

/** Adds `release` to the root's releases.yaml; returns a function that puts the file back as it was. */
export function addRelease(dir: string, release: { id: string; date: string } = NEW_RELEASE): () => void {
  const file = join(dir, 'releases.yaml');
  const before = readFileSync(file, 'utf8');
  writeFileSync(file, before + releaseRecord(release));
  return () => writeFileSync(file, before);
}

/**
 * Writes a complete content root at `dir` (replacing it) with `size` entries, or with `start`
 * adds a batch to an existing root. Returns the entry files written.
 */
export async function generateContent(dir: string, opts: GenerateOptions): Promise<string[]> {
  const root = resolve(dir);
  const start = opts.start ?? 0;
  if (start === 0) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(join(root, 'entries'), { recursive: true });
    for (const f of ['site.yaml', 'regions.yaml', 'titles.yaml', 'categories.yaml'])
      cpSync(join('content', f), join(root, f));
    writeFileSync(join(root, 'releases.yaml'), RELEASES.map(releaseRecord).join(''));
    await makePhotos(join(root, 'photos'));
  }
  const rand = random(opts.size * 7919 + start);
  // A later batch must not overwrite an entry of an earlier one that happens to share a name.
  const taken = new Set<string>(
    existsSync(join(root, 'entries'))
      ? readdirSync(join(root, 'entries'), { recursive: true, encoding: 'utf8' })
          .filter((f) => f.endsWith('.mdx'))
          .map((f) =>
            f
              .split(/[\\/]/)
              .pop()!
              .replace(/\.mdx$/, ''),
          )
      : [],
  );
  const written: string[] = [];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const place = () => `${pick(PLACE_SYLLABLES)}${pick(PLACE_SYLLABLES)}${pick(['村', '社区', '镇', '乡'])}`;
  for (let i = start; i < start + opts.size; i++) {
    const regionIndex = opts.region ? Math.max(0, REGIONS.indexOf(opts.region)) : i % REGIONS.length;
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
      ? (RELEASES.find((r) => r.id === opts.release) ?? { id: opts.release, year: Number(opts.release.slice(0, 4)) })
      : RELEASES[i % RELEASES.length]!;
    const honours = [`  - title: lf-hr\n    year: ${release.year}\n    release: ${release.id}`];
    if (i % 7 === 0) honours.push(`  - title: ${TITLES[i % TITLES.length]}\n    year: ${2015 + (i % 9)}`);
    const storyLength = 300 + Math.floor(rand() * 1200);
    const paragraphs: string[] = [];
    let story = '';
    while (story.length < storyLength) {
      const para = Array.from({ length: 3 }, () =>
        TEMPLATES[Math.floor(rand() * TEMPLATES.length)]!(pick, between, place),
      ).join('');
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
    if (kind === 'person') fm.push(`gender: ${rand() < 0.5 ? '男' : '女'}`, `birth: ${1950 + Math.floor(rand() * 45)}`);
    const dirFor = join(root, 'entries', region);
    mkdirSync(dirFor, { recursive: true });
    if (i % 5 === 0) {
      // A photo lives beside its entry (the content check refuses paths out of the folder). Entries of
      // one county folder that share a photo share its file (a hard link of one of ten sources):
      // per-entry copies made Astro name each rendition after whichever copy it met first, so a new
      // entry renamed other entries' photos.
      const photo = `p${(i / 5) % 10}.jpg`;
      if (!existsSync(join(dirFor, photo))) linkSync(join(root, 'photos', photo), join(dirFor, photo));
      fm.push('photo:', `  src: ./${photo}`, `  alt: 合成数据的示例照片 ${i}`);
    }
    writeFileSync(join(dirFor, `${slug}.mdx`), `---\n${fm.join('\n')}\n---\n\n${paragraphs.join('\n\n')}\n`);
    written.push(join(dirFor, `${slug}.mdx`));
  }
  return written;
}

/**
 * Ten phone-sized source photos (4,000 × 3,000), drawn locally: shapes under
 * a layer of grain, so they compress like a camera photo rather than a flat
 * drawing (a few MB as JPEG at quality 90).
 */
async function makePhotos(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  // Grain drawn at a quarter of the size and enlarged: detail that survives down to the 720 px rendition.
  const grain = await sharp({
    create: {
      width: 1000,
      height: 750,
      channels: 3,
      background: { r: 128, g: 128, b: 128 },
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .resize(4000, 3000, { kernel: 'cubic' })
    .png({ compressionLevel: 1 })
    .toBuffer();
  for (let i = 0; i < 10; i++) {
    const hue = (i * 36) % 360;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="3000"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},60%,70%)"/><stop offset="1" stop-color="hsl(${(hue + 90) % 360},50%,40%)"/></linearGradient></defs><rect width="4000" height="3000" fill="url(#g)"/><circle cx="2000" cy="1300" r="700" fill="hsl(${hue},40%,30%)"/><rect x="1000" y="2100" width="2000" height="900" rx="400" fill="hsl(${hue},40%,30%)"/></svg>`;
    await sharp(Buffer.from(svg))
      .composite([{ input: grain, blend: 'overlay' }])
      .jpeg({ quality: 90 })
      .toFile(join(dir, `p${i}.jpg`));
  }
}

/** Region names of a generated member city: its county-level divisions (the same words for every city). */
const MEMBER_REGIONS = REGION_NAMES;
const CATEGORY_NAMES = ['助人为乐', '见义勇为', '诚实守信', '敬业奉献', '孝老爱亲'];
const MEMBER_TITLES: Array<{ title: string; titleName: string; level: 'national' | 'provincial' | 'city' | 'county' }> =
  [
    { title: 'xq-hr', titleName: '县区好人', level: 'county' },
    { title: 'shi-hr', titleName: '市级好人', level: 'city' },
    { title: 'sx-hr', titleName: '山西好人', level: 'provincial' },
    { title: 'zghrb', titleName: '中国好人榜', level: 'national' },
  ];

/**
 * A member city's open data (docs/open-data.md), generated directly rather than built: `size`
 * active records of city number `city` at `base`, with stories of 300-1,500 characters, as the
 * portal run of `npm run bench` reads them (11 members of 10,000: issue 32).
 */
export function generateMemberData(city: number, base: string, size: number): { records: unknown[] } {
  const rand = random(city * 104729 + size);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const place = () => `${pick(PLACE_SYLLABLES)}${pick(PLACE_SYLLABLES)}${pick(['村', '社区', '镇', '乡'])}`;
  const taken = new Set<string>();
  const records: unknown[] = [];
  for (let i = 0; i < size; i++) {
    const regionIndex = i % MEMBER_REGIONS.length;
    const surname = pickWeighted(SURNAMES, rand());
    const given =
      GIVEN[Math.floor(rand() * GIVEN.length)]! + (rand() < 0.8 ? GIVEN[Math.floor(rand() * GIVEN.length)]! : '');
    const name = surname + given;
    const id = slugFor(name, 'person', REGIONS[regionIndex]!, taken);
    taken.add(id);
    const storyLength = 300 + Math.floor(rand() * 1200);
    const paragraphs: string[] = [];
    let length = 0;
    while (length < storyLength) {
      const para = Array.from({ length: 3 }, () =>
        TEMPLATES[Math.floor(rand() * TEMPLATES.length)]!(pick, between, place),
      ).join('');
      paragraphs.push(`${name}${para}`);
      length += para.length;
    }
    const year = 2015 + (i % 11);
    const honours = [{ ...MEMBER_TITLES[1]!, year }];
    if (i % 7 === 0) honours.unshift({ ...MEMBER_TITLES[i % 49 === 0 ? 3 : 2]!, year: year + 1 });
    records.push({
      id,
      url: `${base}people/${id}/`,
      status: 'active',
      name,
      kind: 'person',
      region: REGIONS[regionIndex],
      regionName: MEMBER_REGIONS[regionIndex],
      category: CATEGORIES[i % CATEGORIES.length],
      categoryName: CATEGORY_NAMES[i % CATEGORY_NAMES.length],
      summary: SENTENCES[i % SENTENCES.length],
      story: paragraphs.join('\n'),
      deceased: false,
      honours,
      gender: rand() < 0.5 ? '男' : '女',
      birth: String(1950 + Math.floor(rand() * 45)),
    });
  }
  return { records };
}
