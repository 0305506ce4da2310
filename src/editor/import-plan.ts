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
import { personalDataProblems } from './personal-data.ts';
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

/** Where the sheet's header is, or a message saying why it cannot be used. */
export function findHeader(
  rows: readonly string[][],
): { ok: true; index: number; columns: Array<Column | null> } | { ok: false; row?: number; message: string } {
  // Sheets often open with a title line ("2026年第一季度临汾好人推荐名单"): the header is the first row naming 3+ known columns.
  const index = rows.findIndex((r) => matchHeaders(r).filter(Boolean).length >= 3);
  if (index < 0) {
    return { ok: false, message: '找不到表头行：第一行应有“姓名”“所在县（市、区）”“荣誉称号”等列名' };
  }
  const columns = matchHeaders(rows[index] ?? []);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length) {
    return {
      ok: false,
      row: index + 1,
      message: `表头 — 缺少必需的列：${missing.map((c) => COLUMN_LABEL[c]).join('、')}，请补上这些列`,
    };
  }
  return { ok: true, index, columns };
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

const identity = (name: string, region: string, birth?: string) => `${name}|${region}|${birth ?? ''}`;

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
  const byIdentity = new Map(content.entries.map((e) => [identity(e.name, e.region, e.birth), e]));
  const taxonomy = taxonomyOf(content);
  const { columns } = sheet;

  for (const [i, raw] of sheet.rows.slice(sheet.headerIndex + 1).entries()) {
    onRow();
    const rowNo = sheet.headerIndex + 2 + i;
    // Cells of a row may be missing (a short CSV line): undefined despite the type.
    if (raw.every((c) => !(c as string | undefined)?.trim())) continue;
    const cells: Partial<Record<Column, string>> = {};
    columns.forEach((c, j) => {
      if (c) cells[c] = raw[j] ?? '';
    });
    const errors: RowError[] = sheet.cellProblems
      .filter((p) => p.row === rowNo && (p.onlyIn === undefined || columns[p.column - 1] === p.onlyIn))
      .map((p) => ({ column: columns[p.column - 1] ?? null, reason: p.reason }));
    const mapped = mapRow(cells, content);
    if (Array.isArray(mapped)) {
      rejected.push({ row: rowNo, errors: [...errors, ...mapped] });
      continue;
    }
    for (const col of Object.keys(cells) as Column[]) {
      if (col === 'photo' || col === 'seq') continue;
      for (const message of personalDataProblems(cells[col] ?? '')) errors.push({ column: col, reason: message });
    }
    const story = parseStory(mapped.story ?? '');
    if (!story.ok) for (const p of story.problems) errors.push({ column: 'story', reason: p.message });

    const { draft } = mapped;
    let photoFrom: string | undefined;
    if (mapped.photo) {
      const photo = await photoOfRow(mapped.photo, sheet.sheetDir, io);
      photoFrom = photo.from;
      for (const reason of photo.errors) errors.push({ column: 'photo', reason });
      if (draft.minor) errors.push({ column: 'photo', reason: '未成年人不得发布照片，请删除此格' });
    }
    const parsed = entrySchema.safeParse(
      photoFrom && !draft.minor ? { ...draft, photo: { src: './photo.jpg', alt: `${draft.name}的照片` } } : draft,
      { error: chineseIssue },
    );
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({ column: columnOf(issue.path.join('.')), reason: issue.message });
    }
    for (const p of validateContent(taxonomy, [entryFacts('import-row', 'row', draft)]))
      errors.push({ column: columnOf(p.field), reason: p.message });
    if (errors.length) {
      rejected.push({ row: rowNo, errors });
      continue;
    }

    const key = identity(draft.name, draft.region, draft.birth);
    const [honour] = draft.honours;
    if (!honour) continue; // mapRow always gives one honour
    const sameHonour = (h: { title?: unknown; year?: unknown; batch?: unknown }) =>
      h.title === honour.title && h.year === honour.year && (h.batch ?? '') === (honour.batch ?? '');
    const titleName = content.titles.get(honour.title)?.name ?? honour.title;
    const planned = plans.get(key);
    if (planned) {
      const honours = planned.data.honours as EntryFileData['honours'];
      if (!honours.some(sameHonour)) honours.push(honour);
      planned.rows.push(rowNo);
      lines.push(`第 ${rowNo} 行：与第 ${planned.rows[0]} 行是同一人，荣誉合并到 ${io.show(planned.path)}`);
      continue;
    }
    const found = byIdentity.get(key);
    if (found) {
      const source = io.readEntry(found.path);
      const { data, body } = readEntryFile(source);
      const honours = (data.honours ?? []) as EntryFileData['honours'];
      if (honours.some(sameHonour)) {
        lines.push(`第 ${rowNo} 行：${draft.name} 已有“${titleName}”${honour.year}年，无需改动`);
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
        `第 ${rowNo} 行：为已有条目 ${io.show(found.path)}（${draft.name}）添加荣誉“${titleName}”${honour.year}年`,
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
    lines.push(`第 ${rowNo} 行：新建 ${io.show(path)}（${draft.name}）`);
  }

  // Every file about to be written is checked as content:check will check it: what is written, the check passes.
  for (const [key, p] of plans) {
    const errors = checkEntrySource(entryFileText(p), io.show(p.path)).problems.filter((x) => x.severity === 'error');
    if (!errors.length) continue;
    plans.delete(key);
    for (const row of p.rows)
      rejected.push({
        row,
        errors: errors.map((x) => ({ column: null, reason: `${x.field || '文件'}：${x.message}` })),
      });
  }
  return { entries: plans, rejected, lines };
}
