/**
 * Planning an import: from a sheet's rows and the content already on the
 * roll to the files to create or update and the rows to reject, with a line
 * for each decision. Pure apart from the `ImportIo` port it is handed (photo
 * checks, reading an existing entry), so the whole row-to-plan logic is
 * unit-tested without a content root; `scripts/import.ts` reads the sheet,
 * prints the plan and writes it.
 */
import { dirname, extname, join, resolve } from 'node:path';
import { checkEntrySource, taxonomyOf, type LoadedContent } from './check.ts';
import { personalDataFindings } from './personal-data.ts';
import { entrySchema } from './plain-schemas.ts';
import { editEntryFile, readEntryFile, renderEntryFile } from './entry-file.ts';
import { chineseIssue, type EntryFileData } from '../model/schema.ts';
import { entryFacts, validateContent } from './validate.ts';
import { COLUMN_LABEL, REQUIRED, mapRow, matchHeaders, type Column, type RowError } from './import.ts';
import type { CellProblem } from './import-sheets.ts';
import { parseStory } from '../parse/story.ts';
import { isInside } from '../parse/content-files.ts';
import { isEntryField, type EntryField } from '../model/entry-fields.ts';
import { slugFor } from '../model/slug.ts';
import { mask } from '../rules/privacy.ts';
import { codeTag, type Problem } from '../rules/problems.ts';
import { problemCode } from '../rules/problem-codes.ts';
import { cleanCell, INVISIBLE } from './import-clean.ts';
import { rowRanges } from './import-cells.ts';

/** One entry file the import will write. */
export interface PlannedEntry {
  kind: 'create' | 'update';
  /** Absolute path of the entry file. */
  path: string;
  data: Record<string, unknown>;
  body: string;
  /** The text of the file an update changes: only the fields that change are rewritten in it. */
  source?: string;
  /** Photo to copy beside the new entry: [from, to]. */
  photo?: [string, string];
  /** Sheet rows (1-based) merged into this file. */
  rows: number[];
  name: string;
}

export interface ImportPlan {
  /** Files to write, keyed by the honouree's identity (name, region, birth). */
  entries: Map<string, PlannedEntry>;
  rejected: Array<{ row: number; errors: RowError[] }>;
  /** What each accepted row does, in row order, in plain Chinese. */
  lines: string[];
  /** What the import left out of the sheet as a whole (footer and signature rows, rows with only a 序号), once each. */
  notes: string[];
}

/** The input and output an import plan needs, handed in so the planner stays pure. */
export interface ImportIo {
  /** Why the named photo beside the sheet cannot be used (empty when it can), given its absolute path and cell text. */
  photoProblems: (path: string, cell: string) => Promise<string[]>;
  /** Whether the path is a regular file, something else (link, folder), or missing. */
  fileKind: (path: string) => 'file' | 'other' | 'missing';
  /** Reads an existing entry file's text. */
  readEntry: (path: string) => string;
  /** A path as it is shown to the editor. */
  show: (path: string) => string;
}

/** A column as Excel names it: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Headers of columns whose content is never published, and the reason the report gives. */
const PRIVATE_HEADERS: ReadonlyArray<[RegExp, string]> = [
  [/身份证|身份号码|证件号/, '身份证号不公开'],
  [/电话|手机|联系方式/, '电话不公开'],
  [/住址|地址/, '住址不公开'],
  [/银行|卡号|账号/, '账号不公开'],
];

export type HeaderFound = {
  ok: true;
  /** Index in the rows of the header's last row: data starts below it. */
  index: number;
  columns: Array<Column | null>;
  /** What the report says about the header: the columns not imported, and why. */
  notes: string[];
};

/**
 * Where the sheet's header is, or a message saying why it cannot be used.
 * Sheets often open with a title row (临汾市2026年第三季度身边好人推荐表), and
 * an office's header often takes two rows: 性别, 民族, 出生年月 under a merged
 * 基本情况, the other columns merged down both rows. The header is the first
 * row naming a known column where it, or it with the row below, names 3+;
 * the row below belongs to it when it names a column the row above does not.
 */
