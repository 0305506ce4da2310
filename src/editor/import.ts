/**
 * Turning the spreadsheets editors receive (CSV from Excel, or .xlsx) into
 * entry drafts: decoding, header matching, and each cell mapped to a field,
 * with a plain-Chinese reason, column and row for every cell that cannot be.
 */
import { parse as parseCsvText } from 'csv-parse/sync';
import type { CategoryData, RegionData, ReleaseRecord, TitleData } from '../model/schema.ts';
import type { EntryDraft } from './entry-file.ts';

/** Canonical columns and the header texts that mean them (after normalising). */
export const COLUMNS = {
  seq: ['序号', '编号'],
  name: ['姓名', '名称', '姓名(名称)', '姓名或名称'],
  kind: ['类型', '个人/家庭/集体'],
  gender: ['性别'],
  ethnicity: ['民族'],
  birth: ['出生年月', '出生日期', '出生年月日'],
  politics: ['政治面貌'],
  unit: ['工作单位及职务', '工作单位', '单位及职务', '工作单位(学校)及职务', '单位职务'],
  region: ['所在县(市、区)', '所在县(市,区)', '所在县市区', '县(市、区)', '所在县区', '所属县(市、区)', '地区'],
  category: ['类别', '事迹类别', '类型类别'],
  title: ['荣誉称号', '称号', '荣誉'],
  year: ['年份', '获评年份', '年度'],
  session: ['期次', '批次', '届次'],
  summary: ['事迹简介', '简要事迹', '一句话事迹'],
  story: ['事迹全文', '详细事迹', '事迹材料'],
  photo: ['照片', '照片文件'],
  deceased: ['已故', '是否已故'],
} as const;
export type Column = keyof typeof COLUMNS;

/** Columns a row cannot do without. */
export const REQUIRED: Column[] = ['name', 'region', 'category', 'title', 'year', 'summary'];

/** The header as editors see it in messages. */
export const COLUMN_LABEL: Record<Column, string> = {
  seq: '序号',
  name: '姓名',
  kind: '类型',
  gender: '性别',
  ethnicity: '民族',
  birth: '出生年月',
  politics: '政治面貌',
  unit: '工作单位及职务',
  region: '所在县（市、区）',
  category: '类别',
  title: '荣誉称号',
  year: '年份',
  session: '期次',
  summary: '事迹简介',
  story: '事迹全文',
  photo: '照片',
  deceased: '已故',
};

/** Header text without spaces, with full-width brackets and punctuation made half-width. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/[\s\u3000]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/，/g, ',')
    .replace(/[*＊:：]/g, '');
}

/** Which column each header is, by position; unknown headers are null. */
export function matchHeaders(headers: string[]): Array<Column | null> {
  const lookup = new Map<string, Column>();
  for (const [col, names] of Object.entries(COLUMNS) as Array<[Column, readonly string[]]>) {
    for (const n of names) lookup.set(normalizeHeader(n), col);
  }
  return headers.map((h) => lookup.get(normalizeHeader(h)) ?? null);
}

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
}

/** Rows of the first worksheet of an .xlsx file, every cell as text (dates as YYYY-MM-DD), and the cells that are not text. */
export async function readXlsx(path: string): Promise<{ rows: string[][]; problems: CellProblem[] }> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(path);
  } catch {
    throw new SheetError(
      '无法打开这个 .xlsx 文件（可能已损坏，或其实是 .xls / .et 格式）：请在 Excel 或 WPS 中另存为 .xlsx',
    );
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { rows: [], problems: [] };
  const rows: Array<string[] | undefined> = [];
  const problems: CellProblem[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: Array<string | undefined> = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const text = cellText(cell.value);
      if (typeof text === 'string') cells[c - 1] = text;
      else {
        cells[c - 1] = '';
        problems.push({ row: n, column: c, reason: text.problem });
      }
    });
    rows[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return { rows: Array.from(rows, (r) => r ?? []), problems };
}

