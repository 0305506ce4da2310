import { officeSheet, type OfficeCell } from '../../tests/helpers/office-sheet.ts';
/** Workbooks made here with exceljs, the way an office's Excel or WPS saves them. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx, SheetError, sheetNotes } from './import-sheets.ts';
import { findHeader, planImport, type ImportIo } from './import-plan.ts';
import type { LoadedContent } from './check.ts';
import type { CategoryData, RegionData, TitleData } from '../model/schema.ts';

type Sheet = { name: string; state?: 'visible' | 'hidden' | 'veryHidden'; rows: unknown[][]; formats?: string[] };

/** Writes a workbook of these sheets; `formats[c]` is column c's number format. */
async function workbook(sheets: Sheet[]): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name, { state: s.state ?? 'visible' });
    s.rows.forEach((values, r) =>
      values.forEach((v, c) => {
        const cell = sheet.getCell(r + 1, c + 1);
        cell.value = v as ExcelJS.CellValue;
        const fmt = s.formats?.[c];
        if (fmt && r > 0) cell.numFmt = fmt;
      }),
    );
  }
  const file = join(mkdtempSync(join(tmpdir(), 'honour-xlsx-')), 'list.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

const HEADER = ['姓名', '所在县（市、区）', '类别', '荣誉称号', '年份', '期次', '出生年月', '一句话事迹'];
const person = (name: string, birth: unknown) => [
  name,
  '尧都区',
  '助人为乐',
  '临汾好人',
  2027,
  '第一季度',
  birth,
  '多年照顾邻居老人。',
];

async function errorOf(p: Promise<unknown>): Promise<SheetError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SheetError) return e;
    throw e;
  }
  throw new Error('the workbook was read');
}

describe('readXlsx: only sheets an editor can see', () => {
  it('never reads a very hidden or hidden sheet, and says which sheet it read', async () => {
    const file = await workbook([
      { name: '内部', state: 'veryHidden', rows: [HEADER, person('赵内部', '1970.05')] },
      { name: '备用', state: 'hidden', rows: [HEADER, person('钱备用', '1970.05')] },
      { name: '名单', rows: [HEADER, person('孙公开', '1970.05')] },
    ]);
    const read = await readXlsx(file);
    expect(read.rows.map((r) => r[0])).toEqual(['姓名', '孙公开']);
    expect(read.sheet).toBe('名单');
    expect(read.hidden).toEqual(['内部', '备用']);
    expect(sheetNotes(read)).toEqual([
      '读取工作表“名单”',
      '隐藏的工作表 “内部”、“备用” 没有读取（隐藏的内容不会导入）',
    ]);
  });

  it('asks which sheet to read when several have content, listing their names; --sheet picks one', async () => {
    const file = await workbook([
      { name: '第一批', rows: [HEADER, person('李一', '1970.05')] },
      { name: '第二批', rows: [HEADER, person('李二', '1970.05')] },
      { name: 'Sheet3', rows: [] },
      { name: '内部', state: 'veryHidden', rows: [HEADER, person('赵内部', '1970.05')] },
    ]);
    expect((await errorOf(readXlsx(file))).message).toMatch(/“第一批”、“第二批”.*--sheet 第一批/);
    expect((await readXlsx(file, '第二批')).rows[1]?.[0]).toBe('李二');
    expect((await errorOf(readXlsx(file, '内部'))).message).toMatch(/“内部”是隐藏的/);
    expect((await errorOf(readXlsx(file, '第三批'))).message).toMatch(/没有名为“第三批”的工作表.*“第一批”、“第二批”/);
  });
});

describe('readXlsx: rows an editor can see', () => {
  it('never reads a hidden row (filtered out, or hidden by hand) and says which it left', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名单');
    sheet.addRow(HEADER);
    sheet.addRow(person('孙公开', '1970.05'));
    sheet.addRow(person('赵不推荐', '1970.05')).hidden = true;
    sheet.addRow(person('钱不推荐', '1970.05')).hidden = true;
    const file = join(mkdtempSync(join(tmpdir(), 'honour-xlsx-')), 'list.xlsx');
    await book.xlsx.writeFile(file);
    const read = await readXlsx(file);
    expect(read.rows.map((r) => r[0] ?? '')).toEqual(['姓名', '孙公开', '', '']);
    expect(JSON.stringify(read)).not.toContain('不推荐');
    expect(sheetNotes(read)).toContain(
      '第 3—4 行是隐藏的行，没有读取：如要导入，请在 Excel 或 WPS 中取消隐藏，核对后另存',
    );
  });
});

