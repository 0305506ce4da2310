/**
 * The nomination form's rules and what it produces (推荐身边好人), pure so it is unit-tested: the
 * checks of each field (personal data found by the one scanner, src/rules/privacy.ts), the text
 * for WeChat and the e-mail, the `mailto:` link, and the row in the import's column order.
 * Nothing here sends or stores anything.
 */
import type { Kind } from '../model/schema.ts';
import { PERSONAL_DATA_LABELS, findPersonalData } from '../rules/privacy.ts';
import { COLUMN_LABEL, type Column } from '../rules/sheet-columns.ts';
// Types only: the texts come from the page as data, so the search page's bundle keeps src/strings.ts to itself.
import type { nominateText, t } from '../strings.ts';

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

/** The page's id of a field's control, or of its hint, its message or its character count (the page and its script share them). */
export const fieldId = (f: NominationField, part?: 'hint' | 'error' | 'count'): string =>
  part ? `nf-${f}-${part}` : `nf-${f}`;

/**
 * The words the form shows, from `nominateText` (src/strings.ts) with `{placeholders}` for what the
 * resident typed: the page writes them into itself as data (`textsFrom`), the script reads them.
 */
export interface NominationTexts {
  fields: Record<NominationField, string>;
  kinds: Record<Kind, string>;
  empty: string;
  choose: string;
  tooLong: string;
  tooShort: string;
  mobile: string;
  personal: string;
  summary: string;
  heading: string;
  nominee: string;
  story: string;
  nominator: string;
  mobileWord: string;
  date: string;
  subject: string;
  count: string;
  copied: string;
  copiedRow: string;
  copyFailed: string;
}

/** The texts of `nominateText` with `{name}` where a value goes (the page calls this at build time). */
export function textsFrom(n: typeof nominateText, kinds: (typeof t)['kinds']): NominationTexts {
  return {
    fields: { ...n.fields },
    kinds: { ...kinds },
    empty: n.errors.empty('{label}'),
    choose: n.errors.choose('{label}'),
    tooLong: n.errors.tooLong('{label}', '{max}'),
    tooShort: n.errors.tooShort('{label}', '{min}'),
    mobile: n.errors.mobile,
    personal: n.errors.personal('{what}'),
    summary: n.errors.summary('{count}'),
    heading: n.text.heading('{city}'),
    nominee: n.text.nominee,
    story: n.text.story,
    nominator: n.text.nominator,
    mobileWord: n.text.mobile,
    date: n.text.date,
    subject: n.mailSubject('{name}'),
    count: n.count('{count}', '{max}'),
    copied: n.copied,
    copiedRow: n.copiedRow,
    copyFailed: n.copyFailed,
  };
}

/** A text with its `{name}`s filled in. */
export const fillIn = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));

/** Kinds named as a list is said: 身份证号码、手机号码和详细家庭住址 (not 和 … 和). */
const listed = (items: readonly string[]): string =>
  items.length > 1 ? `${items.slice(0, -1).join('、')}和${items.at(-1) ?? ''}` : (items[0] ?? '');

/** A mainland mobile number, spaces and dashes allowed, +86 in front allowed. */
const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;

/** What is wrong with each field, in words shown beside it; an empty object when nothing is. */
export function checkNomination(n: Nomination, x: NominationTexts): Partial<Record<NominationField, string>> {
  const out: Partial<Record<NominationField, string>> = {};
  for (const field of FIELDS) {
    const limit: { required: boolean; min?: number; max: number; choice?: boolean } = LIMITS[field];
    const value = n[field].trim();
    const label = x.fields[field];
    if (!value) {
      if (limit.required) out[field] = fillIn(limit.choice ? x.choose : x.empty, { label });
      continue;
    }
    if (field === 'mobile') {
      if (!MOBILE.test(value.replace(/[\s-]/g, ''))) out[field] = x.mobile;
      continue;
    }
    // The nominator's mobile is the one number asked for; anywhere else an ID, phone, card or house number is refused.
    // Every kind found is named: a story with an ID number and a mobile said only the first.
    const found = [...new Set(findPersonalData(value).map((hit) => PERSONAL_DATA_LABELS[hit.kind].what))];
    if (found.length) out[field] = fillIn(x.personal, { what: listed(found) });
    else if (value.length > limit.max) out[field] = fillIn(x.tooLong, { label, max: limit.max });
    else if (limit.min && value.length < limit.min) out[field] = fillIn(x.tooShort, { label, min: limit.min });
  }
  return out;
}

/** A day as the office writes it: 2026年12月3日. */
export const chineseDate = (d: Date): string => `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;

/** The nomination as one text, for WeChat and the e-mail's body: the nominee first, the nominator last. */
export function nominationText(n: Nomination, x: NominationTexts, city: string, date: Date): string {
  const f = (s: string) => s.trim();
  // The county and the place each under its own label (所在县 was followed by a village); a place that starts
  // with its county (尧都区某社区) does not repeat it.
  const place = f(n.place).startsWith(f(n.region)) ? f(n.place).slice(f(n.region).length).trim() : f(n.place);
  return [
    fillIn(x.heading, { city }),
    `${x.nominee}：${f(n.name)}（${x.kinds[n.kind]}）`,
    `${x.fields.region}：${f(n.region)}`,
    ...(place ? [`${x.fields.place}：${place}`] : []),
    `${x.fields.category}：${f(n.category)}`,
    `${x.fields.title}：${f(n.title)}`,
    `${x.fields.summary}：${f(n.summary)}`,
    ...(f(n.story) ? [`${x.story}：`, f(n.story)] : []),
    `${x.nominator}：${f(n.nominator)}，${x.mobileWord} ${f(n.mobile)}`,
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
export function sheetRow(n: Nomination, x: NominationTexts, year: number): string {
  const values: Partial<Record<Column, string>> = {
    name: n.name,
    kind: x.kinds[n.kind],
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