/** A cell's text, or why it has none: an error value, or a formula saved without its result. */
function cellText(value: unknown): string | { problem: string } {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
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
    if (v.text !== undefined) return typeof v.text === 'string' ? v.text.trim() : cellText(v.text);
    if (v.formula !== undefined || v.sharedFormula !== undefined) {
      if (v.result === undefined || v.result === null)
        return {
          problem: '这一格是公式，但表格里没有保存计算结果：请在 Excel 或 WPS 中打开、保存一次，或把公式改成文字',
        };
      if (typeof v.result === 'object' && !(v.result instanceof Date)) {
        const inner = cellText(v.result);
        return typeof inner === 'string' ? inner : { problem: `这一格的公式结果是错误值：请改正公式或直接填写文字` };
      }
      return cellText(v.result);
    }
    return { problem: '这一格的内容无法读取为文字：请把它改成普通文字' };
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * A spreadsheet cell's text as a story that reads exactly as typed. Characters
 * that MDX or Markdown give a meaning (`<`, `{`, `*`, `[`, a `#` or `1.` at a
 * line start…) become character references, so nothing in a cell can become
 * markup or code; each line of the cell is a paragraph. (A bare https://
 * address still shows as a link of the same text: GFM links it after the
 * references are read.)
 */
export function storyFromCell(text: string): string {
  const refs: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '{': '&#123;',
    '}': '&#125;',
    '*': '&#42;',
    _: '&#95;',
    '`': '&#96;',
    '[': '&#91;',
    ']': '&#93;',
    '\\': '&#92;',
    '~': '&#126;',
    '|': '&#124;',
    $: '&#36;',
    '!': '&#33;',
  };
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) =>
      line
        .replace(/[&<>{}*_`[\]\\~|$!]/g, (c) => refs[c] ?? c)
        // Block syntax at a line start: headings, list markers, thematic breaks, setext underlines.
        .replace(/^([#+=-])/, (c) => `&#${c.charCodeAt(0)};`)
        // MDX reads a line starting with import or export as code.
        .replace(/^(import|export)\b/, (w) => `&#${w.charCodeAt(0)};${w.slice(1)}`)
        .replace(/^(\d+)([.)])/, (_m, n: string, p: string) => `${n}&#${p.charCodeAt(0)};`),
    )
    .join('\n\n');
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 1968.05, 1968年5月, 1968-5-17, 1968/05, 196805, 1968 → 1968-05 etc.; undefined if it is not a date. */
export function parseBirth(value: string): string | undefined {
  const v = value
    .trim()
    .replace(/[年月./／]/g, '-')
    .replace(/日$/, '')
    .replace(/-+$/, '');
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(v);
  if (!m) {
    const compact = /^(\d{4})(\d{2})(\d{2})?$/.exec(v);
    if (compact) m = compact;
  }
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (mo && (Number(mo) < 1 || Number(mo) > 12)) return undefined;
  if (d && (Number(d) < 1 || Number(d) > 31)) return undefined;
  return [y, mo?.padStart(2, '0'), d?.padStart(2, '0')].filter(Boolean).join('-');
}

/** A region by official name, alias, or name without its 区/市/县 ending. */
export function matchRegion(value: string, regions: ReadonlyMap<string, RegionData>): string | undefined {
  const v = value.replace(/\s/g, '');
  for (const [id, r] of regions) {
    if (v === id || v === r.name || r.aliases.includes(v)) return id;
    const short = r.name.length > 2 ? r.name.replace(/[区市县]$/, '') : r.name;
    if (v === short) return id;
  }
  return undefined;
}

/** Words that end an issuing body's name after its place: 临汾市文明办 → 临汾市. */
const ISSUER_OFFICE =
  /(?:精神文明建设指导委员会|精神文明建设委员会|文明委员会|文明委|文明办|人民政府|政府|委员会|办公室)$/;

/** The place prefixes a title's name may be written without: 临汾市文明办 gives 临汾市 and 临汾. */
function placePrefixes(issuer: string): string[] {
  const place = normalizeHeader(issuer).replace(ISSUER_OFFICE, '');
  if (!place || place === normalizeHeader(issuer)) return [];
  const bare = place.length > 2 ? place.replace(/[省市县区]$/, '') : place;
  return [...new Set([place, bare])];
}

/**
 * Every title a sheet's text may mean: its full name, its short name, or
 * either without the issuing body's place prefix (最佳志愿服务组织 for
 * 临汾市最佳志愿服务组织); brackets and spaces ignored.
 */
export function matchTitles(value: string, titles: ReadonlyMap<string, TitleData>): string[] {
  const v = normalizeHeader(value);
  const exact: string[] = [];
  const loose: string[] = [];
  for (const [id, t] of titles) {
    const names = [t.name, t.short].filter((n): n is string => Boolean(n)).map(normalizeHeader);
    if (v === id || names.includes(v)) exact.push(id);
    else {
      // 临汾市最佳… may be written 临汾最佳… or 最佳…: its core, bare or with any form of its place.
      const prefixes = placePrefixes(t.issuer);
      const forms = names.flatMap((n) => {
        const place = prefixes.find((p) => n.startsWith(p));
        const core = place ? n.slice(place.length) : n;
        return [core, ...prefixes.map((p) => p + core)];
      });
      if (forms.includes(v)) loose.push(id);
    }
  }
  // A full or short name is never ambiguous with a shortened one.
  return exact.length ? exact : loose;
}

