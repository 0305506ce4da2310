/**
 * The bench's second corpus: short, text-only entries as a county office
 * sends them — a 推荐表 in Excel (a title row merged across the table, a
 * two-row header, 序号, a 事迹简介 and a short 事迹全文 of one paragraph, no
 * photos), written into a content root by the editors' own command,
 * `content:import --write`. Deterministic for a given size.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import {
  GIVEN,
  PLACE_SYLLABLES,
  REGION_NAMES,
  RELEASES,
  SENTENCES,
  SURNAMES,
  TEMPLATES,
  pickWeighted,
  random,
} from './generate.ts';

const HEADER = ['序号', '姓名', '类型', '基本情况', '', '', '所在县（市、区）', '类别', '荣誉称号', '年份', '期次'];
const TAIL = ['事迹简介', '事迹全文', '备注'];
const SUB = ['', '', '', '性别', '民族', '出生年月'];
const CATEGORY_NAMES = ['助人为乐', '见义勇为', '诚实守信', '敬业奉献', '孝老爱亲'];

/** One county office's rows: what an editor would import. */
interface SheetRow {
  name: string;
  kind: '个人' | '家庭' | '集体';
  gender: string;
  birth: string;
  region: string;
  category: string;
  year: number;
  quarter: string;
  summary: string;
  story: string;
}

/**
 * Names of rows 0…n-1, each new in its county: the import reads a name its county already has as
 * that person again (an update), and a county's roll holds each person once. The same for any n.
 */
function rowNames(n: number): string[] {
  const rand = random(104729);
  const taken = new Set<string>();
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    const region = REGION_NAMES[i % REGION_NAMES.length]!;
    for (;;) {
      const given = GIVEN[Math.floor(rand() * GIVEN.length)]! + GIVEN[Math.floor(rand() * GIVEN.length)]!;
      const name = `${pickWeighted(SURNAMES, rand())}${given}`;
      if (taken.has(`${region}|${name}`)) continue;
      taken.add(`${region}|${name}`);
      names.push(name);
      break;
    }
  }
  return names;
}

/** Rows numbered `start`…`start + size - 1`, each in its release (or all in `release`). */
function sheetRows(size: number, start: number, release?: { id: string; date: string }): SheetRow[] {
  const names = rowNames(start + size);
  const rand = random(size * 104729 + start);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const place = () => `${pick(PLACE_SYLLABLES)}${pick(PLACE_SYLLABLES)}${pick(['村', '社区', '镇', '乡'])}`;
  const rows: SheetRow[] = [];
  for (let i = start; i < start + size; i++) {
    const region = REGION_NAMES[i % REGION_NAMES.length]!;
    const kindRoll = rand();
    const kind = kindRoll < 0.9 ? '个人' : kindRoll < 0.95 ? '家庭' : '集体';
    const name = kind === '个人' ? names[i]! : kind === '家庭' ? `${names[i]!}家庭` : `${region}第${i}志愿服务队`;
    const { id, date } = release ?? RELEASES[i % RELEASES.length]!;
    const year = Number(date.slice(0, 4));
    // Where the person lives first: two people of one name in two counties never share a story word for word
    // (the check refuses a copied story).
    const story = [
      `是${region}${place()}人。`,
      ...Array.from({ length: between(1, 2) }, () => pick(TEMPLATES)(pick, between, place)),
    ].join('');
    rows.push({
      name,
      kind,
      gender: kind === '个人' ? pick(['男', '女']) : '',
      birth: kind === '个人' ? `${between(1950, 1995)}.${String(between(1, 12)).padStart(2, '0')}` : '',
      region,
      category: CATEGORY_NAMES[i % CATEGORY_NAMES.length]!,
      year,
      quarter: `${year}年第${'一二三四'[Number(id.slice(-1)) - 1]}季度`,
      summary: SENTENCES[i % SENTENCES.length]!,
      story: `${name}${story}`,
    });
  }
  return rows;
}

/** Writes the rows as an office's .xlsx 推荐表 (title, two-row header, 序号, footer) at `file`. */
async function writeSheet(file: string, rows: readonly SheetRow[], title: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('推荐表');
  const top = [...HEADER, ...TAIL];
  sheet.getCell(1, 1).value = title;
  sheet.mergeCells(1, 1, 1, top.length);
  top.forEach((v, c) => v && (sheet.getCell(2, c + 1).value = v));
  SUB.forEach((v, c) => v && (sheet.getCell(3, c + 1).value = v));
  sheet.mergeCells(2, 4, 2, 6);
  top.forEach((_, c) => (c < 3 || c > 5 ? sheet.mergeCells(2, c + 1, 3, c + 1) : undefined));
  rows.forEach((r, i) => {
    const values = [
      i + 1,
      r.name,
      r.kind,
      r.gender,
      r.kind === '个人' ? '汉族' : '',
      r.birth,
      r.region,
      r.category,
      '临汾好人',
      r.year,
      r.quarter,
      r.summary,
      r.story,
      '',
    ];
    values.forEach((v, c) => (sheet.getCell(i + 4, c + 1).value = v));
  });
  sheet.getCell(rows.length + 4, 1).value = '注：以上人员均经村（社区）公示无异议。（合成数据）';
  await book.xlsx.writeFile(file);
}

/** Runs `content:import <file> --write` on `root`; throws with its output when it fails. */
function importSheet(root: string, file: string): Promise<void> {
  const child = spawn(process.execPath, [resolve('scripts/import.ts'), file, '--write'], {
    env: { ...process.env, HONOUR_CONTENT_DIR: root, NO_COLOR: '1' },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((done, fail) =>
    child.once('close', (code) =>
      code === 0 ? done() : fail(new Error(`content:import failed (${code}):\n${out.slice(-3000)}`)),
    ),
  );
}

/** Rows per imported sheet: a county office's list is a few hundred people; a whole roll comes in several. */
const ROWS_PER_SHEET = 5000;

/**
 * Writes a content root at `dir` (replacing it) with `size` entries imported
 * from office sheets, or with `start` imports a further batch in `release`.
 * Returns the entry files the import wrote.
 */
export async function generateSheetContent(
  dir: string,
  opts: { size: number; start?: number; release?: { id: string; date: string } },
): Promise<string[]> {
  const root = resolve(dir);
  const start = opts.start ?? 0;
  const listEntries = () =>
    new Set(
      readdirSync(join(root, 'entries'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => join(root, 'entries', f)),
    );
  if (start === 0) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(join(root, 'entries'), { recursive: true });
    for (const f of ['site.yaml', 'regions.yaml', 'titles.yaml', 'categories.yaml'])
      cpSync(join('content', f), join(root, f));
    writeFileSync(
      join(root, 'releases.yaml'),
      RELEASES.map(
        (r) =>
          `- id: ${r.id}\n  title: ${r.id} 临汾好人（合成数据）\n  date: ${r.date}\n  honour: lf-hr\n  intro: 基准测试用的合成批次。\n`,
      ).join(''),
    );
  }
  const before = listEntries();
  const rows = sheetRows(opts.size, start, opts.release);
  const sheets = join(root, '..', `${root.split(/[\\/]/).pop()}-sheets`);
  mkdirSync(sheets, { recursive: true });
  for (let from = 0; from < rows.length; from += ROWS_PER_SHEET) {
    const file = join(sheets, `推荐表-${start + from}.xlsx`);
    await writeSheet(file, rows.slice(from, from + ROWS_PER_SHEET), '临汾市身边好人推荐表（合成数据）');
    await importSheet(root, file);
  }
  return [...listEntries()].filter((f) => !before.has(f));
}
