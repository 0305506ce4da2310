import { describe, expect, it } from 'vitest';
import {
  entryFileText,
  findHeader,
  formatSheetProblem,
  planImport,
  sheetProblems,
  type ImportIo,
} from './import-plan.ts';
import type { LoadedContent } from './check.ts';
import type { CategoryData, RegionData, TitleData } from '../model/schema.ts';

const content: LoadedContent = {
  regions: new Map<string, RegionData>([['yaodu', { name: '尧都区', kind: '区', order: 1, aliases: ['尧都'] }]]),
  titles: new Map<string, TitleData>([
    ['lf-hr', { name: '临汾好人', level: 'city', issuer: 'x', cadence: 'quarter', rank: 2, forMinors: false }],
    ['sx-hr', { name: '山西好人', level: 'provincial', issuer: 'x', cadence: 'quarter', rank: 2, forMinors: false }],
  ]),
  categories: new Map<string, CategoryData>([['zhuren', { name: '助人为乐', order: 1, description: '' }]]),
  releases: new Map(),
  entries: [
    {
      id: 'wang-fang',
      file: 'entries/yaodu/wang-fang.mdx',
      path: '/c/entries/yaodu/wang-fang.mdx',
      name: '王芳',
      region: 'yaodu',
      category: 'zhuren',
      minor: false,
      honours: [{ title: 'lf-hr', year: 2024 }],
      formerSlugs: [],
      summary: '二十年如一日照顾孤寡老人。',
    },
  ],
};

/** 王芳's file as an editor left it: a comment and her own spacing, which an import keeps. */
const existingFile = `---
# 2024 年由尧都区推荐
name: 王芳
kind: person
region: yaodu
category: zhuren
honours:
  - title: lf-hr   # 临汾好人
    year: 2024
summary:  二十年如一日照顾孤寡老人。
---
王芳的故事。
`;

function io(files: Record<string, 'file' | 'other'> = {}): ImportIo & { read: string[] } {
  const read: string[] = [];
  return {
    read,
    photoProblems: () => Promise.resolve([]),
    fileKind: (path) => files[path] ?? 'missing',
    readEntry: (path) => {
      read.push(path);
      return existingFile;
    },
    show: (path) => path.replace('/c/', ''),
  };
}

const HEADER = ['姓名', '所在县（市、区）', '类别', '荣誉称号', '年份', '一句话事迹', '照片'];
const row = (name: string, title: string, year: string, photo = '') => [
  name,
  '尧都区',
  '助人为乐',
  title,
  year,
  `${name}多年来热心帮助邻里老人。`,
  photo,
];

async function plan(rows: string[][], files?: Record<string, 'file' | 'other'>) {
  const all = [['2026年第一季度推荐名单'], HEADER, ...rows];
  const header = findHeader(all);
  if (!header.ok) throw new Error(header.message);
  const port = io(files);
  const result = await planImport(
    { rows: all, headerIndex: header.index, columns: header.columns, cellProblems: [], sheetDir: '/sheets' },
    content,
    '/c',
    port,
  );
  return { ...result, read: port.read };
}

