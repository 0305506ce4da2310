/**
 * Personal data that must never publish: resident ID numbers (18 and old
 * 15 digits), mobile and landline numbers, email addresses, bank card
 * numbers and detailed home addresses. One scanner serves the content check
 * (every field, story text from the parsed tree, file names), the import and
 * the output gate (every built page, data file and search text), so what is
 * caught on the way in is caught the same way on the way out.
 *
 * Disguises are undone before looking: character references are decoded,
 * NFKC folds full-width forms (１３８, ＠), zero-width and other format
 * characters are dropped, and digits separated by spaces, line breaks, dots,
 * dashes, brackets or Markdown emphasis are read as one number.
 */
import { decodeHTML } from 'entities';

export type PersonalDataKind = 'id' | 'mobile' | 'landline' | 'email' | 'bank' | 'address';

export interface PersonalDataHit {
  kind: PersonalDataKind;
  /** The text that matched, after normalising (digits and letters as ASCII). */
  match: string;
}

/** What each kind is called in messages, and how to fix it. */
export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, { what: string; fix: string }> = {
  id: { what: '身份证号码', fix: '请删除身份证号码，网站上不公开' },
  mobile: { what: '手机号码', fix: '请删除手机号码，网站上不公开' },
  landline: { what: '固定电话号码', fix: '请删除电话号码；纠错联系方式只写在站点设置里' },
  email: { what: '电子邮箱', fix: '请删除个人邮箱；单位的公开邮箱写在站点设置的 contact 里' },
  bank: { what: '银行卡号', fix: '请删除银行卡号，网站上不公开' },
  address: { what: '详细家庭住址', fix: '请只写到村、社区或单位，删除门牌号、楼号、单元和房间号' },
};

/** Contacts the site publishes on purpose (the office's own): accepted exactly, nothing else. */
export interface PublicContacts {
  emails?: readonly string[];
  phones?: readonly string[];
  addresses?: readonly string[];
}

/**
 * The text a reader would see, in the form the detectors read: references
 * decoded, full-width folded, format characters (zero-width spaces, joiners,
 * soft hyphens, BOMs) removed.
 */
export function normaliseForScan(text: string): string {
  return decodeHTML(text)
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '');
}

