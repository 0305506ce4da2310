/**
 * What a release added, changed and withdrew since the previous one, in
 * Chinese, grouped by region. Pure: the release command feeds it the entry
 * files at the previous release's commit and now.
 */
import { routes } from '../model/routes.ts';

export interface EntrySnapshot {
  data: Record<string, unknown>;
  body: string;
}

export interface ChangelogInput {
  heading: string;
  /** Lines under the heading (release id, commits compared). */
  meta: string[];
  before: ReadonlyMap<string, EntrySnapshot>;
  after: ReadonlyMap<string, EntrySnapshot>;
  regionName: (id: string) => string;
  /** Region ids in official order. */
  regionOrder: string[];
}

/** How each frontmatter field is called in the changelog. */
export const FIELD_NAMES: Record<string, string> = {
  name: '姓名',
  kind: '类型',
  region: '地区',
  category: '类别',
  honours: '荣誉',
  summary: '一句话事迹',
  photo: '照片',
  gender: '性别',
  birth: '出生日期',
  ethnicity: '民族',
  unit: '工作单位',
  role: '职务',
  deceased: '已故',
  minor: '未成年人',
  allowBirth: '公开出生年份',
  status: '状态',
  withdrawal: '撤销说明',
  formerSlugs: '旧网址',
  sources: '资料来源',
};

const published = (s: EntrySnapshot | undefined) => s !== undefined && s.data.draft !== true;
const withdrawn = (s: EntrySnapshot) => s.data.status === 'withdrawn';
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

interface Line {
  region: string;
  kind: 'added' | 'changed' | 'withdrawn' | 'removed';
  text: string;
}

/** The changed fields of an entry, in their usual order, with the story last. */
export function changedFields(a: EntrySnapshot, b: EntrySnapshot): string[] {
  const keys = [...new Set([...Object.keys(FIELD_NAMES), ...Object.keys(a.data), ...Object.keys(b.data)])].filter(
    (k) => k !== 'draft' && k !== 'status' && k !== 'withdrawal',
  );
  const fields = keys.filter((k) => !same(a.data[k], b.data[k])).map((k) => FIELD_NAMES[k] ?? k);
  if (a.body.trim() !== b.body.trim()) fields.push('事迹正文');
  return fields;
}

export function renderChangelog(input: ChangelogInput): string {
  const lines: Line[] = [];
  const ids = [...new Set([...input.before.keys(), ...input.after.keys()])].sort();
  for (const id of ids) {
    const a = input.before.get(id);
    const b = input.after.get(id);
    const url = routes.entry(id);
    if (published(b) && b) {
      const region = String(b.data.region);
      const name = String(b.data.name);
      if (!published(a) || !a) {
        lines.push({ region, kind: withdrawn(b) ? 'withdrawn' : 'added', text: `${name}（${url}）` });
      } else if (withdrawn(b) && !withdrawn(a)) {
        const w = (b.data.withdrawal ?? {}) as { reason?: string; date?: string };
        lines.push({ region, kind: 'withdrawn', text: `${name}：${w.reason ?? ''}（${w.date ?? ''}）` });
      } else {
        const fields = changedFields(a, b);
        if (fields.length) lines.push({ region, kind: 'changed', text: `${name}：${fields.join('、')}` });
      }
    } else if (published(a) && a) {
      lines.push({ region: String(a.data.region), kind: 'removed', text: `${String(a.data.name)}（${url}）` });
    }
  }
  const out = [`# ${input.heading}`, '', ...input.meta, ''];
  const total = (k: Line['kind']) => lines.filter((l) => l.kind === k).length;
  out.push(
    `本次共新增 ${total('added')} 条，修改 ${total('changed')} 条，撤销 ${total('withdrawn')} 条${total('removed') ? `，删除 ${total('removed')} 条` : ''}。`,
    '',
  );
  const labels: Record<Line['kind'], string> = { added: '新增', changed: '修改', withdrawn: '撤销', removed: '删除' };
  for (const region of input.regionOrder) {
    const mine = lines.filter((l) => l.region === region);
    if (!mine.length) continue;
    out.push(`## ${input.regionName(region)}`, '');
    for (const kind of ['added', 'changed', 'withdrawn', 'removed'] as const) {
      const group = mine.filter((l) => l.kind === kind);
      if (!group.length) continue;
      out.push(`### ${labels[kind]}（${group.length}）`, '', ...group.map((l) => `- ${l.text}`), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
