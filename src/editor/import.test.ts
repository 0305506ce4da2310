import { describe, expect, it } from 'vitest';
import { mapRow, matchHeaders, type Column } from './import.ts';
import { decodeCsv } from './import-sheets.ts';
import {
  normalizeHeader,
  parseBirth,
  parseQuarter,
  parseSession,
  splitUnit,
  storyFromCell,
  matchKind,
} from './import-cells.ts';
import { matchRegion, matchTitle, releaseForQuarter } from './import-taxonomy.ts';
import { renderStory } from '../parse/story.ts';
import type { CategoryData, RegionData, TitleData } from '../model/schema.ts';

const regions = new Map<string, RegionData>([
  ['yaodu', { name: '尧都区', kind: '区', order: 1, aliases: ['尧都'] }],
  ['guxian', { name: '古县', kind: '县', order: 8, aliases: [] }],
]);
const titles = new Map<string, TitleData>([
  [
    'lf-hr',
    { name: '临汾好人', short: '临汾好人', level: 'city', issuer: 'x', cadence: 'quarter', rank: 2, forMinors: false },
  ],
  ['xq-hr', { name: '县（市、区）好人', level: 'county', issuer: 'x', cadence: 'quarter', rank: 1, forMinors: false }],
  ['lf-hsn', { name: '临汾市新时代好少年', level: 'city', issuer: 'x', cadence: 'year', rank: 5, forMinors: true }],
  ['lf-ddmf', { name: '临汾市道德模范', level: 'city', issuer: 'x', cadence: 'session', rank: 1, forMinors: false }],
]);
const categories = new Map<string, CategoryData>([['zhuren', { name: '助人为乐', order: 1, description: '' }]]);
const releases = new Map([['2026-q1', { date: '2026-03-27', honour: 'lf-hr' }]]);
const tax = { regions, titles, categories, releases };

describe('spreadsheet cells', () => {
  it('matches headers however they are spaced, bracketed or ordered', () => {
    expect(normalizeHeader(' 所在县（市、区）* ')).toBe('所在县(市、区)');
    expect(matchHeaders(['事迹简介', ' 姓 名 ', '所在县(市、区)', '备注'])).toEqual([
      'summary',
      'name',
      'region',
      null,
    ]);
  });

  it('reads birth dates as editors write them, and keeps them partial', () => {
    expect(['1968.05', '1968年5月', '1968-5', '196805', '1968/05/17', '1968年5月17日', '1968'].map(parseBirth)).toEqual(
      ['1968-05', '1968-05', '1968-05', '1968-05', '1968-05-17', '1968-05-17', '1968'],
    );
    expect(parseBirth('六十年代')).toBeUndefined();
    expect(parseBirth('1968.13')).toBeUndefined();
  });

  it('matches regions by name, alias or short name, and titles by full or short name', () => {
    expect(['尧都区', '尧都', 'yaodu', '古县'].map((v) => matchRegion(v, regions))).toEqual([
      'yaodu',
      'yaodu',
      'yaodu',
      'guxian',
    ]);
    expect(matchRegion('古', regions)).toBeUndefined();
    expect(matchTitle('县(市、区)好人', titles)).toBe('xq-hr');
    expect(matchTitle('最美好人', titles)).toBeUndefined();
  });

  it('reads 期次 as a quarter or a session', () => {
    expect(parseQuarter('2026年第一季度')).toEqual({ year: 2026, quarter: 1 });
    expect(parseQuarter('三季度')).toEqual({ year: undefined, quarter: 3 });
    expect(parseQuarter('2026-q4')).toEqual({ year: 2026, quarter: 4 });
    expect(['第9届', '9', '第九届', '第十二届', '第二十届'].map(parseSession)).toEqual([9, 9, 9, 12, 20]);
  });

  it('splits 工作单位及职务 into unit and role', () => {
    expect(splitUnit('尧都区某社区卫生服务站 医生')).toEqual(['尧都区某社区卫生服务站', '医生']);
    expect(splitUnit('某村')).toEqual(['某村', undefined]);
  });

  it('decodes GBK and UTF-8 with or without BOM', () => {
    expect(decodeCsv(new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd]))).toBe('张三');
    expect(decodeCsv(new TextEncoder().encode('\uFEFF张三'))).toBe('张三');
    expect(decodeCsv(new TextEncoder().encode('张三'))).toBe('张三');
  });
});

