/**
 * docs/ids.md: the ids editors write in front matter (regions, categories,
 * titles, releases) with their Chinese names, made from the content's YAML
 * files by `npm run docs:ids`; `ids-doc.test.ts` fails when the committed
 * file differs from what the content makes.
 */
import type { LoadedContent } from './check.ts';

const LEVEL_NAMES = { national: '全国', provincial: '省级', city: '市级', county: '县级' } as const;

/** A table cell: a pipe inside would split the row. */
const cell = (text: string) => text.replace(/\|/g, '\\|');

const table = (head: readonly string[], rows: ReadonlyArray<readonly string[]>) =>
  [head, head.map(() => '---'), ...rows].map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n');

/** The Markdown of docs/ids.md (before Prettier lays out its tables). */
export function idsDocument(content: Omit<LoadedContent, 'entries'>): string {
  const regions = [...content.regions].sort(([, a], [, b]) => a.order - b.order);
  const categories = [...content.categories].sort(([, a], [, b]) => a.order - b.order);
  const titles = [...content.titles];
  const releases = [...content.releases].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    '# 各种 id 一览',
    '',
    '<!-- 这个文件由 npm run docs:ids 按 content/ 里的 YAML 文件生成，请不要手改：改了 YAML 以后运行这条命令。 -->',
    '',
    '条目文件的资料区里，地区、类别、称号和批次写下面左列的 **id**（小写拼音），不写中文名称。写成名称或简称时，`npm run content:check -- --fix` 会替您改成 id（见 docs/editing.md 第五节）；`content:new` 和表格导入本来就认名称。',
    '',
    '## 地区（region）',
    '',
    table(
      ['id', '名称', '也认'],
      regions.map(([id, r]) => [`\`${id}\``, r.name, r.aliases.join('、') || '—']),
    ),
    '',
    '## 类别（category）',
    '',
    table(
      ['id', '名称'],
      categories.map(([id, c]) => [`\`${id}\``, c.name]),
    ),
    '',
    '## 荣誉称号（honours 里的 title）',
    '',
    table(
      ['id', '名称', '简称', '级别', '授予单位'],
      titles.map(([id, t]) => [`\`${id}\``, t.name, t.short ?? '—', LEVEL_NAMES[t.level], t.issuer]),
    ),
    '',
    '## 发布批次（honours 里的 release）',
    '',
    table(
      ['id', '批次', '称号 id', '发布日期'],
      releases.map(([id, r]) => [`\`${id}\``, r.title, `\`${r.honour}\``, r.date]),
    ),
    '',
  ].join('\n');
}
