/**
 * npm run content:new [-- --name 张三 --region 尧都区 --category 助人为乐 --title 临汾好人 --year 2026 --release 2026-q3]
 *
 * Creates one entry file with its stable slug, the frontmatter filled in and
 * a story skeleton. Asks for what the flags leave out (when run in a
 * terminal). Never overwrites a file. The new entry is a draft until the
 * editor deletes the `draft: true` line.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { checkContent } from '../src/editor/check.ts';
import { entrySchema } from '../src/editor/plain-schemas.ts';
import { contentRoot } from '../src/model/content-root.ts';
import { renderEntryFile } from '../src/editor/entry-file.ts';
import { NEW_ENTRY_STORY, NEW_ENTRY_SUMMARY } from '../src/editor/entry-template.ts';
import { matchKind, parseSession } from '../src/editor/import-cells.ts';
import { matchCategory, matchRegion, matchTitle, releaseForQuarter } from '../src/editor/import-taxonomy.ts';
import { slugFor } from '../src/model/slug.ts';
import { commandArgs } from './lib/args.ts';

const { values } = commandArgs({
  script: 'content:new',
  options: {
    name: { type: 'string', value: '姓名' },
    kind: { type: 'string', value: '类型' },
    region: { type: 'string', value: '地区' },
    category: { type: 'string', value: '类别' },
    title: { type: 'string', value: '称号' },
    year: { type: 'string', value: '年份' },
    release: { type: 'string', value: '批次' },
    session: { type: 'string', value: '届次' },
  },
});

const root = contentRoot();
const { content } = await checkContent(root);
const rl = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;

/** A flag's value, or the answer to a prompt; without a terminal a missing flag is an error. */
async function ask(flag: keyof typeof values, question: string, fallback?: string): Promise<string> {
  const given = values[flag]?.trim();
  if (given) return given;
  if (!rl) {
    if (fallback !== undefined) return fallback;
    console.error(`缺少 --${flag}（${question}）`);
    process.exit(2);
  }
  const answer = (await rl.question(`${question}${fallback ? `（默认：${fallback}）` : ''}：`)).trim();
  return answer || fallback || '';
}

function fail(field: string, message: string): never {
  console.error(`${field} — ${message}`);
  process.exit(1);
}

const name = await ask('name', '姓名或名称');
const kindText = await ask('kind', '类型：个人 / 家庭 / 集体', '个人');
const kind = matchKind(kindText);
if (!kind) fail('类型', `“${kindText}”应为 个人、家庭 或 集体`);
const regionText = await ask('region', '所在县（市、区），如 尧都区');
const region = matchRegion(regionText, content.regions);
if (!region)
  fail(
    '所在县（市、区）',
    `找不到“${regionText}”，应为：${[...content.regions.values()].map((r) => r.name).join('、')}`,
  );
const categoryText = await ask('category', '类别，如 助人为乐');
const category = matchCategory(categoryText, content.categories);
if (!category)
  fail('类别', `找不到“${categoryText}”，应为：${[...content.categories.values()].map((c) => c.name).join('、')}`);
const titleText = await ask('title', '荣誉称号，如 临汾好人');
const title = matchTitle(titleText, content.titles);
if (!title) fail('荣誉称号', `找不到“${titleText}”，请使用 titles.yaml 中的称号名称`);
const year = Number(await ask('year', '获评年份', String(new Date().getFullYear())));
const t = content.titles.get(title);
const honour: { title: string; year: number; release?: string; session?: number } = { title, year };
if (t?.cadence === 'quarter') {
  const text = await ask('release', '发布批次，如 2026-q3 或 第三季度（没有可留空）', '');
  if (text) {
    const id = releaseForQuarter(text, title, year, content.releases);
    if (!id) fail('发布批次', `找不到“${text}”，请先在 releases.yaml 中添加该批次`);
    honour.release = id;
  }
} else if (t?.cadence === 'session') {
  const text = await ask('session', '第几届（没有可留空）', '');
  if (text) honour.session = parseSession(text) ?? fail('届次', `“${text}”应写成“第9届”或 9`);
}
rl?.close();

const namesake = content.entries.find((e) => e.name === name && e.region === region);
if (namesake) {
  console.log(
    `注意：${namesake.file} 已有同地区的“${name}”。如果是同一人，请在那个文件的 honours 下添加荣誉，不要新建。`,
  );
}
const taken = new Set(content.entries.flatMap((e) => [e.id, ...e.formerSlugs]));
const slug = slugFor(name, kind, region, taken);
const path = join(root, 'entries', region, `${slug}.mdx`);
if (existsSync(path)) fail('文件', `${path} 已存在，不会覆盖`);

const data = {
  name,
  kind,
  region,
  category,
  honours: [honour],
  summary: NEW_ENTRY_SUMMARY,
  minor: t?.forMinors || undefined,
  draft: true,
};
const parsed = entrySchema.safeParse(data);
if (!parsed.success) fail(parsed.error.issues[0]?.path.join('.') ?? '', parsed.error.issues[0]?.message ?? '');

mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, renderEntryFile(data, NEW_ENTRY_STORY), { flag: 'wx' });
console.log(`已创建 ${relative(process.cwd(), path) || path}`);
console.log(`预览：运行 npm run dev，然后打开 http://localhost:4321/people/${slug}/`);
console.log('这是草稿（draft: true）：写完事迹、删除 draft 一行后才会发布。');
