/**
 * npm run content:import -- <file.xlsx|file.csv> [--sheet <name>] [--write]
 *
 * Turns a list editors received into entries. Dry run by default: prints
 * what each row would create or change. With --write, writes every valid
 * row (all files at once, each atomically); rejected rows are listed with
 * row number, column and reason, and the command exits 1 if any was.
 */
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { checkContent } from '../src/editor/check.ts';
import { photoProblems } from '../src/editor/photo-check.ts';
import { acquireImportLock, recoverImport, writeAll, type PlannedWrite } from '../src/editor/import-write.ts';
import { contentRoot } from '../src/model/content-root.ts';
import {
  decodeCsv,
  parseCsv,
  readXlsx,
  sheetNotes,
  SheetError,
  type CellProblem,
} from '../src/editor/import-sheets.ts';
import { entryFileText, findHeader, formatSheetProblem, planImport, sheetProblems } from '../src/editor/import-plan.ts';
import { formatReport } from '../src/rules/problems.ts';
import { commandArgs } from './lib/args.ts';

const { values, positional } = commandArgs({
  script: 'content:import',
  options: { sheet: { type: 'string', value: '工作表名' }, write: { type: 'boolean', default: false } },
  positional: { name: '名单.xlsx（或 .csv）', required: true, looksLike: (arg) => /\.(xlsx|xls|csv)$/i.test(arg) },
});
const sheetPath = resolve(positional ?? '');
if (!existsSync(sheetPath)) {
  console.error(`找不到文件 ${sheetPath}`);
  process.exit(2);
}

const root = contentRoot();
const show = (p: string) => relative(process.cwd(), p) || p;
if (values.write) {
  // One import writes at a time, and it reads the content only once it holds the lock.
  const lock = acquireImportLock(root);
  if (!lock.ok) {
    console.error(lock.message);
    process.exit(1);
  }
  if (lock.note) console.log(lock.note);
  const recovered = recoverImport(root);
  if (!recovered.ok) {
    console.error(recovered.message);
    process.exit(1);
  }
  for (const note of recovered.notes) console.log(note);
}
const existing = await checkContent(root);
if (existing.problems.some((p) => p.severity === 'error')) {
  console.error(formatReport(existing.problems));
  console.error('现有内容有错误，请先改正后再导入。');
  process.exit(1);
}
const { content } = existing;

// ---- read the sheet ----
let rows: string[][];
let cellProblems: CellProblem[] = [];
try {
  if (/\.xlsx$/i.test(sheetPath)) {
    const book = await readXlsx(sheetPath, values.sheet);
    ({ rows, problems: cellProblems } = book);
    for (const line of sheetNotes(book)) console.log(line);
  } else {
    if (values.sheet !== undefined) throw new SheetError('CSV 文件只有一个工作表，不需要 --sheet：请去掉它再运行');
    rows = parseCsv(decodeCsv(readFileSync(sheetPath)));
  }
} catch (e) {
  if (!(e instanceof SheetError)) throw e;
  console.error(`${show(sheetPath)}${e.row ? ` 第 ${e.row} 行` : ''} — ${e.message}`);
  process.exit(1);
}
const header = findHeader(rows);
if (!header.ok) {
  console.error(`${show(sheetPath)}${header.row ? ` 第 ${header.row} 行` : ''} — ${header.message}`);
  process.exit(1);
}
for (const note of header.notes) console.log(note);

// ---- plan (src/editor/import-plan.ts) ----
const dataRows = rows.length - header.index - 1;
const bar =
  process.stderr.isTTY && dataRows > 20
    ? new cliProgress.SingleBar(
        { format: '导入 {bar} {value}/{total} 行', hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
bar?.start(dataRows, 0);
const {
  entries: plans,
  rejected,
  lines,
  notes,
} = await planImport(
  { rows, headerIndex: header.index, columns: header.columns, cellProblems, sheetDir: dirname(sheetPath) },
  content,
  root,
  {
    photoProblems,
    fileKind: (path) => (!existsSync(path) ? 'missing' : lstatSync(path).isFile() ? 'file' : 'other'),
    readEntry: (path) => readFileSync(path, 'utf8'),
    show,
  },
  () => bar?.increment(),
);
bar?.stop();

// ---- report ----
for (const line of [...notes, ...lines]) console.log(line);
for (const p of sheetProblems(rejected, show(sheetPath), header.columns)) console.log(formatSheetProblem(p));
const created = [...plans.values()].filter((p) => p.kind === 'create').length;
const updated = plans.size - created;
console.log(
  `${values.write ? '已导入' : `试运行（未写入任何文件，确认无误后输入 npm run content:import -- ${show(sheetPath)}${values.sheet === undefined ? '' : ` --sheet ${values.sheet}`} --write 写入）`}：新建 ${created} 个，更新 ${updated} 个，拒绝 ${rejected.length} 行。`,
);

// ---- write: all files or none (src/editor/import-write.ts) ----
if (values.write && plans.size) {
  // Set by the signal handlers below, while writeAll awaits.
  let interrupted = false as boolean;
  process.on('SIGINT', () => (interrupted = true));
  process.on('SIGTERM', () => (interrupted = true));
  const writes: PlannedWrite[] = [...plans.values()].flatMap((p) => [
    { path: p.path, text: entryFileText(p) },
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
