/**
 * A member city's open-data record as a provincial portal accepts it.
 *
 * The member's data is untrusted input like any content (DESIGN.md, trust
 * model): a record is taken only when it has exactly the fields of open data
 * (docs/open-data.md), each within its length, its page under the member's
 * own base URL, no private data in any spelling (src/rules/privacy.ts, the one
 * scanner) and, for a minor, nothing the public view would leave out
 * (src/model/public-view.ts: name, school and deed only, and a birth date the
 * guardian allowed). A record that fails any of these is refused alone, with
 * the reason; the member's other records are published. Withdrawn records
 * never publish. Pure: the build step (member-data.ts) and the bench share it.
 */
import { z } from 'astro/zod';
import { LEVELS, KINDS, type MemberData } from '../model/schema.ts';
import { honourDay, minorOnAny } from '../model/age.ts';
import { slugPattern } from '../model/schema.ts';
import { findPersonalData, mask, PERSONAL_DATA_LABELS } from '../rules/privacy.ts';

/** Longest a record's story may be, in characters (a real one is a few thousand). */
export const STORY_MAX_CHARS = 20_000;

const short = (max: number) => z.string().trim().min(1).max(max);

/** One honour of a record, highest first (docs/open-data.md). */
const honourSchema = z.strictObject({
  /** The member's title id. */
  title: short(40),
  /** The title as the member names it. */
  titleName: short(40),
  /** national, provincial, city or county. */
  level: z.enum(LEVELS),
  /** Year awarded. */
  year: z.int().min(1949).max(2200),
  /** Session (第几届). */
  session: z.int().min(1).max(99).optional(),
  /** The member's release id. */
  release: short(40).optional(),
  /** The issuing body's batch. */
  batch: short(30).optional(),
});

/** An active record of a member's `entries.json`: exactly the fields open data has, bounded. */
export const memberRecordSchema = z.strictObject({
  /** The member's slug of the entry. */
  id: z.string().regex(slugPattern).max(80),
  /** Absolute URL of the entry page on the member's site. */
  url: z.url({ protocol: /^https?$/ }).max(300),
  status: z.literal('active'),
  /** Name of the person, family or group. */
  name: short(40),
  kind: z.enum(KINDS),
  /** The member's region id and name. */
  region: short(40),
  regionName: short(20),
  /** The member's category id and name. */
  category: short(40),
  categoryName: short(20),
  /** One-sentence deed. */
  summary: short(300),
  /** The story as plain text. */
  story: z.string().max(STORY_MAX_CHARS).optional(),
  honours: z.array(honourSchema).min(1).max(30),
  deceased: z.boolean().optional(),
  gender: short(10).optional(),
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  birth: z
    .string()
    .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/)
    .optional(),
  ethnicity: short(20).optional(),
  unit: short(60).optional(),
  role: short(40).optional(),
  minor: z.literal(true).optional(),
  school: short(60).optional(),
});

/** An accepted record as the member published it. */
export type MemberRecord = z.output<typeof memberRecordSchema>;

/** An accepted record on the portal: the member's record, namespaced. */
export interface PortalRecord extends Omit<MemberRecord, 'id' | 'status'> {
  /** `<member>/<slug>`: unique across the portal. */
  id: string;
  /** The member's id and name (site.yaml `members`). */
  member: string;
  memberName: string;
}

/** Fields a minor's record never has (src/model/public-view.ts). */
const ADULT_ONLY = ['gender', 'ethnicity', 'unit', 'role'] as const;

/** What a refused record was; `reason` is a Chinese sentence naming the field and the cause. */
export interface Refusal {
  /** Position in the member's `records` (0-based). */
  index: number;
  /** The record's id or name as far as it could be read, for the report. */
  label: string;
  reason: string;
}

export type Judged =
  { kind: 'accepted'; record: PortalRecord } | { kind: 'withdrawn' } | { kind: 'refused'; refusal: Refusal };

/** Every string in a value, with the path it was found at. */
function stringsOf(value: unknown, path: string, out: Array<{ path: string; text: string }>) {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => stringsOf(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) stringsOf(v, path ? `${path}.${k}` : k, out);
  return out;
}

/** Whether `url` is a page under the member's base URL (same origin, inside its path). */
export function underBase(url: string, base: string): boolean {
  let page: URL;
  let root: URL;
  try {
    page = new URL(url);
    root = new URL(base);
  } catch {
    return false;
  }
  const prefix = root.pathname.endsWith('/') ? root.pathname : `${root.pathname}/`;
  return (
    page.origin === root.origin &&
    !page.username &&
    !page.password &&
    (page.pathname === root.pathname || page.pathname.startsWith(prefix))
  );
}

/** A short label of a raw record for messages: its id, else its name, else its position. */
function labelOf(raw: unknown, index: number): string {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const id = typeof r.id === 'string' ? r.id.slice(0, 80) : '';
  const name = typeof r.name === 'string' ? r.name.slice(0, 40) : '';
  return id ? `${id}${name ? `（${name}）` : ''}` : name || `第 ${index + 1} 条`;
}

/** A zod issue as a Chinese reason. */
function issueReason(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join('.') || '（整条记录）';
  switch (issue.code) {
    case 'unrecognized_keys':
      return `有开放数据没有的字段 ${issue.keys.join('、')}（可能是不该公开的信息）`;
    case 'too_big':
      return `字段 ${field} 太长或太多（最多 ${String(issue.maximum)}）`;
    case 'too_small':
      return `字段 ${field} 是空的`;
    default:
      return `字段 ${field} 不符合开放数据的格式`;
  }
}

/** Judges one raw record of `member`'s data. */
export function judgeRecord(raw: unknown, index: number, member: Pick<MemberData, 'id' | 'name' | 'url'>): Judged {
  const label = labelOf(raw, index);
  const refuse = (reason: string): Judged => ({ kind: 'refused', refusal: { index, label, reason } });
  if (raw && typeof raw === 'object' && (raw as { status?: unknown }).status === 'withdrawn')
    return { kind: 'withdrawn' };
  // Private data first, over every string whatever the record's shape: the reason a reader must see.
  for (const { path, text } of stringsOf(raw, '', [])) {
    const hit = findPersonalData(text)[0];
    if (hit)
      return refuse(`字段 ${path || '（整条记录）'} 里有${PERSONAL_DATA_LABELS[hit.kind].what}（${mask(hit.match)}）`);
  }
  const parsed = memberRecordSchema.safeParse(raw);
  if (!parsed.success) return refuse(issueReason(parsed.error.issues[0] as z.core.$ZodIssue));
  const { id, status: _active, ...rest } = parsed.data;
  if (!underBase(rest.url, member.url))
    return refuse(`字段 url（${rest.url.slice(0, 120)}）不在成员网站 ${member.url} 之下`);
  const minor =
    rest.minor === true ||
    minorOnAny(
      rest.birth,
      rest.honours.map((h) => honourDay(h.year)),
    );
  if (minor) {
    const shown = ADULT_ONLY.filter((f) => rest[f] !== undefined);
    if (shown.length) return refuse(`未成年人的记录只能公开姓名、学校和事迹，却有 ${shown.join('、')}`);
  } else if (rest.school !== undefined) return refuse('字段 school 只用于未成年人的记录');
  return {
    kind: 'accepted',
    record: { ...rest, id: `${member.id}/${id}`, member: member.id, memberName: member.name },
  };
}