export function findHeader(rows: readonly string[][]): HeaderFound | { ok: false; row?: number; message: string } {
  let found: { top: number; last: number; columns: Array<Column | null> } | undefined;
  for (const [r, row] of rows.entries()) {
    const top = matchHeaders(row);
    if (!top.some(Boolean)) continue;
    const below = matchHeaders(rows[r + 1] ?? []);
    const twoRows = below.some((c, j) => c && !top[j]);
    const width = Math.max(top.length, twoRows ? below.length : 0);
    const columns = Array.from({ length: width }, (_, j) => (twoRows ? (below[j] ?? top[j]) : top[j]) ?? null);
    if (columns.filter(Boolean).length >= 3) {
      found = { top: r, last: twoRows ? r + 1 : r, columns };
      break;
    }
  }
  if (!found) {
    return { ok: false, message: '找不到表头行：第一行应有“姓名”“所在县（市、区）”“荣誉称号”等列名' };
  }
  const { top, last } = found;
  const missing = REQUIRED.filter((c) => !found.columns.includes(c));
  if (missing.length) {
    return {
      ok: false,
      row: top + 1,
      message: `表头 — 缺少必需的列：${missing.map((c) => COLUMN_LABEL[c]).join('、')}，请补上这些列`,
    };
  }
  // A column read twice would keep one value and drop the other without a word: the first one counts.
  const columns = found.columns.map((c, j) => (c && found.columns.indexOf(c) < j ? null : c));
  const label = (j: number) => (rows[last]?.[j] || rows[top]?.[j] || '').trim();
  const width = Math.max(columns.length, ...rows.slice(last + 1).map((r) => r.length));
  const ignored: string[] = [];
  for (let j = 0; j < width; j++) {
    const col = columns[j] ?? null;
    if (col && col !== 'politics') continue;
    const letter = `${columnLetter(j)} 列`;
    const text = label(j);
    if (!text) {
      if (rows.slice(last + 1).some((r) => (r[j] ?? '').trim())) ignored.push(`没有列名的 ${letter}`);
      continue;
    }
    const read = found.columns[j] ?? null;
    const twin = read ? columnLetter(found.columns.indexOf(read)) : undefined;
    const why =
      col === 'politics'
        ? '政治面貌不公开'
        : twin
          ? `与 ${twin} 列重复，只读 ${twin} 列`
          : PRIVATE_HEADERS.find(([re]) => re.test(text))?.[1];
    ignored.push(`${text}（${letter}${why ? `，${why}` : ''}）`);
  }
  return { ok: true, index: last, columns, notes: ignored.length ? [`未导入的列：${ignored.join('、')}`] : [] };
}

/** The text the import writes for a planned entry: a new file, or the existing one with only its changed fields rewritten. */
export function entryFileText(p: Pick<PlannedEntry, 'data' | 'body' | 'source'>): string {
  return p.source === undefined ? renderEntryFile(p.data, p.body) : editEntryFile(p.source, p.data);
}

/**
 * Which column each front-matter field (src/model/entry-fields.ts) comes from, to point editors
 * at the cell; null for fields a sheet does not fill. A schema field not placed here is a type error.
 */
const FIELD_COLUMN = {
  name: 'name',
  kind: 'kind',
  region: 'region',
  category: 'category',
  honours: 'title',
  summary: 'summary',
  photo: 'photo',
  gender: 'gender',
  birth: 'birth',
  ethnicity: 'ethnicity',
  unit: 'unit',
  role: 'unit',
  deceased: 'deceased',
  minor: 'title',
  allowBirth: null,
  status: null,
  withdrawal: null,
  formerSlugs: null,
  sources: null,
  draft: null,
} as const satisfies Record<EntryField, Column | null>;