describe('readXlsx: cells as the editor sees them', () => {
  it('reads a number by its display format and a date by the parts its format shows', async () => {
    const may17 = new Date(Date.UTC(1970, 4, 17));
    const file = await workbook([
      {
        name: '名单',
        rows: [
          ['a', 'b', 'c', 'd', 'e'],
          [2008.1, may17, may17, may17, 1968.05],
        ],
        formats: ['0.00', 'yyyy"年"m"月"', 'yyyy-mm', 'yyyy-mm-dd', '0.00'],
      },
    ]);
    const { rows, problems } = await readXlsx(file);
    expect(rows[1]).toEqual(['2008.10', '1970-05', '1970-05', '1970-05-17', '1968.05']);
    expect(problems).toEqual([]);
  });

  it('flags a number that reads as a year and one-digit month (its trailing 0 is not shown) for the birth column', async () => {
    const file = await workbook([
      {
        name: '名单',
        rows: [
          ['a', 'b'],
          [2008.1, 2008.01],
        ],
      },
    ]);
    const { rows, problems } = await readXlsx(file);
    expect(rows[1]).toEqual(['2008.1', '2008.01']);
    expect(problems).toEqual([
      { row: 2, column: 1, onlyIn: 'birth', reason: expect.stringMatching(/2008-10.*2008年10月/) },
    ]);
  });
});

const content: LoadedContent = {
  regions: new Map<string, RegionData>([['yaodu', { name: '尧都区', kind: '区', order: 1, aliases: [] }]]),
  titles: new Map<string, TitleData>([
    ['lf-hr', { name: '临汾好人', level: 'city', issuer: 'x', cadence: 'quarter', rank: 2, forMinors: false }],
  ]),
  categories: new Map<string, CategoryData>([['zhuren', { name: '助人为乐', order: 1, description: '' }]]),
  releases: new Map([['2027-q1', { title: '2027年第一季度临汾好人', date: '2027-03-26', honour: 'lf-hr', intro: '' }]]),
  entries: [],
};
const io: ImportIo = {
  photoProblems: () => Promise.resolve([]),
  fileKind: () => 'missing',
  readEntry: () => '',
  show: (p) => p,
};

/** The import's plan of a workbook's one data row: the reasons it is refused, or its birth. */
async function planOf(birth: unknown, format?: string) {
  const file = await workbook([
    { name: '名单', rows: [HEADER, person('周小红', birth)], formats: { 6: format } as never },
  ]);
  const { rows, problems } = await readXlsx(file);
  const header = findHeader(rows);
  if (!header.ok) throw new Error(header.message);
  const plan = await planImport(
    { rows, headerIndex: header.index, columns: header.columns, cellProblems: problems, sheetDir: '/s' },
    content,
    '/c',
    io,
  );
  return { reasons: plan.rejected.flatMap((r) => r.errors.map((e) => `${e.column ?? ''}：${e.reason}`)), plan };
}

describe('a minor born 2009.10, typed in Excel as a number shown with two decimals', () => {
  it('is read as October and caught as a minor (an adult by January)', async () => {
    // On the release day, 2027-03-26, someone born in January 2009 is 18, one born in October 2009 is 17.
    const { reasons } = await planOf(2009.1, '0.00');
    expect(reasons).toEqual([expect.stringMatching(/^birth：按出生日期 2009-10，周小红 .*未满 18 周岁.*minor: true/)]);
  });

  it('is refused, naming the column, when the cell does not show the month unambiguously', async () => {
    const { reasons } = await planOf(2009.1);
    expect(reasons).toEqual([expect.stringMatching(/^birth：.*2009\.1.*2009-10 或 2009年10月/)]);
  });
});

const officeContent: LoadedContent = {
  ...content,
  releases: new Map([
    ['2026-q2', { title: '2026年第二季度临汾好人', date: '2026-06-26', honour: 'lf-hr', intro: '' }],
    ['2026-q3', { title: '2026年第三季度临汾好人', date: '2026-09-25', honour: 'lf-hr', intro: '' }],
  ]),
  entries: [
    {
      id: 'zeng-xiaohong-yaodu',
      file: 'entries/yaodu/zeng-xiaohong-yaodu.mdx',
      path: '/c/entries/yaodu/zeng-xiaohong-yaodu.mdx',
      name: '曾小红',
      region: 'yaodu',
      category: 'zhuren',
      minor: false,
      birth: '1975-04',
      honours: [{ title: 'lf-hr', year: 2025 }],
      formerSlugs: [],
      summary: '十八年如一日照料瘫痪在床的婆婆。',
    },
  ],
};
const zengFile = `---
name: 曾小红
kind: person
region: yaodu
category: zhuren
birth: 1975-04
honours:
  - title: lf-hr
    year: 2025
summary: 十八年如一日照料瘫痪在床的婆婆。
---
曾小红的故事。
`;