describe('mapRow', () => {
  const row = {
    name: '王小花',
    region: '尧都',
    category: '助人为乐',
    title: '临汾好人',
    year: '2026',
    session: '第一季度',
    summary: '照顾瘫痪婆婆二十年。',
    birth: '1970.05',
    gender: '女',
  };

  it('maps a good row to a draft with the release found from 期次', () => {
    const r = mapRow(row, tax);
    expect(Array.isArray(r)).toBe(false);
    expect(r).toMatchObject({
      draft: {
        name: '王小花',
        kind: 'person',
        region: 'yaodu',
        birth: '1970-05',
        honours: [{ title: 'lf-hr', year: 2026, release: '2026-q1' }],
      },
    });
  });

  it('gives every reason a row is wrong, each with its column', () => {
    const r = mapRow({ ...row, region: '北县', year: '', gender: '未知', birth: '七十年代' }, tax);
    expect(Array.isArray(r) && r.map((e) => e.column)).toEqual(['year', 'region', 'birth', 'gender']);
  });

  it('publishes a minor by name, school and deed only', () => {
    const r = mapRow({ ...row, title: '临汾市新时代好少年', session: '', unit: '某小学' }, tax);
    if (Array.isArray(r)) throw new Error(`the row was rejected: ${JSON.stringify(r)}`);
    expect(r.draft).toMatchObject({ minor: true, unit: '某小学' });
    expect(r.draft.birth).toBeUndefined();
    expect(r.draft.gender).toBeUndefined();
  });
});