function columnOf(field: string): Column | null {
  if (/honours\[\d+\]\.(year|release)/.test(field)) return 'year';
  const key = field.split(/[.[]/)[0] ?? '';
  return isEntryField(key) ? FIELD_COLUMN[key] : null;
}

/**
 * Whether two births can be one person's: equal as far as both go, compared
 * to the month at most (1975-04 on the roll is 1975-04-12 in a sheet); unknown
 * when only one side has a birth.
 */
export function birthRelation(a: string | undefined, b: string | undefined): 'same' | 'unknown' | 'different' {
  if (!a && !b) return 'same';
  if (!a || !b) return 'unknown';
  const n = Math.min(a.length, b.length, 7);
  return a.slice(0, n) === b.slice(0, n) ? 'same' : 'different';
}

/** The start of a footer, note or signature row: 填表人：…, 注：…, （盖章）, 审核人：, 年 月 日. */
const NOTE_ROW =
  /^(?:填表人|填报人|制表人|联系人|联系电话|电话|手机|审核人|审核|审批人|负责人|单位负责人|主要负责人|经办人|领导签字|签字|填报单位|推荐单位|填表单位|填表日期|填报日期|日期|注|备注|说明|附注|附件)\s*[:：]|^注\s*\d*[.、]|^[（(]?\s*(?:单位)?(?:盖章|公章|签字|签章)\s*[）)]?$|年\s+月\s+日\s*$/;

/** A 序号 as offices type it: 1, 1., （1）, 1、. */
const SEQ_NUMBER = /^[（(]?\d+[)）.、]?$/;

/**
 * A row that is not a person: the 序号 cell holds no number, and the row has
 * text in one cell only, or opens with a footer word (填表人：王芳 … 电话：…).
 */
function isNoteRow(cells: readonly string[], columns: ReadonlyArray<Column | null>): boolean {
  const seq = columns.indexOf('seq');
  if (seq >= 0 && SEQ_NUMBER.test((cells[seq] ?? '').trim())) return false;
  const filled = cells.map((c) => (c as string | undefined)?.trim() ?? '').filter(Boolean);
  return filled.length === 1 || NOTE_ROW.test(filled[0] ?? '');
}

/** A numbered row with nothing else in it: a template row the office did not fill. */
function isEmptyNumberedRow(cells: readonly string[], columns: ReadonlyArray<Column | null>): boolean {
  const seq = columns.indexOf('seq');
  return (
    seq >= 0 &&
    SEQ_NUMBER.test((cells[seq] ?? '').trim()) &&
    cells.every((c, j) => j === seq || !(c as string | undefined)?.trim())
  );
}

/**
 * A footer's text as the report may show it: digit runs (the form-filler's
 * phone) and e-mail addresses masked, cut short.
 */
function shownNote(text: string): string {
  const masked = text
    .replace(/\s+/g, ' ')
    .replace(/[\d０-９][\d０-９\s\-－—()（）]{3,}[\d０-９]/g, (m) => mask(m))
    .replace(/[^\s@：:]+@[^\s@]+/g, (m) => mask(m));
  const chars = Array.from(masked);
  return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : masked;
}

/** Fields an update never rewrites, compared to say which of them the sheet gives otherwise. */
const COMPARED: ReadonlyArray<[keyof EntryFileData, Column]> = [
  ['kind', 'kind'],
  ['category', 'category'],
  ['gender', 'gender'],
  ['birth', 'birth'],
  ['ethnicity', 'ethnicity'],
  ['unit', 'unit'],
  ['role', 'role'],
  ['summary', 'summary'],
];

/** The columns whose value in the sheet differs from the entry on the roll, as a clause for the row's line. */
function differences(draft: EntryFileData, data: Record<string, unknown>): string {
  const differ = COMPARED.filter(([field]) => draft[field] !== undefined && draft[field] !== data[field]).map(
    ([, col]) => COLUMN_LABEL[col],
  );
  return differ.length ? `；表格里的 ${differ.join('、')} 与已有条目不同，没有改动（如需更改，请直接修改文件）` : '';
}

export interface SheetInput {
  rows: readonly string[][];
  /** Index of the header row in `rows`. */
  headerIndex: number;
  columns: ReadonlyArray<Column | null>;
  /** Cells that could not be read (xlsx formulas, errors, dates). */
  cellProblems: readonly CellProblem[];
  /** Folder of the sheet: photos are named relative to it. */
  sheetDir: string;
}

/** Checks one row's photo cell: its absolute path when usable, and every reason when not. */
async function photoOfRow(cell: string, sheetDir: string, io: ImportIo): Promise<{ from: string; errors: string[] }> {
  const from = resolve(sheetDir, cell);
  // A cell names a photo beside the sheet: never a path that leaves its folder, never a link.
  if (!isInside(sheetDir, from) || /[\\/]/.test(cell)) {
    return {
      from,
      errors: [`照片“${cell}”只能写文件名：请把照片放在表格同一文件夹，只写文件名，例如 zhangsan.jpg`],
    };
  }
  const kind = io.fileKind(from);
  if (kind === 'other') return { from, errors: [`照片“${cell}”是一个链接（快捷方式）或文件夹：请放入照片文件本身`] };
  if (kind === 'missing') {
    return { from, errors: [`找不到照片文件“${cell}”，请把照片放在表格同一文件夹并核对文件名`] };
  }
  return { from, errors: await io.photoProblems(from, cell) };
}

/**
 * Plans every data row of a sheet against the content root `root`: rows
 * naming the same person merge into one file, a row for someone already on
 * the roll adds the honour to their file, every other valid row creates one.
 * `onRow` is called once per data row (for a progress bar).
 */
export async function planImport(
  sheet: SheetInput,
  content: LoadedContent,
  root: string,
  io: ImportIo,
  onRow: () => void = () => undefined,
): Promise<ImportPlan> {
  const plans = new Map<string, PlannedEntry>();
  const rejected: ImportPlan['rejected'] = [];
  const lines: string[] = [];
  const taken = new Set(content.entries.flatMap((e) => [e.id, ...e.formerSlugs]));
  const nameKey = (name: string, region: string) => `${name}|${region}`;
  const onRoll = new Map<string, LoadedContent['entries']>();
  for (const e of content.entries)
    onRoll.set(nameKey(e.name, e.region), [...(onRoll.get(nameKey(e.name, e.region)) ?? []), e]);
  /** Planned files by name and county: a row joins the one whose birth it matches. */
  const inSheet = new Map<string, Array<{ key: string; birth?: string }>>();
  const taxonomy = taxonomyOf(content);
  const { columns } = sheet;
  const noteRows: Array<{ row: number; text: string }> = [];
  const numberedOnly: number[] = [];

  for (const [i, raw] of sheet.rows.slice(sheet.headerIndex + 1).entries()) {
    onRow();
    const rowNo = sheet.headerIndex + 2 + i;
    // Cells of a row may be missing (a short CSV line): undefined despite the type. A cell holding
    // only invisible characters is as empty as it looks.
    const shown = raw.map((c) => ((c as string | undefined) ?? '').replace(INVISIBLE, '').trim());
    if (shown.every((c) => !c)) continue;
    // Footer, note and signature rows are said once for the sheet, not refused cell by cell.
    if (isEmptyNumberedRow(shown, columns)) {
      numberedOnly.push(rowNo);
      continue;
    }
    if (isNoteRow(shown, columns)) {
      noteRows.push({ row: rowNo, text: shown.filter(Boolean).join(' ') });
      continue;
    }
    const cells: Partial<Record<Column, string>> = {};
    const cleaned: string[] = [];
    columns.forEach((c, j) => {
      if (!c) return;
      const { text, removed } = cleanCell(c, raw[j] ?? '');
      cells[c] = text;
      if (removed.length)
        cleaned.push(`${COLUMN_LABEL[c]}中的${removed.map((r) => (/^\d/.test(r) ? ` ${r}` : r)).join('、')}`);
    });
    const errors: RowError[] = sheet.cellProblems
      .filter((p) => p.row === rowNo && (p.onlyIn === undefined || columns[p.column - 1] === p.onlyIn))
      .map((p) => ({ column: columns[p.column - 1] ?? null, reason: p.reason }));
    // Personal data and the photo are judged even when other cells are wrong: every problem of a row at once.
    for (const col of Object.keys(cells) as Column[]) {
      if (col === 'photo' || col === 'seq') continue;
      for (const { code, message } of personalDataFindings(cells[col] ?? ''))
        errors.push({ column: col, reason: message, code });
    }
    const photoCell = (cells.photo ?? '').trim();
    const photoCheck = photoCell ? await photoOfRow(photoCell, sheet.sheetDir, io) : undefined;
    for (const reason of photoCheck?.errors ?? []) errors.push({ column: 'photo', reason });
    const mapped = mapRow(cells, content);
    if (Array.isArray(mapped)) {
      rejected.push({ row: rowNo, errors: [...errors, ...mapped] });
      continue;
    }
    const story = parseStory(mapped.story ?? '');
    if (!story.ok)
      for (const p of story.problems)
        errors.push({ column: 'story', reason: p.message, code: problemCode(p.code, 'story.unsupported') });

    const { draft } = mapped;
    const photoFrom = photoCheck?.from;
    if (photoCheck && draft.minor)
      errors.push({ column: 'photo', reason: '未成年人不得发布照片，请删除此格', code: 'photo.minor' });
    const parsed = entrySchema.safeParse(
      photoFrom && !draft.minor ? { ...draft, photo: { src: './photo.jpg', alt: `${draft.name}的照片` } } : draft,
      { error: chineseIssue },
    );
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({ column: columnOf(issue.path.join('.')), reason: issue.message });
    }
    // A warning does not refuse a row: the content check shows it again once the file is written.
    for (const p of validateContent(taxonomy, [entryFacts('import-row', 'row', draft)]))
      if (p.severity === 'error') errors.push({ column: columnOf(p.field), reason: p.message, code: p.code });

    // Who the row is: a person planned from an earlier row, or one on the roll, matched by name,
    // county and birth. A row that may be someone already there but cannot say is refused,
    // naming them: a second file for one person splits their honours and their URL.
    const nk = nameKey(draft.name, draft.region);
    const regionName = content.regions.get(draft.region)?.name ?? draft.region;
    const birthText = (b?: string) => (b ? `出生年月 ${b}` : '没有出生年月');
    const earlier = inSheet.get(nk) ?? [];
    const plannedMatch = earlier.find((p) => birthRelation(p.birth, draft.birth) === 'same');
    const rollMatches = (onRoll.get(nk) ?? []).filter((e) => birthRelation(e.birth, draft.birth) === 'same');
    const rollUnknown = (onRoll.get(nk) ?? []).filter((e) => birthRelation(e.birth, draft.birth) === 'unknown');
    const rollOther = (onRoll.get(nk) ?? []).filter((e) => birthRelation(e.birth, draft.birth) === 'different');
    if (!plannedMatch) {
      const unsure = earlier.find((p) => birthRelation(p.birth, draft.birth) === 'unknown');
      const unsurePlan = unsure && plans.get(unsure.key);
      if (unsurePlan) {
        errors.push({
          column: 'birth',
          code: 'import.row-person',
          reason: `与第 ${unsurePlan.rows[0]} 行同名、同县（${birthText(unsure.birth)}），这一行${birthText(draft.birth)}，看不出是不是同一人：请在两行都填上出生年月`,
        });
      } else if (rollMatches.length > 1) {
        errors.push({
          column: 'birth',
          code: 'import.row-person',
          reason: `${regionName}已有 ${rollMatches.length} 个可能是 ${draft.name} 的条目：${rollMatches.map((e) => `${io.show(e.path)}（${birthText(e.birth)}）`).join('、')}。请在出生年月一格写出完整的年月日，或直接在其中一个文件里添加这项荣誉`,
        });
      } else if (!rollMatches.length && rollUnknown.length) {
        const [e] = rollUnknown;
        errors.push({
          column: 'birth',
          code: 'import.row-person',
          reason: `${regionName}已有 ${draft.name}（${rollUnknown.map((x) => `${io.show(x.path)}，${birthText(x.birth)}`).join('；')}），这一行${birthText(draft.birth)}，看不出是不是同一人：${
            draft.birth
              ? `是同一人，请先在已有文件里补上 birth: ${draft.birth} 再导入；不是同一人，请用 content:new 单独添加`
              : `是同一人，请填上出生年月${e?.birth ? ` ${e.birth}` : ''}再导入；不是同一人，请填上此人的出生年月`
          }`,
        });
      }
    }
    if (errors.length) {
      rejected.push({ row: rowNo, errors });
      continue;
    }

    const [honour] = draft.honours;
    if (!honour) continue; // mapRow always gives one honour
    const sameHonour = (h: { title?: unknown; year?: unknown; batch?: unknown }) =>
      h.title === honour.title && h.year === honour.year && (h.batch ?? '') === (honour.batch ?? '');
    const titleName = content.titles.get(honour.title)?.name ?? honour.title;
    const said = [...mapped.notes, ...(cleaned.length ? [`已清理：${cleaned.join('；')}`] : [])]
      .map((n) => `；${n}`)
      .join('');
    const planned = plannedMatch && plans.get(plannedMatch.key);
    if (planned) {
      const honours = planned.data.honours as EntryFileData['honours'];
      if (!honours.some(sameHonour)) honours.push(honour);
      planned.rows.push(rowNo);
      lines.push(`第 ${rowNo} 行：与第 ${planned.rows[0]} 行是同一人，荣誉合并到 ${io.show(planned.path)}${said}`);
      continue;
    }
    const key = `${nk}|${rowNo}`;
    const found = rollMatches[0];
    if (found) {
      const source = io.readEntry(found.path);
      const { data, body } = readEntryFile(source);
      const honours = (data.honours ?? []) as EntryFileData['honours'];
      const differ = differences(draft, data);
      inSheet.set(nk, [...earlier, { key, birth: found.birth ?? draft.birth }]);
      if (honours.some(sameHonour)) {
        lines.push(
          `第 ${rowNo} 行：${draft.name} 已有“${titleName}”${honour.year}年，无需改动（${io.show(found.path)}）${differ}${said}`,
        );
        continue;
      }
      honours.push(honour);
      plans.set(key, {
        kind: 'update',
        path: found.path,
        data: { ...data, honours },
        body,
        source,
        rows: [rowNo],
        name: draft.name,
      });
      lines.push(
        `第 ${rowNo} 行：为已有条目 ${io.show(found.path)}（${draft.name}）添加荣誉“${titleName}”${honour.year}年${differ}${said}`,
      );
      continue;
    }
    const slug = slugFor(draft.name, draft.kind, draft.region, taken);
    taken.add(slug);
    const path = join(root, 'entries', draft.region, `${slug}.mdx`);
    // Region ids are checked to be safe words when content is read; this is the last guard before a path is written.
    if (!isInside(join(root, 'entries'), path)) {
      rejected.push({
        row: rowNo,
        errors: [{ column: 'region', reason: `地区 id “${draft.region}” 不能用作文件夹名` }],
      });
      continue;
    }
    const data: Record<string, unknown> = { ...draft };
    let photo: PlannedEntry['photo'];
    if (photoFrom && !draft.minor) {
      const file = `${slug}${extname(photoFrom).toLowerCase()}`;
      data.photo = { src: `./${file}`, alt: `${draft.name}的照片` };
      photo = [photoFrom, join(dirname(path), file)];
    }
    plans.set(key, {
      kind: 'create',
      path,
      data,
      body: mapped.story ?? draft.summary,
      photo,
      rows: [rowNo],
      name: draft.name,
    });
    inSheet.set(nk, [...earlier, { key, birth: draft.birth }]);
    const namesake = rollOther.length
      ? `；［提醒］${regionName}已有同名的 ${draft.name}（${rollOther.map((e) => `${io.show(e.path)}，${birthText(e.birth)}`).join('；')}），出生年月不同，按另一人新建：如果是同一人，请改正出生年月后再试运行`
      : '';
    lines.push(`第 ${rowNo} 行：新建 ${io.show(path)}（${draft.name}）${namesake}${said}`);
  }

  const notes: string[] = [];
  if (noteRows.length) {
    notes.push(
      `第 ${rowRanges(noteRows.map((n) => n.row))} 行是说明或签字，不是名单，没有导入：${noteRows.map((n) => `“${shownNote(n.text)}”`).join('、')}`,
    );
  }
  if (numberedOnly.length) notes.push(`第 ${rowRanges(numberedOnly)} 行只有序号，没有内容，没有导入`);

  // Every file about to be written is checked as content:check will check it: what is written, the check passes.
  for (const [key, p] of plans) {
    const errors = checkEntrySource(entryFileText(p), io.show(p.path)).problems.filter((x) => x.severity === 'error');
    if (!errors.length) continue;
    plans.delete(key);
    for (const row of p.rows)
      rejected.push({
        row,
        errors: errors.map((x) => ({ column: null, reason: `${x.field || '文件'}：${x.message}`, code: x.code })),
      });
  }
  return { entries: plans, rejected, lines, notes };
}

