/**
 * Reading the sheets editors receive: CSV as Excel writes it (UTF-8 or
 * GB18030/GBK) and .xlsx, every cell as text; a sheet or a cell that cannot be
 * read says why and how to save it again.
 */
import { basename } from 'node:path';
import { parse as parseCsvText } from 'csv-parse/sync';
import { looseBirthReason, rowRanges, shownText } from './import-cells.ts';

/** A sheet that cannot be read as it is, with what to do about it. */
export class SheetError extends Error {
  override name = 'SheetError';
  /** 1-based row of the sheet, when one is to blame. */
  readonly row: number | undefined;
  constructor(message: string, row?: number) {
    super(message);
    this.row = row;
  }
}

const SAVE_AS_UTF8 = '请在 Excel 或 WPS 中“另存为”，文件类型选“CSV UTF-8（逗号分隔）”，或直接导入 .xlsx 文件';

/**
 * Text of a CSV file as Excel writes it: UTF-8 with or without BOM, or
 * GB18030/GBK. UTF-16, NUL bytes and UTF-8 broken part-way are refused with
 * the row and how to save the file again, never read as garbage.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new SheetError(`这是 UTF-16（Unicode 文本）格式的表格，无法读取：${SAVE_AS_UTF8}`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const row = bytes.subarray(0, nul).filter((b) => b === 0x0a).length + 1;
    throw new SheetError(`文件第 ${row} 行含有空字符（NUL），可能已损坏或不是 CSV 文本：${SAVE_AS_UTF8}`, row);
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // Mostly valid UTF-8 with a few broken sequences is a damaged UTF-8 file, not GBK.
    const loose = new TextDecoder('utf-8').decode(body);
    const broken = loose.split('\uFFFD').length - 1;
    const wide = Array.from(loose).filter((c) => c > '\u007f' && c !== '\uFFFD').length;
    if (broken > 0 && wide >= broken * 4) {
      const row = loose.slice(0, loose.indexOf('\uFFFD')).split('\n').length;
      throw new SheetError(
        `文件第 ${row} 行有损坏的文字（UTF-8 编码不完整）：请打开原表格重新保存；${SAVE_AS_UTF8}`,
        row,
      );
    }
  }
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(body);
  } catch {
    throw new SheetError(`文件既不是 UTF-8 也不是 GBK 编码，无法读取：${SAVE_AS_UTF8}`);
  }
}

/** Rows of a CSV text, every cell a trimmed string; an unclosed quote names its row. */
export function parseCsv(text: string): string[][] {
  let rows: string[][];
  try {
    const parsed: string[][] = parseCsvText(text, { relaxColumnCount: true, skipEmptyLines: false });
    rows = parsed;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    const quote = (e as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED';
    throw new SheetError(
      quote
        ? `第 ${line ?? '?'} 行附近有一个引号（"）没有配对：请检查这一格的内容，或在 Excel 中重新保存`
        : `CSV 格式有误（第 ${line ?? '?'} 行附近）：请在 Excel 中打开并重新保存`,
      line,
    );
  }
  return rows.map((r) => r.map((c) => c.trim()));
}

/** A cell of a sheet that cannot be read as text. */
export interface CellProblem {
  /** 1-based row and column of the sheet. */
  row: number;
  column: number;
  reason: string;
  /** The problem counts only when the cell is in this column (a number read as 2008.1 is fine as a 序号). */
  onlyIn?: 'birth';
}

/** A workbook read: the rows of the sheet read, which sheet that was, and the hidden ones never read. */
export interface XlsxRead {
  rows: string[][];
  problems: CellProblem[];
  /** Name of the sheet read. */
  sheet: string | undefined;
  /** Names of the hidden sheets, which are never read. */
  hidden: string[];
  /** Hidden rows of the sheet read (1-based), read as empty. */
  hiddenRows?: number[];
}

const sheetList = (names: readonly string[]) => names.map((n) => `“${n}”`).join('、');
const shellWord = (word: string) => (/^[\p{L}\p{N}._-]+$/u.test(word) ? word : `"${word.replace(/"/g, '\\"')}"`);

/**
 * Rows of one visible worksheet of an .xlsx file, every cell as the editor
 * sees it (numbers by their display format, dates with the parts their
 * format shows), and the cells that are not text. Hidden and very hidden
 * sheets are never read: an office keeps internal lists there ("not
 * recommended", notes on people) that nobody sees on screen. With several
 * visible sheets that have content, `sheetName` must say which (the
 * refusal lists them); empty ones (Excel's Sheet2, Sheet3) do not count.
 */
export async function readXlsx(path: string, sheetName?: string): Promise<XlsxRead> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(path);
  } catch {
    throw new SheetError(
      '无法打开这个 .xlsx 文件（可能已损坏，或其实是 .xls / .et 格式）：请在 Excel 或 WPS 中另存为 .xlsx',
    );
  }
  const visible = book.worksheets.filter((s) => s.state === 'visible');
  const hidden = book.worksheets.filter((s) => !visible.includes(s)).map((s) => s.name);
  const names = (sheets: typeof visible) => sheets.map((s) => s.name);
  let sheet: (typeof visible)[number] | undefined;
  if (sheetName !== undefined) {
    const wanted = sheetName.trim();
    const named = book.worksheets.find((s) => s.name.trim() === wanted);
    if (!named) {
      throw new SheetError(
        `这个表格里没有名为“${wanted}”的工作表：可以导入的工作表有 ${sheetList(names(visible))}，请核对 --sheet 后面的名字`,
      );
    }
    if (!visible.includes(named)) {
      throw new SheetError(
        `工作表“${wanted}”是隐藏的，不会导入：隐藏的工作表常是内部名单，如确实要导入，请在 Excel 或 WPS 中取消隐藏、核对内容后另存，再用 --sheet 指定`,
      );
    }
    sheet = named;
  } else {
    const filled = visible.filter((s) => s.actualRowCount > 0);
    if (filled.length > 1) {
      throw new SheetError(
        `这个表格有 ${filled.length} 个有内容的工作表：${sheetList(names(filled))}。请说明导入哪一个，例如：npm run content:import -- ${shellWord(basename(path))} --sheet ${shellWord(filled[0]?.name ?? '')}`,
      );
    }
    sheet = filled[0] ?? visible[0];
  }
  if (!sheet) {
    if (hidden.length) {
      throw new SheetError(
        `这个表格的工作表都是隐藏的（${sheetList(hidden)}），不会导入：请在 Excel 或 WPS 中取消隐藏要导入的工作表，核对后另存`,
      );
    }
    return { rows: [], problems: [], sheet: undefined, hidden };
  }
  const rows: Array<string[] | undefined> = [];
  const problems: CellProblem[] = [];
  const hiddenRows: number[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    // A hidden row is one the editor does not see: often filtered out (不推荐) or set aside. Like a
    // hidden sheet it is never read, and the report names it.
    if (row.hidden) {
      hiddenRows.push(n);
      rows[n - 1] = [];
      return;
    }
    const cells: Array<string | undefined> = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      // exceljs gives every cell of a merged range the first cell's value. Across columns the editor
      // sees one text (a title, a footer, 基本情况 over its sub-columns): it stays in the first cell
      // only, or a footer would be read as fourteen cells. Down a column (尧都区 merged over the
      // rows of its people) the editor sees it on each row, and each row gets it.
      if (cell.isMerged && cell.master.col !== cell.col) {
        cells[c - 1] = '';
        return;
      }
      const text = cellText(cell.value, cell.numFmt);
      if (typeof text === 'string') cells[c - 1] = text;
      else if ('loose' in text) {
        cells[c - 1] = text.loose;
        problems.push({ row: n, column: c, reason: looseBirthReason(text.loose), onlyIn: 'birth' });
      } else {
        cells[c - 1] = '';
        problems.push({ row: n, column: c, reason: text.problem });
      }
    });
    rows[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return { rows: Array.from(rows, (r) => r ?? []), problems, sheet: sheet.name, hidden, hiddenRows };
}