/** Characters that may sit between the digits of one number: spacing, line breaks, punctuation, Markdown emphasis. */
const SEPARATOR = /[\s.\-‐‑‒–—―_·•*~`'"|/\\()[\]]/;
/** At most this many separator characters between two digit groups of one number. */
const MAX_GAP = 3;

interface Group {
  digits: string;
  start: number;
  end: number;
}

/** Digit groups and the runs of them joined by short separators: each run may hide one or more numbers. */
function digitRuns(t: string): Group[][] {
  const runs: Group[][] = [];
  let run: Group[] = [];
  let i = 0;
  while (i < t.length) {
    const c = t[i] ?? '';
    if (c >= '0' && c <= '9') {
      let j = i;
      while (j < t.length && (t[j] ?? '') >= '0' && (t[j] ?? '') <= '9') j += 1;
      // An ID number may end in X.
      if ((t[j] === 'X' || t[j] === 'x') && j - i + run.reduce((n, g) => n + g.digits.length, 0) >= 17) j += 1;
      run.push({ digits: t.slice(i, j).toUpperCase(), start: i, end: j });
      i = j;
      let gap = 0;
      while (gap <= MAX_GAP && i + gap < t.length && SEPARATOR.test(t[i + gap] ?? '')) gap += 1;
      const next = t[i + gap] ?? '';
      if (gap > MAX_GAP || !(next >= '0' && next <= '9') || run[run.length - 1]?.digits.endsWith('X')) {
        runs.push(run);
        run = [];
      }
      i += gap;
    } else i += 1;
  }
  if (run.length) runs.push(run);
  return runs;
}

const validDate = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1900;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let k = 0; k < digits.length; k++) {
    let n = Number(digits[digits.length - 1 - k]);
    if (k % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  }
  return sum % 10 === 0;
}

/** What a number is, read as a whole; undefined for counts, years, amounts and the like. */
function classify(d: string): PersonalDataKind | undefined {
  if (/^[1-9]\d{16}[\dX]$/.test(d)) {
    if (validDate(Number(d.slice(6, 10)), Number(d.slice(10, 12)), Number(d.slice(12, 14)))) return 'id';
  }
  if (
    /^[1-9]\d{14}$/.test(d) &&
    validDate(1900 + Number(d.slice(6, 8)), Number(d.slice(8, 10)), Number(d.slice(10, 12)))
  )
    return 'id';
  const mobile = d.replace(/^(?:0086|86)(?=1[3-9]\d{9}$)/, '');
  if (/^1[3-9]\d{9}$/.test(mobile)) return 'mobile';
  if (/^0[1-9]\d{8,10}$/.test(d)) return 'landline';
  if (/^[3-6]\d{15,18}$/.test(d) && luhn(d)) return 'bank';
  return undefined;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const NUM = '[0-9一二三四五六七八九十百零〇两]+';
// A street number, or a building, unit or room: 解放路12号, 解放路十二号, 3号楼, 二单元, 501室, 5栋. Not 三室一厅, 第二单元 (of a textbook), counts of people.
const ADDRESS = new RegExp(
  `(?:[\\u4e00-\\u9fa5]{1,10}(?:路|街|巷|胡同|大道|弄)\\s?${NUM}\\s?号(?:院)?)|(?:(?<!第)${NUM}\\s?(?:号楼|栋|幢|单元|室)(?![\\u4e00-\\u9fa5]{0,1}(?:年|人|次|名|厅|卫)))`,
  'g',
);

/** Every piece of personal data in a text, however disguised; declared public contacts excepted. */
export function findPersonalData(text: string, allowed: PublicContacts = {}): PersonalDataHit[] {
  const t = normaliseForScan(text);
  const hits: PersonalDataHit[] = [];
  const phones = new Set((allowed.phones ?? []).map((p) => p.replace(/\D/g, '')));
  for (const run of digitRuns(t)) {
    // Try every span of groups (up to six) as one number: a run may hold two numbers side by side.
    let i = 0;
    while (i < run.length) {
      let found = 0;
      for (let j = Math.min(run.length, i + 6); j > i && !found; j--) {
        const groups = run.slice(i, j);
        const digits = groups.map((g) => g.digits).join('');
        if (digits.length < 10 || digits.length > 19) continue;
        const kind = classify(digits);
        if (!kind) continue;
        found = j - i;
        if ((kind === 'mobile' || kind === 'landline') && phones.has(digits)) continue;
        // Show the + of +86 or the bracket of (0357) with the number.
        const from = groups[0]?.start ?? 0;
        const start = from > 0 && '+('.includes(t[from - 1] ?? '') ? from - 1 : from;
        hits.push({ kind, match: t.slice(start, groups[groups.length - 1]?.end ?? 0) });
      }
      i += found || 1;
    }
  }
  const emails = new Set((allowed.emails ?? []).map((e) => e.toLowerCase()));
  for (const m of t.matchAll(EMAIL)) if (!emails.has(m[0].toLowerCase())) hits.push({ kind: 'email', match: m[0] });
  for (const m of t.matchAll(ADDRESS)) {
    if ((allowed.addresses ?? []).some((a) => normaliseForScan(a).includes(m[0].trim()))) continue;
    hits.push({ kind: 'address', match: m[0].trim() });
  }
  return hits;
}

/** A masked form for messages, so the error output does not spread the number further: 140************234. */
export function mask(match: string): string {
  const s = match.replace(/\s/g, '');
  if (s.includes('@')) return `${s.slice(0, 2)}***@${s.split('@')[1] ?? ''}`;
  return s.length <= 6 ? s : `${s.slice(0, 3)}${'*'.repeat(s.length - 6)}${s.slice(-3)}`;
}

/** The part of a URL that may carry a resident's data: its query and fragment, not an article's path. */
export function urlScanText(url: string): string {
  try {
    const u = new URL(url);
    return decodeURIComponent(`${u.search} ${u.hash}`.replace(/\+/g, ' '));
  } catch {
    return url;
  }
}