describe('import planning', () => {
  it('finds the header below a title line, and names the missing columns', () => {
    expect(findHeader([['名单'], HEADER])).toMatchObject({ ok: true, index: 1 });
    const bad = findHeader([['姓名', '类别', '一句话事迹', '备注']]);
    expect(bad).toMatchObject({ ok: false, row: 1 });
    expect(!bad.ok && bad.message).toContain('所在县');
  });

  it('creates one file per new person and merges a second row of the same person', async () => {
    const p = await plan([row('李明', '临汾好人', '2025'), row('李明', '山西好人', '2026')]);
    expect(p.rejected).toEqual([]);
    expect([...p.entries.values()]).toHaveLength(1);
    const [entry] = [...p.entries.values()];
    expect(entry?.kind).toBe('create');
    expect(entry?.path).toBe('/c/entries/yaodu/li-ming-yaodu.mdx');
    expect(entry?.rows).toEqual([3, 4]);
    expect(entry?.data.honours).toEqual([
      { title: 'lf-hr', year: 2025 },
      { title: 'sx-hr', year: 2026 },
    ]);
    expect(p.lines[1]).toContain('与第 3 行是同一人');
  });

  it('adds a new honour to the person already on the roll, and leaves a known honour alone', async () => {
    const p = await plan([row('王芳', '山西好人', '2026')]);
    const [entry] = [...p.entries.values()];
    expect(entry).toMatchObject({ kind: 'update', path: '/c/entries/yaodu/wang-fang.mdx', body: '王芳的故事。\n' });
    expect(entry?.data.honours).toHaveLength(2);
    // Only the new honour is written: the comments, the spacing and the story stay byte for byte.
    expect(entry && entryFileText(entry)).toBe(
      existingFile.replace('    year: 2024\n', '    year: 2024\n  - title: sx-hr\n    year: 2026\n'),
    );
    const same = await plan([row('王芳', '临汾好人', '2024')]);
    expect(same.entries.size).toBe(0);
    expect(same.lines[0]).toContain('无需改动');
  });

  it('rejects a row with personal data, a photo outside the sheet folder or a missing photo, naming the column', async () => {
    const p = await plan([
      row('赵强', '临汾好人', '2025').with(5, '赵强热心助人，电话 13912345678。'),
      row('钱伟', '临汾好人', '2025', '../secret.jpg'),
      row('孙丽', '临汾好人', '2025', 'sunli.jpg'),
    ]);
    expect(p.entries.size).toBe(0);
    expect(p.rejected.map((r) => [r.row, r.errors[0]?.column])).toEqual([
      [3, 'summary'],
      [4, 'photo'],
      [5, 'photo'],
    ]);
    expect(p.rejected[2]?.errors[0]?.reason).toContain('找不到照片文件');
  });

  it('plans the photo copy beside the new entry under the entry slug', async () => {
    const p = await plan([row('周杰', '临汾好人', '2025', 'ZJ.JPG')], { '/sheets/ZJ.JPG': 'file' });
    const [entry] = [...p.entries.values()];
    expect(entry?.photo).toEqual(['/sheets/ZJ.JPG', '/c/entries/yaodu/zhou-jie-yaodu.jpg']);
    expect(entry?.data.photo).toEqual({ src: './zhou-jie-yaodu.jpg', alt: '周杰的照片' });
  });
});

