/**
 * npm run content:import -- <file.xlsx|file.csv> [--write]
 *
 * Turns a list editors received into entries. Dry run by default: prints
 * what each row would create or change. With --write, writes every valid
 * row (all files at once, each atomically); rejected rows are listed with
 * row number, column and reason, and the command exits 1 if any was.
 */
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import {
  checkContent,
  checkEntrySource,
  photoProblems,
  plainHelpers,
  personalDataProblems,
} from '../src/editor/check.ts';
import { isInside } from '../src/parse/content-files.ts';
import { acquireImportLock, recoverImport, writeAll, type PlannedWrite } from '../src/editor/import-write.ts';
import { contentRoot } from '../src/model/content-root.ts';
import { readEntryFile, renderEntryFile, type EntryDraft } from '../src/editor/entry-file.ts';
import {
  COLUMN_LABEL,
  REQUIRED,
  decodeCsv,
  mapRow,
  matchHeaders,
  parseCsv,
  readXlsx,
  SheetError,
  type CellProblem,
  type Column,
  type RowError,
} from '../src/editor/import.ts';
import { parseStory } from '../src/parse/story.ts';
import { formatReport } from '../src/editor/problems.ts';
import { entrySchemaFor } from '../src/model/schema.ts';
import { slugFor } from '../src/model/slug.ts';
import { validateContent, entryFacts } from '../src/editor/validate.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { write: { type: 'boolean', default: false } },
});
const sheetPath = positionals[0] ? resolve(positionals[0]) : undefined;
if (!sheetPath || !existsSync(sheetPath)) {
  console.error(
    sheetPath ? `找不到文件 ${sheetPath}` : '用法：npm run content:import -- 名单.xlsx（或 .csv）[--write]',
  );
  process.exit(2);
}

const root = contentRoot();
const show = (p: string) => relative(process.cwd(), p) || p;
if (values.write) {
  // One import writes at a time, and it reads the content only once it holds the lock.
  const lock = acquireImportLock(root);
  if (!lock.ok) {
    console.error(`另一个导入正在写入（进程 ${lock.pid ?? '刚启动'}）：请等它结束后再运行，两次导入同时写会丢失荣誉。`);
    process.exit(1);
  }
  for (const note of recoverImport(root)) console.log(note);
}
const existing = await checkContent(root);
if (existing.problems.some((p) => p.severity === 'error')) {
  console.error(formatReport(existing.problems));
  console.error('现有内容有错误，请先改正后再导入。');
  process.exit(1);
}
const { content } = existing;
const entrySchema = entrySchemaFor(plainHelpers);

// ---- read the sheet ----
let rows: string[][];
let cellProblems: CellProblem[] = [];
try {
  if (/\.xlsx$/i.test(sheetPath)) ({ rows, problems: cellProblems } = await readXlsx(sheetPath));
  else rows = parseCsv(decodeCsv(readFileSync(sheetPath)));
} catch (e) {
  if (!(e instanceof SheetError)) throw e;
  console.error(`${show(sheetPath)}${e.row ? ` 第 ${e.row} 行` : ''} — ${e.message}`);
  process.exit(1);
}
// Sheets often open with a title line ("2026年第一季度临汾好人推荐名单"): the header is the first row naming 3+ known columns.
const headerIndex = rows.findIndex((r) => matchHeaders(r).filter(Boolean).length >= 3);
if (headerIndex < 0) {
  console.error(`${show(sheetPath)} — 找不到表头行：第一行应有“姓名”“所在县（市、区）”“荣誉称号”等列名`);
  process.exit(1);
}
const columns = matchHeaders(rows[headerIndex] ?? []);
const missing = REQUIRED.filter((c) => !columns.includes(c));
if (missing.length) {
  console.error(
    `${show(sheetPath)} 第 ${headerIndex + 1} 行 — 表头 — 缺少必需的列：${missing.map((c) => COLUMN_LABEL[c]).join('、')}，请补上这些列`,
  );
  process.exit(1);
}