/** What the import's report says about the sheets of a workbook: which one it read, which hidden ones it left. */
export function sheetNotes(book: Pick<XlsxRead, 'sheet' | 'hidden' | 'hiddenRows'>): string[] {
  const rows = book.hiddenRows ?? [];
  return [
    ...(book.sheet === undefined ? [] : [`读取工作表“${book.sheet}”`]),
    ...(book.hidden.length ? [`隐藏的工作表 ${sheetList(book.hidden)} 没有读取（隐藏的内容不会导入）`] : []),
    ...(rows.length
      ? [`第 ${rowRanges(rows)} 行是隐藏的行，没有读取：如要导入，请在 Excel 或 WPS 中取消隐藏，核对后另存`]
      : []),
  ];
}

/** A cell's text, or why it has none: an error value, or a formula saved without its result. */
function cellText(value: unknown, numFmt: string | undefined): string | { problem: string } | { loose: string } {
  if (value === null || value === undefined) return '';
  if (value instanceof Date || typeof value === 'number') {
    const shown = shownText(value, numFmt);
    return shown.loose ? { loose: shown.text } : shown.text;
  }
  if (typeof value === 'object') {
    const v = value as {
      richText?: Array<{ text: string }>;
      text?: unknown;
      result?: unknown;
      formula?: string;
      sharedFormula?: string;
      error?: string;
    };
    if (v.richText)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if (v.error !== undefined) return { problem: `这一格是错误值 ${v.error}：请改正公式或直接填写文字` };
    if (v.text !== undefined) return typeof v.text === 'string' ? v.text.trim() : cellText(v.text, numFmt);
    if (v.formula !== undefined || v.sharedFormula !== undefined) {
      if (v.result === undefined || v.result === null)
        return {
          problem: '这一格是公式，但表格里没有保存计算结果：请在 Excel 或 WPS 中打开、保存一次，或把公式改成文字',
        };
      if (typeof v.result === 'object' && !(v.result instanceof Date)) {
        const inner = cellText(v.result, numFmt);
        return typeof inner === 'string' || 'loose' in inner
          ? inner
          : { problem: `这一格的公式结果是错误值：请改正公式或直接填写文字` };
      }
      return cellText(v.result, numFmt);
    }
    return { problem: '这一格的内容无法读取为文字：请把它改成普通文字' };
  }
  if (typeof value === 'boolean') return String(value);
  return typeof value === 'string' ? value.trim() : '';
}
