/**
 * Turning the spreadsheets editors receive (CSV from Excel, or .xlsx) into
 * entry drafts: decoding, header matching, and each cell mapped to a field,
 * with a plain-Chinese reason, column and row for every cell that cannot be.
 * Sheets are read in import-sheets.ts, cells in import-cells.ts, and matched
 * to the content's records in import-taxonomy.ts.
 */
import type { CategoryData, RegionData, ReleaseRecord, TitleData } from '../model/schema.ts';
import type { EntryFileData } from '../model/schema.ts';
import type { ProblemCode } from '../rules/problems.ts';
import {
  kindOfName,
  normalizeHeader,
  matchKind,
  parseBirth,
  parseQuarter,
  parseReleaseQuarter,
  parseSession,
  splitUnit,
  storyFromCell,
} from './import-cells.ts';
import {
  matchCategory,
  matchRegion,
  matchTitles,
  quarterName,
  releaseForQuarter,
  releaseList,
} from './import-taxonomy.ts';
import { COLUMN_LABEL, type Column } from '../rules/sheet-columns.ts';

export { COLUMN_LABEL, type Column };

/** Canonical columns and the header texts that mean them (after normalising). */
export const COLUMNS = {
  seq: ['序号', '编号'],
  name: ['姓名', '名称', '姓名(名称)', '姓名或名称'],
  kind: ['类型', '个人/家庭/集体'],
  gender: ['性别'],
  ethnicity: ['民族'],
  birth: ['出生年月', '出生日期', '出生年月日'],
  politics: ['政治面貌'],
  unit: ['工作单位及职务', '工作单位', '单位及职务', '工作单位(学校)及职务', '单位职务', '工作单位(学校)', '单位'],
  role: ['职务', '职业', '职务(职业)', '职务职称', '职称', '身份'],
  region: ['所在县(市、区)', '所在县(市,区)', '所在县市区', '县(市、区)', '所在县区', '所属县(市、区)', '地区'],
  category: ['类别', '事迹类别', '类型类别'],
  title: ['荣誉称号', '称号', '荣誉'],
  year: ['年份', '获评年份', '年度'],
  session: ['期次', '批次', '届次'],
  summary: ['事迹简介', '简要事迹', '一句话事迹'],
  story: ['事迹全文', '详细事迹', '事迹材料'],
  photo: ['照片', '照片文件'],
  deceased: ['已故', '是否已故'],
} as const satisfies Record<Column, readonly string[]>;

/** Columns a row cannot do without. */
export const REQUIRED: Column[] = ['name', 'region', 'category', 'title', 'year', 'summary'];

/** Which column each header is, by position; unknown headers are null. */
export function matchHeaders(headers: string[]): Array<Column | null> {
  const lookup = new Map<string, Column>();
  for (const [col, names] of Object.entries(COLUMNS) as Array<[Column, readonly string[]]>) {
    for (const n of names) lookup.set(normalizeHeader(n), col);
  }
  // Templates add a hint after the name, 事迹简介（200字以内）: the name without it is tried next.
  return headers.map((h) => {
    const n = normalizeHeader(h);
    return lookup.get(n) ?? lookup.get(n.replace(/\([^()]*\)$/, '')) ?? null;
  });
}

const YES = new Set(['是', '已故', '√', '✓', 'y', 'yes', 'true', '1']);

export interface RowError {
  column: Column | null;
  reason: string;
  /** What kind of problem (src/rules/problem-codes.ts); a cell that cannot be read when not given. */
  code?: ProblemCode;
}

/** The collections a sheet's cells are matched against (records by id). */
export interface SheetTaxonomy {
  regions: ReadonlyMap<string, RegionData>;
  titles: ReadonlyMap<string, TitleData>;
  categories: ReadonlyMap<string, CategoryData>;
  releases: ReadonlyMap<string, Pick<ReleaseRecord, 'date' | 'honour'>>;
}

export interface MappedRow {
  draft: EntryFileData;
  /** Cells of the row that are not written, and why, for the row's line in the report. */
  notes: string[];
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
  // A name such as 张立新家庭 says the kind when 类型 is empty; one that contradicts 类型 is asked about, never guessed.
  const named = kindOfName(get('name'));
  const kindText = get('kind');
  const kind = kindText ? matchKind(kindText) : (named ?? 'person');
  const KIND_WORD = { person: '个人', family: '家庭', group: '集体' } as const;
  if (!kind) errors.push({ column: 'kind', reason: `类型“${kindText}”应为 个人、家庭 或 集体` });
  else if (named && kind === 'person') {
    errors.push({
      column: 'kind',
      reason: `类型写的是“${kindText}”，但“${get('name')}”是${KIND_WORD[named]}的名称：是${KIND_WORD[named]}请把类型改为“${KIND_WORD[named]}”；是个人请在姓名一格只写本人姓名`,
    });
  }