describe('storyFromCell', () => {
  /** The text a resident reads of a rendered story, one paragraph a line. */
  const readBack = (html: string) =>
    html
      .split('\n')
      .map((p) => p.replace(/^<p>|<\/p>$/g, ''))
      .map((p) => p.replace(/&#x3C;/g, '<').replace(/&#x26;/g, '&'))
      .join('\n');

  it('keeps every cell line as typed text, never markup or code', () => {
    for (const cell of [
      '气温<0度，{1+1} 不是表达式',
      '# 不是标题\n1. 不是列表\n2) 也不是\n- 不是列表\n+ 不是\n> 不是引用\n---\n===',
      '**不是粗体** _不是斜体_ `不是代码` [不是](链接) ![不是](图片.jpg) ~~不是~~ | 不是 | 表格 |',
      '<Quote by="x">不是组件</Quote> <script>alert(1)</script> &amp; 不是实体',
      "import fs from 'node:fs'\nexport const a = 1\n\\不是转义",
    ]) {
      const r = renderStory(storyFromCell(cell));
      expect(r.ok, cell).toBe(true);
      if (r.ok) expect(readBack(r.html)).toBe(cell.split('\n').join('\n'));
    }
  });
});

describe('sheets as offices write them', () => {
  const office = new Map<string, TitleData>([
    ...titles,
    [
      'lf-zj',
      {
        name: '临汾市最佳志愿服务组织',
        level: 'city',
        issuer: '临汾市文明办',
        cadence: 'year',
        rank: 6,
        forMinors: false,
      },
    ],
    [
      'sx-hr',
      {
        name: '山西好人',
        short: '山西好人',
        level: 'provincial',
        issuer: '山西省文明办',
        cadence: 'quarter',
        rank: 2,
        forMinors: false,
      },
    ],
    [
      'lf-hjt',
      { name: '临汾市好家庭', level: 'city', issuer: '临汾市文明办', cadence: 'year', rank: 7, forMinors: false },
    ],
    [
      'yd-hjt',
      { name: '尧都区好家庭', level: 'county', issuer: '尧都区文明办', cadence: 'year', rank: 7, forMinors: false },
    ],
  ]);
  const taxonomy = { ...tax, titles: office };
  const row = { name: '王小花', region: '尧都', category: '助人为乐', year: '2026', summary: '照顾瘫痪婆婆二十年。' };

  it('matches a title written without the issuing city’s prefix', () => {
    expect(matchTitle('最佳志愿服务组织', office)).toBe('lf-zj');
    expect(matchTitle('临汾最佳志愿服务组织', office)).toBe('lf-zj');
    expect(matchTitle('临汾市最佳志愿服务组织', office)).toBe('lf-zj');
  });

  it('refuses an ambiguous title, listing the candidates', () => {
    const r = mapRow({ ...row, title: '好家庭' }, taxonomy);
    expect(r).toEqual([
      {
        column: 'title',
        code: 'ref.title-unknown',
        reason: '荣誉称号“好家庭”可能是 “临汾市好家庭”、“尧都区好家庭”：请写出完整名称',
      },
    ]);
  });

  it('keeps a provincial batch with no local release as the honour’s batch', () => {
    const r = mapRow({ ...row, title: '山西好人', session: '2026年第三季度' }, taxonomy);
    expect(r).toMatchObject({ draft: { honours: [{ title: 'sx-hr', year: 2026, batch: '2026年第三季度' }] } });
    const q = mapRow({ ...row, title: '山西好人', session: '三季度' }, taxonomy);
    expect(q).toMatchObject({ draft: { honours: [{ title: 'sx-hr', year: 2026, batch: '2026年第三季度' }] } });
  });
});

describe('one lookup for the editor commands', () => {
  it('reads a kind and a quarter the same for content:new and content:import', () => {
    expect(['个人', '家庭', '集体', '组织', 'group'].map(matchKind)).toEqual([
      'person',
      'family',
      'group',
      'group',
      'group',
    ]);
    expect(matchKind('单位')).toBeUndefined();
    expect(releaseForQuarter('2026-q1', 'lf-hr', 2026, releases)).toBe('2026-q1');
    expect(releaseForQuarter('第一季度', 'lf-hr', 2026, releases)).toBe('2026-q1');
    expect(releaseForQuarter('2025年第一季度', 'lf-hr', 2026, releases)).toBeUndefined();
    expect(releaseForQuarter('2026-q1', 'xq-hr', 2026, releases)).toBeUndefined();
  });
});

describe('cells as an office writes them (issue 29)', () => {
  const row = {
    name: '王小花',
    region: '尧都区',
    category: '助人为乐',
    title: '临汾好人',
    year: '2026',
    session: '第一季度',
    summary: '照顾瘫痪婆婆二十年。',
  };
  const draftOf = (cells: Partial<Record<Column, string>>) => {
    const r = mapRow({ ...row, ...cells }, tax);
    if (Array.isArray(r)) throw new Error(`the row was rejected: ${JSON.stringify(r)}`);
    return r.draft;
  };
  const reasonsOf = (cells: Partial<Record<Column, string>>) => {
    const r = mapRow({ ...row, ...cells }, tax);
    if (!Array.isArray(r)) throw new Error('the row was accepted');
    return r.map((e) => `${e.column ?? ''}：${e.reason}`);
  };

  it('takes a name ending in 家庭 or 户 as a family when 类型 is empty, and refuses 个人 beside it', () => {
    expect(draftOf({ name: '张立新家庭' }).kind).toBe('family');
    expect(draftOf({ name: '王家三户' }).kind).toBe('family');
    expect(draftOf({ name: '张立新家庭', kind: '家庭户' }).kind).toBe('family');
    expect(draftOf({ name: '尧都区银发志愿服务队' }).kind).toBe('group');
    expect(draftOf({ name: '张立新' }).kind).toBe('person');
    expect(reasonsOf({ name: '张立新家庭', kind: '个人' })).toEqual([
      expect.stringMatching(/^kind：类型写的是“个人”，但“张立新家庭”是家庭的名称：.*类型改为“家庭”/),
    ]);
  });

  it('finds a title written with quotes or 书名号', () => {
    for (const title of ['"临汾好人"', '“临汾好人”', '《临汾好人》', '‘临汾好人’', '「临汾好人」', '临汾好人'])
      expect(draftOf({ title }).honours[0]?.title).toBe('lf-hr');
  });

  it('matches 期次 in the forms offices write to the release of that year and quarter', () => {
    const q3 = new Map([...releases, ['2026-q3', { date: '2026-09-25', honour: 'lf-hr' }]]);
    for (const session of [
      '第三季度',
      '三季度',
      '第3期',
      '3期',
      '2026-Q3',
      '2026Q3',
      '2026年第三季度',
      '2026年第3期',
      '2026年3季度',
    ])
      expect(releaseForQuarter(session, 'lf-hr', 2026, q3)).toBe('2026-q3');
    expect(releaseForQuarter('第5期', 'lf-hr', 2026, q3)).toBeUndefined();
  });

  it('refuses a 期次 with no release, listing the releases there are', () => {
    expect(reasonsOf({ session: '第四季度' })).toEqual([
      expect.stringMatching(
        /^session：找不到“临汾好人”2026年第四季度的发布批次。releases\.yaml 里“临汾好人”的批次有：2026-q1（2026年第一季度）。/,
      ),
    ]);
  });

  it('keeps a family’s 性别 and 出生年月 out of the file and says so', () => {
    const r = mapRow({ ...row, name: '张立新家庭', gender: '男', birth: '1970.05' }, tax);
    if (Array.isArray(r)) throw new Error('the row was rejected');
    expect(r.draft.gender).toBeUndefined();
    expect(r.draft.birth).toBeUndefined();
    expect(r.notes).toEqual(['家庭和集体不写性别、出生年月和民族：这一行的 性别、出生年月 没有导入']);
  });

  it('reads a header with a hint in brackets after it', () => {
    expect(
      matchHeaders([
        '事迹简介（200字以内）',
        '出生年月(年.月)',
        '姓名（单位名称）',
        '所在县（市、区）',
        '备注（选填）',
      ]),
    ).toEqual(['summary', 'birth', 'name', 'region', null]);
  });

  it('reads 工作单位 and 职务 from two columns', () => {
    expect(matchHeaders(['工作单位', '职务'])).toEqual(['unit', 'role']);
    expect(draftOf({ unit: '尧都区某社区卫生服务站 党支部', role: '书记' })).toMatchObject({
      unit: '尧都区某社区卫生服务站 党支部',
      role: '书记',
    });
  });
});

describe('a title the content does not have', () => {
  it('lists the titles of this content, never a fixed example', () => {
    const only = new Map<string, TitleData>([
      ['shi', { name: '测试市好人', level: 'city', issuer: 'x', cadence: 'year', rank: 1, forMinors: false }],
    ]);
    const r = mapRow(
      {
        name: '王小花',
        region: '尧都区',
        category: '助人为乐',
        title: '最美好人',
        year: '2026',
        summary: '照顾瘫痪婆婆二十年。',
      },
      { ...tax, titles: only },
    );
    expect(Array.isArray(r) && r.map((e) => e.reason)).toEqual([
      '找不到荣誉称号“最美好人”，应为以下之一：测试市好人（也可以写简称）',
    ]);
  });
});