/** A title by its full or short name, or without its place prefix, when exactly one title fits. */
export function matchTitle(value: string, titles: ReadonlyMap<string, TitleData>): string | undefined {
  const found = matchTitles(value, titles);
  return found.length === 1 ? found[0] : undefined;
}

/** A category by its name (助人为乐) or id. */
export function matchCategory(value: string, categories: ReadonlyMap<string, CategoryData>): string | undefined {
  const v = value.replace(/\s/g, '');
  for (const [id, c] of categories) if (v === id || v === c.name || `${c.name}类` === v) return id;
  return undefined;
}

/** 期次 as a quarter of a year: 2026年第一季度, 第一季度, 一季度, Q1, 2026-q1 → 1…4. */
export function parseQuarter(value: string): { year?: number; quarter: number } | undefined {
  const v = value.replace(/\s/g, '').toLowerCase();
  const m = /^(?:(\d{4})(?:年|-)?)?(?:第)?([一二三四1-4])(?:季度|季)$/.exec(v) ?? /^(?:(\d{4})-)?q([1-4])$/.exec(v);
  if (!m) return undefined;
  const q = m[2] ?? '';
  return { year: m[1] ? Number(m[1]) : undefined, quarter: CN_DIGITS[q] ?? Number(q) };
}

/** 期次 as a session: 第9届, 9, 第九届 → 9. */
export function parseSession(value: string): number | undefined {
  const v = value.replace(/\s/g, '');
  const m = /^(?:第)?(\d+|[一二三四五六七八九十]+)(?:届)?$/.exec(v);
  if (!m) return undefined;
  const n = m[1] ?? '';
  if (/^\d+$/.test(n)) return Number(n);
  if (n === '十') return 10;
  if (n.startsWith('十')) return 10 + (CN_DIGITS[n[1] ?? ''] ?? 0);
  if (n.endsWith('十')) return (CN_DIGITS[n[0] ?? ''] ?? 0) * 10;
  if (n.length === 3 && n[1] === '十') return (CN_DIGITS[n[0] ?? ''] ?? 0) * 10 + (CN_DIGITS[n[2] ?? ''] ?? 0);
  return CN_DIGITS[n];
}

const YES = new Set(['是', '已故', '√', '✓', 'y', 'yes', 'true', '1']);
const KINDS: Record<string, EntryDraft['kind']> = {
  个人: 'person',
  家庭: 'family',
  集体: 'group',
  组织: 'group',
  person: 'person',
  family: 'family',
  group: 'group',
};

/** 个人 / 家庭 / 集体 (or the English kind) as an entry kind; undefined if it is none of them. */
export function matchKind(value: string): EntryDraft['kind'] | undefined {
  return KINDS[value.trim()];
}

/**
 * The release of `title` that a 期次 names: its id (2026-q1) or a quarter
 * (2026年第一季度, 第一季度 in `year`); undefined when none matches.
 */
export function releaseForQuarter(
  text: string,
  title: string,
  year: number,
  releases: ReadonlyMap<string, { date: string; honour: string }>,
): string | undefined {
  if (releases.get(text)?.honour === title) return text;
  const q = parseQuarter(text);
  if (!q) return undefined;
  return [...releases].find(
    ([, r]) =>
      r.honour === title &&
      Number(r.date.slice(0, 4)) === (q.year ?? year) &&
      Math.ceil(Number(r.date.slice(5, 7)) / 3) === q.quarter,
  )?.[0];
}

export interface RowError {
  column: Column | null;
  reason: string;
}

/** The collections a sheet's cells are matched against (records by id). */
export interface SheetTaxonomy {
  regions: ReadonlyMap<string, RegionData>;
  titles: ReadonlyMap<string, TitleData>;
  categories: ReadonlyMap<string, CategoryData>;
  releases: ReadonlyMap<string, Pick<ReleaseRecord, 'date' | 'honour'>>;
}

export interface MappedRow {
  draft: EntryDraft;
  story?: string;
  photo?: string;
}