// ---- plan ----
interface Planned {
  kind: 'create' | 'update';
  path: string;
  data: Record<string, unknown>;
  body: string;
  /** Photo to copy beside the new entry: [from, to]. */
  photo?: [string, string];
  rows: number[];
  name: string;
}
const plans = new Map<string, Planned>();
const taken = new Set(content.entries.flatMap((e) => [e.id, ...e.formerSlugs]));
const rejected: Array<{ row: number; errors: RowError[] }> = [];
const lines: string[] = [];
const identity = (name: string, region: string, birth?: string) => `${name}|${region}|${birth ?? ''}`;
const byIdentity = new Map(content.entries.map((e) => [identity(e.name, e.region, e.birth), e]));
const taxonomy = {
  files: { regions: 'regions.yaml', titles: 'titles.yaml', categories: 'categories.yaml', releases: 'releases.yaml' },
  regions: new Set(content.regions.keys()),
  categories: new Set(content.categories.keys()),
  titles: new Map([...content.titles].map(([id, t]) => [id, { forMinors: t.forMinors, name: t.name }])),
  releases: new Map([...content.releases].map(([id, r]) => [id, { honour: r.honour, date: r.date }])),
};
/** Which column a schema field came from, to point editors at the cell. */
const FIELD_COLUMN: Record<string, Column> = {
  name: 'name',
  summary: 'summary',
  birth: 'birth',
  gender: 'gender',
  ethnicity: 'ethnicity',
  unit: 'unit',
  role: 'unit',
  region: 'region',
  category: 'category',
  minor: 'title',
  photo: 'photo',
  honours: 'title',
};
const columnOf = (field: string): Column | null => {
  if (/honours\[\d+\]\.(year|release)/.test(field)) return 'year';
  return FIELD_COLUMN[field.split(/[.[]/)[0] ?? ''] ?? null;
};

const dataRows = rows.slice(headerIndex + 1);
const bar =
  process.stderr.isTTY && dataRows.length > 20
    ? new cliProgress.SingleBar(
        { format: '导入 {bar} {value}/{total} 行', hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
bar?.start(dataRows.length, 0);

for (const [i, raw] of dataRows.entries()) {
  bar?.increment();
  const rowNo = headerIndex + 2 + i;
  // Cells of a row may be missing (a short CSV line): undefined despite the type.
  if (raw.every((c) => !(c as string | undefined)?.trim())) continue;
  const cells: Partial<Record<Column, string>> = {};
  columns.forEach((c, j) => {
    if (c) cells[c] = raw[j] ?? '';
  });
  const unreadable = cellProblems
    .filter((p) => p.row === rowNo)
    .map((p) => ({ column: columns[p.column - 1] ?? null, reason: p.reason }));
  const mapped = mapRow(cells, content);
  if (Array.isArray(mapped)) {
    rejected.push({ row: rowNo, errors: [...unreadable, ...mapped] });
    continue;
  }
  const errors: RowError[] = [...unreadable];
  for (const col of Object.keys(cells) as Column[]) {
    if (col === 'photo' || col === 'seq') continue;
    for (const message of personalDataProblems(cells[col] ?? '')) errors.push({ column: col, reason: message });
  }
  const story = parseStory(mapped.story ?? '');
  if (!story.ok) for (const p of story.problems) errors.push({ column: 'story', reason: p.message });

  const { draft } = mapped;
  let photoFrom: string | undefined;
  if (mapped.photo) {
    photoFrom = resolve(dirname(sheetPath), mapped.photo);
    // A cell names a photo beside the sheet: never a path that leaves its folder, never a link.
    if (!isInside(dirname(sheetPath), photoFrom) || /[\\/]/.test(mapped.photo)) {
      errors.push({
        column: 'photo',
        reason: `照片“${mapped.photo}”只能写文件名：请把照片放在表格同一文件夹，只写文件名，例如 zhangsan.jpg`,
      });
    } else if (existsSync(photoFrom) && !lstatSync(photoFrom).isFile()) {
      errors.push({
        column: 'photo',
        reason: `照片“${mapped.photo}”是一个链接（快捷方式）或文件夹：请放入照片文件本身`,
      });
    } else if (!existsSync(photoFrom)) {
      errors.push({
        column: 'photo',
        reason: `找不到照片文件“${mapped.photo}”，请把照片放在表格同一文件夹并核对文件名`,
      });
    } else {
      for (const reason of await photoProblems(photoFrom, mapped.photo)) errors.push({ column: 'photo', reason });
    }
    if (draft.minor) errors.push({ column: 'photo', reason: '未成年人不得发布照片，请删除此格' });
  }
  const parsed = entrySchema.safeParse(
    photoFrom && !draft.minor ? { ...draft, photo: { src: './photo.jpg', alt: `${draft.name}的照片` } } : draft,
  );
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      errors.push({ column: columnOf(issue.path.join('.')), reason: issue.message });
    }
  }
  const cross = validateContent(taxonomy, [entryFacts('import-row', 'row', draft)]);
  for (const p of cross) errors.push({ column: columnOf(p.field), reason: p.message });
  if (errors.length) {
    rejected.push({ row: rowNo, errors });
    continue;
  }

  const key = identity(draft.name, draft.region, draft.birth);
  const [honour] = draft.honours;
  if (!honour) continue; // mapRow always gives one honour
  const sameHonour = (h: { title?: unknown; year?: unknown; batch?: unknown }) =>
    h.title === honour.title && h.year === honour.year && (h.batch ?? '') === (honour.batch ?? '');
  const planned = plans.get(key);
  if (planned) {
    const honours = planned.data.honours as EntryDraft['honours'];
    if (!honours.some(sameHonour)) honours.push(honour);
    planned.rows.push(rowNo);
    lines.push(`第 ${rowNo} 行：与第 ${planned.rows[0]} 行是同一人，荣誉合并到 ${show(planned.path)}`);
    continue;
  }
  const found = byIdentity.get(key);
  if (found) {
    const { data, body } = readEntryFile(readFileSync(found.path, 'utf8'));
    const honours = (data.honours ?? []) as EntryDraft['honours'];
    if (honours.some(sameHonour)) {
      lines.push(
        `第 ${rowNo} 行：${draft.name} 已有“${content.titles.get(honour.title)?.name}”${honour.year}年，无需改动`,
      );
      continue;
    }
    honours.push(honour);
    plans.set(key, {
      kind: 'update',
      path: found.path,
      data: { ...data, honours },
      body,
      rows: [rowNo],
      name: draft.name,
    });
    lines.push(
      `第 ${rowNo} 行：为已有条目 ${show(found.path)}（${draft.name}）添加荣誉“${content.titles.get(honour.title)?.name}”${honour.year}年`,
    );
    continue;
  }
  const slug = slugFor(draft.name, draft.kind, draft.region, taken);
  taken.add(slug);
  const path = join(root, 'entries', draft.region, `${slug}.mdx`);
  // Region ids are checked to be safe words when content is read; this is the last guard before a path is written.
  if (!isInside(join(root, 'entries'), path)) {
    rejected.push({ row: rowNo, errors: [{ column: 'region', reason: `地区 id “${draft.region}” 不能用作文件夹名` }] });
    continue;
  }
  const data: Record<string, unknown> = { ...draft };
  let photo: Planned['photo'];
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
  lines.push(`第 ${rowNo} 行：新建 ${show(path)}（${draft.name}）`);
}
bar?.stop();

// Every file about to be written is checked as content:check will check it: what is written, the check passes.
for (const [key, p] of plans) {
  const { problems } = checkEntrySource(renderEntryFile(p.data, p.body), show(p.path));
  const errors = problems.filter((x) => x.severity === 'error');
  if (!errors.length) continue;
  plans.delete(key);
  for (const row of p.rows)
    rejected.push({ row, errors: errors.map((x) => ({ column: null, reason: `${x.field || '文件'}：${x.message}` })) });
}

// ---- report ----
for (const line of lines) console.log(line);
for (const r of rejected) {
  for (const e of r.errors) {
    console.log(
      `［拒绝］${show(sheetPath)} 第 ${r.row} 行 — ${e.column ? COLUMN_LABEL[e.column] : '整行'} — ${e.reason}`,
    );
  }
}
const created = [...plans.values()].filter((p) => p.kind === 'create').length;
const updated = plans.size - created;
console.log(
  `${values.write ? '已导入' : '试运行（未写入任何文件，确认无误后加 --write 写入）'}：新建 ${created} 个，更新 ${updated} 个，拒绝 ${rejected.length} 行。`,
);

// ---- write: all files or none (src/editor/import-write.ts) ----
if (values.write && plans.size) {
  // Set by the signal handlers below, while writeAll awaits.
  let interrupted = false as boolean;
  process.on('SIGINT', () => (interrupted = true));
  process.on('SIGTERM', () => (interrupted = true));
  const writes: PlannedWrite[] = [...plans.values()].flatMap((p) => [
    { path: p.path, text: renderEntryFile(p.data, p.body) },
    ...(p.photo ? [{ path: p.photo[1], copyFrom: p.photo[0] }] : []),
  ]);
  const outcome = await writeAll(root, writes, () => interrupted);
  if (outcome === 'interrupted') {
    console.error('已中断：没有写入任何文件（临时文件已删除），内容与导入前完全相同。');
    process.exit(130);
  }
  if (interrupted) console.error(`收到中断时写入已经开始提交：${writes.length} 个文件已全部写入。`);
  const after = await checkContent(root);
  const errors = after.problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    console.error(formatReport(after.problems));
    process.exitCode = 1;
  }
}
if (rejected.length) process.exitCode = 1;
