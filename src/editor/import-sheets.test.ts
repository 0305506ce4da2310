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