/** A refused cell: a `Problem` whose line is the sheet's row, and the cell's address (F5) when its column is known. */
export type SheetProblem = Problem & { cell?: string };

/**
 * The rejected rows as problems, in row order: the sheet's row as Excel numbers
 * it, the column by its header, what is wrong and how to fix it, and the
 * cell's address as Excel's name box takes it.
 */
export function sheetProblems(
  rejected: ImportPlan['rejected'],
  file: string,
  columns: ReadonlyArray<Column | null>,
): SheetProblem[] {
  return [...rejected]
    .sort((a, b) => a.row - b.row)
    .flatMap((r) =>
      r.errors.map((e): SheetProblem => {
        const at = e.column ? columns.indexOf(e.column) : -1;
        return {
          file,
          line: r.row,
          field: e.column ? COLUMN_LABEL[e.column] : '整行',
          message: e.reason,
          severity: 'error',
          code: e.code ?? 'import.row-field',
          ...(at >= 0 ? { cell: `${columnLetter(at)}${r.row}` } : {}),
        };
      }),
    );
}

/** A refused cell as the import prints it: ［拒绝］名单.xlsx 第 5 行 — 出生年月 — …（F5 格） */
export const formatSheetProblem = (p: SheetProblem): string =>
  `［拒绝］${p.file}${p.line ? ` 第 ${p.line} 行` : ''} — ${p.field} — ${p.message}${p.cell ? `（${p.cell} 格）` : ''}${codeTag(p.code)}`;
