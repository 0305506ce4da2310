/**
 * What a release added, changed and withdrew since the previous one, in
 * Chinese, grouped by region. Pure: the release command feeds it the entry
 * files at the previous release's commit and now.
 */
import { routes } from '../model/routes.ts';
import type { Problem } from '../rules/problems.ts';
import { ENTRY_FIELDS, ENTRY_FIELD_ORDER, isEntryField, type EntryField } from '../model/entry-fields.ts';

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

/** How each front-matter field is called in the changelog: its label in the catalogue (src/model/entry-fields.ts). */
export const FIELD_NAMES = Object.fromEntries(ENTRY_FIELD_ORDER.map((f) => [f, ENTRY_FIELDS[f].label])) as Record<
  EntryField,
  string
>;

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
  const keys = [...new Set([...ENTRY_FIELD_ORDER, ...Object.keys(a.data), ...Object.keys(b.data)])].filter(
    (k) => k !== 'draft' && k !== 'status' && k !== 'withdrawal',
  );
  const fields = keys.filter((k) => !same(a.data[k], b.data[k])).map((k) => (isEntryField(k) ? FIELD_NAMES[k] : k));
  if (a.body.trim() !== b.body.trim()) fields.push('事迹正文');
  return fields;
}

/** A page the previous release published that this one will not have, with no redirect to take its place. */
export interface BrokenUrl {
  id: string;
  name: string;
  url: string;
  /** What became of its file: deleted, or made a draft again. */
  now: 'deleted' | 'draft';
}

/**
 * The published URLs a release breaks: entries published before (the changelog's 删除) that
 * are neither published now (a withdrawn entry keeps its page and says why) nor named in a
 * published entry's `formerSlugs` (the old URL then redirects to the new page).
 */
export function brokenUrls(
  before: ReadonlyMap<string, EntrySnapshot>,
  after: ReadonlyMap<string, EntrySnapshot>,
): BrokenUrl[] {
  const redirected = new Set(
    [...after.values()]
      .filter(published)
      .flatMap((s) => (Array.isArray(s.data.formerSlugs) ? s.data.formerSlugs.map(String) : [])),
  );
  const out: BrokenUrl[] = [];
  for (const [id, a] of [...before].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const b = after.get(id);
    if (!published(a) || published(b) || redirected.has(id)) continue;
    out.push({ id, name: String(a.data.name), url: routes.entry(id), now: b ? 'draft' : 'deleted' });
  }
  return out;
}

/** A broken URL as the release prints it among the check's reminders; `file` is where the entry was at `tag`. */
export function brokenUrlProblem(b: BrokenUrl, file: string, tag: string): Problem {
  const what = b.now === 'draft' ? '这次改成了草稿（draft: true），网页会下线' : '这个文件这次已删除';
  const undo =
    b.now === 'draft'
      ? '如果只是暂时修改，请删除 draft: true 这一行再提交'
      : `如果是改了文件名，请在新文件里写上 formerSlugs: [${b.id}]，旧网址会自动转到新网页`;
  return {
    file,
    field: '',
    severity: 'warning',
    code: 'release.url-broken',
    message: `上次发布（${tag}）公开的网页 ${b.url}（${b.name}）${what}，别人收藏和转发的这个链接会打不开：${undo}；如果是要撤下这位好人，请改用撤销（status: withdrawn 和 withdrawal，见编辑指南“撤销一位好人”），网页会说明已撤销；确实要删除，发布时加 --yes`,
  };
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