  const region = get('region') ? matchRegion(get('region'), tax.regions) : undefined;
  if (get('region') && !region) {
    const names = [...tax.regions.values()].map((r) => r.name).join('、');
    errors.push({
      column: 'region',
      code: 'ref.region-unknown',
      reason: `找不到县（市、区）“${get('region')}”，应为以下之一：${names}`,
    });
  }
  const category = get('category') ? matchCategory(get('category'), tax.categories) : undefined;
  if (get('category') && !category) {
    const names = [...tax.categories.values()].map((c) => c.name).join('、');
    errors.push({
      column: 'category',
      code: 'ref.category-unknown',
      reason: `找不到类别“${get('category')}”，应为以下之一：${names}`,
    });
  }
  const candidates = get('title') ? matchTitles(get('title'), tax.titles) : [];
  const title = candidates.length === 1 ? candidates[0] : undefined;
  if (get('title') && candidates.length === 0) {
    errors.push({
      column: 'title',
      code: 'ref.title-unknown',
      // The names come from this content's titles.yaml: a fixed example may name a title it does not have.
      reason: `找不到荣誉称号“${get('title')}”，应为以下之一：${[...tax.titles.values()].map((t) => t.name).join('、')}（也可以写简称）`,
    });
  } else if (candidates.length > 1) {
    const names = candidates.map((id) => `“${tax.titles.get(id)?.name ?? id}”`).join('、');
    errors.push({
      column: 'title',
      code: 'ref.title-unknown',
      reason: `荣誉称号“${get('title')}”可能是 ${names}：请写出完整名称`,
    });
  }
  const year = Number(get('year').replace(/年$/, ''));
  if (get('year') && !(Number.isInteger(year) && year > 1900)) {
    errors.push({ column: 'year', reason: `年份“${get('year')}”应为四位数字，如 2026` });
  }
  let birth: string | undefined;
  // A family's or group's 出生年月 and 性别 are not written (the note says so), so they are not judged either.
  const judged = kind !== 'family' && kind !== 'group';
  if (judged && get('birth')) {
    birth = parseBirth(get('birth'));
    if (!birth)
      errors.push({ column: 'birth', reason: `出生年月“${get('birth')}”看不懂，请写成 1968.05 或 1968年5月` });
  }
  const gender = get('gender');
  if (judged && gender && gender !== '男' && gender !== '女')
    errors.push({ column: 'gender', reason: '性别应为“男”或“女”' });

  const honour: EntryFileData['honours'][number] = { title: title ?? '', year };
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
      const q = parseReleaseQuarter(sessionText);
      const release = releaseForQuarter(sessionText, title, year, tax.releases);
      const list = `releases.yaml 里“${t.name}”的批次有：${releaseList(title, tax.releases)}。`;
      if (release) honour.release = release;
      else if (q)
        errors.push({
          column: 'session',
          code: 'ref.release-unknown',
          reason: `找不到“${t.name}”${quarterName(q.year ?? year, q.quarter)}的发布批次。${list}请核对期次和年份；确实是新的一期，请先在 releases.yaml 中添加这一期`,
        });
      else
        errors.push({
          column: 'session',
          code: 'ref.release-unknown',
          reason: `期次“${sessionText}”看不懂。${list}请写成“第三季度”“第3期”或“2026-q3”`,
        });
    } else {
      // The issuing body's own batch (a provincial quarter, a month of 中国好人榜): kept as written, shown beside the year.
      const q = parseQuarter(sessionText);
      honour.batch = q ? `${q.year ?? year}年第${'一二三四'[q.quarter - 1] ?? q.quarter}季度` : sessionText;
    }
  }
  if (errors.length || !kind || !region || !category || !title) return errors;

  // With a 职务 column of its own, 工作单位 is the unit as written, never split.
  const [unit, role] = get('role') ? [get('unit') || undefined, get('role')] : splitUnit(get('unit'));
  const notes: string[] = [];
  const personal = (['gender', 'birth', 'ethnicity'] as const).filter((c) => get(c));
  if (kind !== 'person' && personal.length) {
    notes.push(
      `家庭和集体不写性别、出生年月和民族：这一行的 ${personal.map((c) => COLUMN_LABEL[c]).join('、')} 没有导入`,
    );
  }
  const draft: EntryFileData = {
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
  return {
    draft,
    notes,
    story: get('story') ? storyFromCell(get('story')) : undefined,
    photo: get('photo') || undefined,
  };
}
