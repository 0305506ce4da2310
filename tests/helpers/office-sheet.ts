/**
 * A recommendation sheet as a county office makes one in Excel or WPS: a
 * title row merged across the table, a two-row header (性别, 民族, 出生年月 and
 * 身份证号 under a merged 基本情况), 序号, a 备注 column, then the people and a
 * footer of the form-filler's line, a note, a stamp and a signature line.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

/** A cell of a person's row: a value, or a value with the number format the office gave it. */
export type OfficeCell = ExcelJS.CellValue | { value: ExcelJS.CellValue; fmt: string };

const TOP = [
  '序号',
  '姓名',
  '类型',
  '基本情况',
  '',
  '',
  '',
  '所在县（市、区）',
  '类别',
  '荣誉称号',
  '年份',
  '期次',
  '事迹简介',
  '备注',
];
const SUB = ['', '', '', '性别', '民族', '出生年月', '身份证号'];

/** Writes the sheet with `people`'s rows (in TOP's columns) and returns the .xlsx file's path. */
export async function officeSheet(
  people: readonly OfficeCell[][],
  { title, filler }: { title: string; filler: string },
): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('推荐表');
  sheet.getCell(1, 1).value = title;
  sheet.mergeCells(1, 1, 1, TOP.length);
  TOP.forEach((v, c) => v && (sheet.getCell(2, c + 1).value = v));
  SUB.forEach((v, c) => v && (sheet.getCell(3, c + 1).value = v));
  sheet.mergeCells(2, 4, 2, 7);
  TOP.forEach((_, c) => (c < 3 || c > 6 ? sheet.mergeCells(2, c + 1, 3, c + 1) : undefined));
  people.forEach((values, r) =>
    values.forEach((v, c) => {
      const cell = sheet.getCell(r + 4, c + 1);
      if (v && typeof v === 'object' && 'fmt' in v) {
        cell.value = v.value;
        cell.numFmt = v.fmt;
      } else cell.value = v;
    }),
  );
  const end = people.length + 4;
  sheet.getCell(end, 1).value = filler;
  sheet.mergeCells(end, 1, end, TOP.length);
  sheet.getCell(end + 1, 1).value = '注：以上人员均经村（社区）公示无异议。';
  sheet.getCell(end + 2, TOP.length).value = '（盖章）';
  sheet.getCell(end + 3, 2).value = '审核人：';
  const file = join(mkdtempSync(join(tmpdir(), 'honour-office-')), '推荐表.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}