async function planOffice(people: unknown[][]) {
  const { rows, problems } = await readXlsx(
    await officeSheet(people as OfficeCell[][], {
      title: '临汾市2026年第三季度身边好人推荐表',
      filler: '填表人：王芳 电话：0357-1234567',
    }),
  );
  const header = findHeader(rows);
  if (!header.ok) throw new Error(header.message);
  const plan = await planImport(
    { rows, headerIndex: header.index, columns: header.columns, cellProblems: problems, sheetDir: '/s' },
    officeContent,
    '/c',
    { ...io, readEntry: () => zengFile },
  );
  return { header, plan, rows };
}

const may = (d: Date) => ({ value: d, fmt: 'yyyy"年"m"月"' });
const officeRow = (
  n: number,
  name: string,
  kind: string,
  birth: unknown,
  title = '“临汾好人”',
  session = '第三季度',
) => [
  n,
  name,
  kind,
  '女',
  '汉族',
  birth,
  '140102197504120024',
  '尧都区',
  '助人为乐',
  title,
  2026,
  session,
  `${name}多年照顾邻居老人。`,
  '村委会推荐',
];

describe('an office’s 推荐表 (title row, two-row header, 序号, footer)', () => {
  it('finds the header across its merged rows, and names the columns it does not import', async () => {
    const { header, rows } = await planOffice([officeRow(1, '李春花', '个人', { value: 1975.04, fmt: '0.00' })]);
    expect(header).toMatchObject({ ok: true, index: 2 });
    expect(header.columns.slice(0, 7)).toEqual(['seq', 'name', 'kind', 'gender', 'ethnicity', 'birth', null]);
    expect(header.notes).toEqual(['未导入的列：身份证号（G 列，身份证号不公开）、备注（N 列）']);
    // The title merged across the row is one cell, not fourteen.
    expect(rows[0]?.filter(Boolean)).toEqual(['临汾市2026年第三季度身边好人推荐表']);
  });

  it('reports the footer, note, stamp and signature rows once as skipped, the phone masked', async () => {
    const { plan } = await planOffice([officeRow(1, '李春花', '个人', { value: 1975.04, fmt: '0.00' })]);
    expect(plan.rejected).toEqual([]);
    expect([...plan.entries.values()].map((e) => e.data.birth)).toEqual(['1975-04']);
    expect(plan.notes).toHaveLength(1);
    expect(plan.notes[0]).toMatch(/^第 5—8 行是说明或签字，不是名单，没有导入：“填表人：王芳 电话：035\*+567”/);
    expect(JSON.stringify(plan)).not.toContain('1234567');
  });

  it('imports 张立新家庭 as a family, and 曾小红 (1975-04 on the roll, 1975-04-12 in the sheet) as the same person', async () => {
    const { plan } = await planOffice([
      officeRow(1, '张立新家庭', '', ''),
      officeRow(2, '曾小红', '个人', { value: new Date(Date.UTC(1975, 3, 12)), fmt: 'yyyy-mm-dd' }),
      officeRow(3, '赵一', '个人', may(new Date(Date.UTC(1970, 4, 1))), '《临汾好人》', '第3期'),
    ]);
    expect(plan.rejected).toEqual([]);
    const entries = [...plan.entries.values()];
    expect(entries.map((e) => [e.kind, e.path, e.data.kind])).toEqual([
      ['create', expect.stringMatching(/^\/c\/entries\/yaodu\/[a-z-]+-yaodu\.mdx$/), 'family'],
      ['update', '/c/entries/yaodu/zeng-xiaohong-yaodu.mdx', 'person'],
      ['create', '/c/entries/yaodu/zhao-yi-yaodu.mdx', 'person'],
    ]);
    expect(entries[1]?.data.honours).toEqual([
      { title: 'lf-hr', year: 2025 },
      { title: 'lf-hr', year: 2026, release: '2026-q3' },
    ]);
    expect(entries[2]?.data).toMatchObject({ birth: '1970-05', honours: [{ release: '2026-q3' }] });
    expect(plan.lines[1]).toMatch(/^第 5 行：为已有条目 .*zeng-xiaohong-yaodu\.mdx（曾小红）添加荣誉/);
    expect(JSON.stringify(plan)).not.toContain('140102');
  });
});
