/**
 * The nomination form's rules and what it produces (推荐身边好人), pure so it is unit-tested: the
 * checks of each field (personal data found by the one scanner, src/rules/privacy.ts), the text
 * for WeChat and the e-mail, the `mailto:` link, and the row in the import's column order.
 * Nothing here sends or stores anything.
 */
import type { Kind } from '../model/schema.ts';
import { PERSONAL_DATA_LABELS, findPersonalData } from '../rules/privacy.ts';
import { COLUMN_LABEL, type Column } from '../rules/sheet-columns.ts';
import { t } from '../strings.ts';

/** What a resident fills in; county, category and honour by their names, as a sheet writes them. */
export interface Nomination {
  nominator: string;
  mobile: string;
  name: string;
  kind: Kind;
  region: string;
  place: string;
  category: string;
  title: string;
  summary: string;
  story: string;
}

export type NominationField = keyof Nomination;

/** Each field's bounds: the entry schema's where the field becomes one (name 40, unit 60, summary 8–120). */
export const LIMITS = {
  nominator: { required: true, max: 20 },
  mobile: { required: true, max: 20 },
  name: { required: true, max: 40 },
  kind: { required: true, max: 10, choice: true },
  region: { required: true, max: 20, choice: true },
  place: { required: false, max: 60 },
  category: { required: true, max: 20, choice: true },
  title: { required: true, max: 40, choice: true },
  summary: { required: true, min: 8, max: 120 },
  story: { required: false, max: 1500 },
} satisfies Record<NominationField, { required: boolean; min?: number; max: number; choice?: boolean }>;

export const FIELDS = Object.keys(LIMITS) as NominationField[];

const labels = t.nominate.fields;
const errors = t.nominate.errors;

/** A mainland mobile number, spaces and dashes allowed, +86 in front allowed. */
const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;

/** What is wrong with each field, in words shown beside it; an empty object when nothing is. */
export function checkNomination(n: Nomination): Partial<Record<NominationField, string>> {
  const out: Partial<Record<NominationField, string>> = {};
  for (const field of FIELDS) {
    const limit: { required: boolean; min?: number; max: number; choice?: boolean } = LIMITS[field];
    const value = n[field].trim();
    const label = labels[field];
    if (!value) {
      if (limit.required) out[field] = limit.choice ? errors.choose(label) : errors.empty(label);
      continue;
    }
    if (field === 'mobile') {
      if (!MOBILE.test(value.replace(/[\s-]/g, ''))) out[field] = errors.mobile;
      continue;
    }
    // The nominator's mobile is the one number asked for; anywhere else an ID, phone, card or house number is refused.
    const [hit] = findPersonalData(value);
    if (hit) out[field] = errors.personal(PERSONAL_DATA_LABELS[hit.kind].what);
    else if (value.length > limit.max) out[field] = errors.tooLong(label, limit.max);
    else if (limit.min && value.length < limit.min) out[field] = errors.tooShort(label, limit.min);
  }
  return out;
}

/** A day as the office writes it: 2026年12月3日. */
export const chineseDate = (d: Date): string => `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;

/** The nomination as one text, for WeChat and the e-mail's body: the nominee first, the nominator last. */
export function nominationText(n: Nomination, city: string, date: Date): string {
  const x = t.nominate.text;
  const f = (s: string) => s.trim();
  return [
    x.heading(city),
    `${x.nominee}：${f(n.name)}（${t.kinds[n.kind]}）`,
    `${labels.region}：${f(n.region)}${f(n.place) ? ` ${f(n.place)}` : ''}`,
    `${labels.category}：${f(n.category)}`,
    `${labels.title}：${f(n.title)}`,
    `${labels.summary}：${f(n.summary)}`,
    ...(f(n.story) ? [`${x.story}：`, f(n.story)] : []),
    `${x.nominator}：${f(n.nominator)}，${x.mobile} ${f(n.mobile)}`,
    `${x.date}：${chineseDate(date)}`,
  ].join('\n');
}

/** A `mailto:` link with subject and body filled in (lines as CRLF, RFC 6068). */
export function mailtoHref(email: string, subject: string, body: string): string {
  const enc = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));
  return `mailto:${email}?subject=${enc(subject)}&body=${enc(body)}`;
}

/** The row's columns: the import's, in its order, without 政治面貌 (which the import never reads). */
export const ROW_COLUMNS = (Object.keys(COLUMN_LABEL) as Column[]).filter((c) => c !== 'politics');

/**
 * A cell as a spreadsheet pastes it: tabs as spaces; a cell with a line break or a quote in quotes,
 * quotes doubled (as Excel copies one); a cell starting like a formula (=, +, -, @) after an
 * apostrophe, which the sheet keeps as text and does not show.
 */
function cell(value: string): string {
  const v = value.trim().replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /["\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The import's headers for the row, tab-separated. */
export const sheetHeader = (): string => ROW_COLUMNS.map((c) => COLUMN_LABEL[c]).join('\t');

/** The nomination as one tab-separated row in the import's column order; never the nominator's name or mobile. */
export function sheetRow(n: Nomination, year: number): string {
  const values: Partial<Record<Column, string>> = {
    name: n.name,
    kind: t.kinds[n.kind],
    unit: n.place,
    region: n.region,
    category: n.category,
    title: n.title,
    year: String(year),
    summary: n.summary,
    story: n.story,
  };
  return ROW_COLUMNS.map((c) => cell(values[c] ?? '')).join('\t');
}