describe('people already on the roll (name + county + birth)', () => {
  const withBirth: LoadedContent = {
    ...content,
    entries: content.entries.map((e) => ({ ...e, birth: '1975-04' })),
  };
  const BIRTH_HEADER = [...HEADER, '出生年月'];
  async function planBirths(rows: string[][]) {
    const all = [BIRTH_HEADER, ...rows];
    const header = findHeader(all);
    if (!header.ok) throw new Error(header.message);
    return planImport(
      { rows: all, headerIndex: header.index, columns: header.columns, cellProblems: [], sheetDir: '/sheets' },
      withBirth,
      '/c',
      io(),
    );
  }

  it('updates the entry when the sheet gives the same year-month with a day, and says what it left alone', async () => {
    const p = await planBirths([[...row('王芳', '山西好人', '2026'), '1975-04-12']]);
    expect([...p.entries.values()].map((e) => [e.kind, e.path])).toEqual([
      ['update', '/c/entries/yaodu/wang-fang.mdx'],
    ]);
    expect(p.lines[0]).toMatch(/添加荣誉“山西好人”2026年；表格里的 出生年月、事迹简介 与已有条目不同，没有改动/);
  });

  it('refuses a row without a birth, naming the entry it may be', async () => {
    const p = await planBirths([[...row('王芳', '山西好人', '2026'), '']]);
    expect(p.entries.size).toBe(0);
    expect(p.rejected).toEqual([
      {
        row: 2,
        errors: [
          {
            column: 'birth',
            code: 'import.row-person',
            reason: expect.stringMatching(
              /尧都区已有 王芳（entries\/yaodu\/wang-fang\.mdx，出生年月 1975-04）.*请填上出生年月/,
            ),
          },
        ],
      },
    ]);
  });

  it('creates a second person with another birth only with a warning naming the first', async () => {
    const p = await planBirths([[...row('王芳', '山西好人', '2026'), '1980-02']]);
    expect([...p.entries.values()].map((e) => e.path)).toEqual(['/c/entries/yaodu/wang-fang-yaodu.mdx']);
    expect(p.lines[0]).toMatch(/［提醒］尧都区已有同名的 王芳（entries\/yaodu\/wang-fang\.mdx，出生年月 1975-04）/);
  });

  it('reports per row what it cleaned', async () => {
    const p = await planBirths([
      [
        '李\u200b明',
        ...row('李明', '临汾好人', '2025').slice(1, 5),
        '点击上方蓝字关注我们李明多年来热心帮助邻里老人。',
        '',
        '1970-01',
      ],
    ]);
    expect(p.rejected).toEqual([]);
    expect(p.lines[0]).toMatch(
      /^第 2 行：新建 .*（李明）；已清理：姓名中的 1 个不可见字符；事迹简介中的“点击上方蓝字关注我们”/,
    );
    expect([...p.entries.values()][0]?.data).toMatchObject({ name: '李明', summary: '李明多年来热心帮助邻里老人。' });
  });
});

describe('the report of refused rows', () => {
  it('names the sheet row as Excel numbers it, the column by header and letter, one Problem per reason', async () => {
    const p = await plan([row('赵强', '最美好人', '2025')]);
    const all = [['2026年第一季度推荐名单'], HEADER];
    const header = findHeader(all);
    if (!header.ok) throw new Error(header.message);
    const problems = sheetProblems(p.rejected, '名单.xlsx', header.columns);
    expect(problems).toEqual([
      {
        file: '名单.xlsx',
        line: 3,
        cell: 'D3',
        field: '荣誉称号',
        message: expect.stringContaining('最美好人'),
        severity: 'error',
        code: 'ref.title-unknown',
      },
    ]);
    expect(problems.map(formatSheetProblem)).toEqual([
      expect.stringMatching(
        /^［拒绝］名单\.xlsx 第 3 行 — 荣誉称号 — 找不到荣誉称号.*（D3 格）［代码 ref\.title-unknown］$/,
      ),
    ]);
  });
});

describe('every problem of a row at once', () => {
  it('names the personal data and the photo of a row whose county is also wrong', async () => {
    const bad = row('赵强', '临汾好人', '2025', 'zq.jpg').with(5, '赵强热心助人，电话 13912345678。').with(1, '北县');
    const p = await plan([bad, ['\u200b', '', '\ufeff']]);
    expect(p.rejected.map((r) => [r.row, r.errors.map((e) => e.column)])).toEqual([
      [3, ['summary', 'photo', 'region']],
    ]);
    // A row of invisible characters only is as empty as it looks: neither a note nor a refusal.
    expect(p.notes).toEqual([]);
  });
});

describe('numbered rows left empty', () => {
  it('are said once, however the 序号 is typed', async () => {
    const all = [['序号', ...HEADER], ['1', ...row('李明', '临汾好人', '2025')], ['2.'], ['（3）'], ['4、']];
    const header = findHeader(all);
    if (!header.ok) throw new Error(header.message);
    const p = await planImport(
      { rows: all, headerIndex: header.index, columns: header.columns, cellProblems: [], sheetDir: '/sheets' },
      content,
      '/c',
      io(),
    );
    expect(p.rejected).toEqual([]);
    expect(p.notes).toEqual(['第 3—5 行只有序号，没有内容，没有导入']);
  });
});