/** Maps one row's cells (by column) to an entry draft, or to every reason it cannot be. */
export function mapRow(cells: Partial<Record<Column, string>>, tax: SheetTaxonomy): MappedRow | RowError[] {
  const errors: RowError[] = [];
  const get = (c: Column) => (cells[c] ?? '').trim();
  for (const c of REQUIRED) {
    if (!get(c)) errors.push({ column: c, reason: `“${COLUMN_LABEL[c]}”为空，请填写` });
  }
  const kindText = get('kind') || '个人';
  const kind = matchKind(kindText);
  if (!kind) errors.push({ column: 'kind', reason: `类型“${kindText}”应为 个人、家庭 或 集体` });

  const region = get('region') ? matchRegion(get('region'), tax.regions) : undefined;
  if (get('region') && !region) {
    const names = [...tax.regions.values()].map((r) => r.name).join('、');
    errors.push({ column: 'region', reason: `找不到县（市、区）“${get('region')}”，应为以下之一：${names}` });
  }
  const category = get('category') ? matchCategory(get('category'), tax.categories) : undefined;
  if (get('category') && !category) {
    const names = [...tax.categories.values()].map((c) => c.name).join('、');
    errors.push({ column: 'category', reason: `找不到类别“${get('category')}”，应为以下之一：${names}` });
  }
  const candidates = get('title') ? matchTitles(get('title'), tax.titles) : [];
  const title = candidates.length === 1 ? candidates[0] : undefined;
  if (get('title') && candidates.length === 0) {
    errors.push({
      column: 'title',
      reason: `找不到荣誉称号“${get('title')}”，请使用 titles.yaml 中的称号名称，如“临汾好人”`,
    });
  } else if (candidates.length > 1) {
    const names = candidates.map((id) => `“${tax.titles.get(id)?.name ?? id}”`).join('、');
    errors.push({ column: 'title', reason: `荣誉称号“${get('title')}”可能是 ${names}：请写出完整名称` });
  }
  const year = Number(get('year').replace(/年$/, ''));
  if (get('year') && !(Number.isInteger(year) && year > 1900)) {
    errors.push({ column: 'year', reason: `年份“${get('year')}”应为四位数字，如 2026` });
  }
  let birth: string | undefined;
  if (get('birth')) {
    birth = parseBirth(get('birth'));
    if (!birth)
      errors.push({ column: 'birth', reason: `出生年月“${get('birth')}”看不懂，请写成 1968.05 或 1968年5月` });
  }
  const gender = get('gender');
  if (gender && gender !== '男' && gender !== '女') errors.push({ column: 'gender', reason: '性别应为“男”或“女”' });

  const honour: EntryDraft['honours'][number] = { title: title ?? '', year };
  const t = title ? tax.titles.get(title) : undefined;
  const sessionText = get('session');
  const yearValid = Number.isInteger(year) && year > 1900;
  // Without a valid year the release cannot be looked up; the year's own error says what to fix.
  if (sessionText && t && title && yearValid) {
    if (t.cadence === 'session') {
      const n = parseSession(sessionText);
      if (n) honour.session = n;
      else errors.push({ column: 'session', reason: `期次“${sessionText}”应写成“第9届”` });
    } else if (t.cadence === 'quarter' && [...tax.releases.values()].some((r) => r.honour === title)) {
      const q = parseQuarter(sessionText);
      const release = releaseForQuarter(sessionText, title, year, tax.releases);
      if (release) honour.release = release;
      else
        errors.push({
          column: 'session',
          reason: `找不到“${get('title')}”${q ? `${q.year ?? year}年第${q.quarter}季度` : `“${sessionText}”`}的发布批次，请先在 releases.yaml 中添加，或核对期次`,
        });
    } else {
      // The issuing body's own batch (a provincial quarter, a month of 中国好人榜): kept as written, shown beside the year.
      const q = parseQuarter(sessionText);
      honour.batch = q ? `${q.year ?? year}年第${'一二三四'[q.quarter - 1] ?? q.quarter}季度` : sessionText;
    }
  }
  if (errors.length || !kind || !region || !category || !title) return errors;

  const [unit, role] = splitUnit(get('unit'));
  const draft: EntryDraft = {
    name: get('name'),
    kind,
    region,
    category,
    honours: [honour],
    summary: get('summary'),
    gender: kind === 'person' && gender ? (gender as '男' | '女') : undefined,
    birth: kind === 'person' ? birth : undefined,
    ethnicity: kind === 'person' ? get('ethnicity') || undefined : undefined,
    unit,
    role,
    deceased: YES.has(get('deceased').toLowerCase()) || undefined,
    minor: t?.forMinors || undefined,
  };
  if (draft.minor) {
    // Minors are published by name, school and deed only.
    delete draft.birth;
    delete draft.gender;
    delete draft.ethnicity;
    delete draft.role;
  }
  return { draft, story: get('story') ? storyFromCell(get('story')) : undefined, photo: get('photo') || undefined };
}

/** 工作单位及职务: “尧都区某社区卫生服务站 医生” → unit and role; without a separator, all is the unit. */
export function splitUnit(text: string): [string | undefined, string | undefined] {
  const v = text.trim();
  if (!v) return [undefined, undefined];
  const m = /^(.+?)[\s\u3000,，、]+([^\s\u3000,，、]{1,12})$/.exec(v);
  return m ? [m[1], m[2]] : [v, undefined];
}
