/**
 * Turning the spreadsheets editors receive (CSV from Excel, or .xlsx) into
 * entry drafts: decoding, header matching, and each cell mapped to a field,
 * with a plain-Chinese reason, column and row for every cell that cannot be.
 */
import { parse as parseCsvText } from 'csv-parse/sync';
import type { CategoryData, RegionData, TitleData } from './schema.ts';
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

/** Text of a CSV file as Excel writes it: UTF-8 with or without BOM, or GB18030/GBK. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Rows of a CSV text, every cell a trimmed string. */
export function parseCsv(text: string): string[][] {
  return (parseCsvText(text, { relaxColumnCount: true, skipEmptyLines: false }) as string[][]).map((r) =>
    r.map((c) => c.trim()),
  );
}

/** Rows of the first worksheet of an .xlsx file, every cell as text (dates as YYYY-MM-DD). */
export async function readXlsx(path: string): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[c - 1] = cellText(cell.value);
    });
    rows[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; text?: string; result?: unknown };
    if (v.richText)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if (v.text !== undefined) return String(v.text).trim();
    if (v.result !== undefined) return cellText(v.result);
  }
  return String(value).trim();
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

/** A title by its full or short name, brackets and spaces ignored. */
export function matchTitle(value: string, titles: ReadonlyMap<string, TitleData>): string | undefined {
  const v = normalizeHeader(value);
  for (const [id, t] of titles) {
    if (v === id || v === normalizeHeader(t.name) || (t.short && v === normalizeHeader(t.short))) return id;
  }
  return undefined;
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
const KINDS: Record<string, EntryDraft['kind']> = { 个人: 'person', 家庭: 'family', 集体: 'group', 组织: 'group' };

export interface RowError {
  column: Column | null;
  reason: string;
}

export interface Taxonomy {
  regions: ReadonlyMap<string, RegionData>;
  titles: ReadonlyMap<string, TitleData>;
  categories: ReadonlyMap<string, CategoryData>;
  releases: ReadonlyMap<string, { date: string; honour: string }>;
}

export interface MappedRow {
  draft: EntryDraft;
  story?: string;
  photo?: string;
}

/** Maps one row's cells (by column) to an entry draft, or to every reason it cannot be. */
export function mapRow(cells: Partial<Record<Column, string>>, tax: Taxonomy): MappedRow | RowError[] {
  const errors: RowError[] = [];
  const get = (c: Column) => (cells[c] ?? '').trim();
  for (const c of REQUIRED) {
    if (!get(c)) errors.push({ column: c, reason: `“${COLUMN_LABEL[c]}”为空，请填写` });
  }
  const kindText = get('kind') || '个人';
  const kind = KINDS[kindText];
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
  const title = get('title') ? matchTitle(get('title'), tax.titles) : undefined;
  if (get('title') && !title) {
    errors.push({
      column: 'title',
      reason: `找不到荣誉称号“${get('title')}”，请使用 titles.yaml 中的称号名称，如“临汾好人”`,
    });
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
  if (sessionText && t && yearValid) {
    if (t.cadence === 'session') {
      const n = parseSession(sessionText);
      if (n) honour.session = n;
      else errors.push({ column: 'session', reason: `期次“${sessionText}”应写成“第9届”` });
    } else if (t.cadence === 'quarter') {
      const q = parseQuarter(sessionText);
      const release = q
        ? [...tax.releases].find(
            ([, r]) =>
              r.honour === title &&
              Number(r.date.slice(0, 4)) === (q.year ?? year) &&
              Math.ceil(Number(r.date.slice(5, 7)) / 3) === q.quarter,
          )
        : undefined;
      if (release) honour.release = release[0];
      else
        errors.push({
          column: 'session',
          reason: `找不到“${get('title')}”${q ? `${q.year ?? year}年第${q.quarter}季度` : `“${sessionText}”`}的发布批次，请先在 releases.yaml 中添加，或核对期次`,
        });
    } else {
      honour.note = sessionText;
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
  return { draft, story: get('story') || undefined, photo: get('photo') || undefined };
}

/** 工作单位及职务: “尧都区某社区卫生服务站 医生” → unit and role; without a separator, all is the unit. */
export function splitUnit(text: string): [string | undefined, string | undefined] {
  const v = text.trim();
  if (!v) return [undefined, undefined];
  const m = /^(.+?)[\s\u3000,，、]+([^\s\u3000,，、]{1,12})$/.exec(v);
  return m ? [m[1], m[2]] : [v, undefined];
}
