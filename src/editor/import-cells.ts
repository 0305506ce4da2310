/** How a sheet's cells are read: header text, dates, 期次, kinds, units and roles, stories. */
import { format as formatNumber, getFormatInfo, isDateFormat } from 'numfmt';
import type { EntryFileData } from '../model/schema.ts';

/** Header text without spaces, with full-width brackets and punctuation made half-width. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/[\s\u3000\u200B-\u200F\u2060\uFEFF]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/，/g, ',')
    .replace(/[*＊:：]/g, '');
}

/**
 * A spreadsheet cell's text as a story that reads exactly as typed. Characters
 * that MDX or Markdown give a meaning (`<`, `{`, `*`, `[`, a `#` or `1.` at a
 * line start…) become character references, so nothing in a cell can become
 * markup or code; each line of the cell is a paragraph. (A bare https://
 * address still shows as a link of the same text: GFM links it after the
 * references are read.)
 */
export function storyFromCell(text: string): string {
  const refs: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '{': '&#123;',
    '}': '&#125;',
    '*': '&#42;',
    _: '&#95;',
    '`': '&#96;',
    '[': '&#91;',
    ']': '&#93;',
    '\\': '&#92;',
    '~': '&#126;',
    '|': '&#124;',
    $: '&#36;',
    '!': '&#33;',
  };
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) =>
      line
        .replace(/[&<>{}*_`[\]\\~|$!]/g, (c) => refs[c] ?? c)
        // Block syntax at a line start: headings, list markers, thematic breaks, setext underlines.
        .replace(/^([#+=-])/, (c) => `&#${c.charCodeAt(0)};`)
        // MDX reads a line starting with import or export as code.
        .replace(/^(import|export)\b/, (w) => `&#${w.charCodeAt(0)};${w.slice(1)}`)
        .replace(/^(\d+)([.)])/, (_m, n: string, p: string) => `${n}&#${p.charCodeAt(0)};`),
    )
    .join('\n\n');
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 1968.05, 1968年5月, 1968-5-17, 1968/05, 196805, 1968 → 1968-05 etc.; undefined if it is not a date. */
export function parseBirth(value: string): string | undefined {
  const v = value
    .trim()
    .replace(/[年月./／]/g, '-')
    .replace(/日$/, '')
    .replace(/-+$/, '');
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(v);
  if (!m) {
    const compact = /^(\d{4})(\d{2})(\d{2})?$/.exec(v);
    if (compact) m = compact;
  }
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (mo && (Number(mo) < 1 || Number(mo) > 12)) return undefined;
  if (d && (Number(d) < 1 || Number(d) > 31)) return undefined;
  return [y, mo?.padStart(2, '0'), d?.padStart(2, '0')].filter(Boolean).join('-');
}

/** 期次 as a quarter of a year: 2026年第一季度, 第一季度, 一季度, 2026年3季度, Q1, 2026-q1, 2026Q1 → 1…4. */
export function parseQuarter(value: string): { year?: number; quarter: number } | undefined {
  const v = value.replace(/\s/g, '').toLowerCase();
  const m =
    /^(?:(\d{4})(?:年|-)?)?(?:第)?([一二三四1-4])(?:季度|季)$/.exec(v) ?? /^(?:(\d{4})(?:年|-|\.)?)?q([1-4])$/.exec(v);
  if (!m) return undefined;
  const q = m[2] ?? '';
  return { year: m[1] ? Number(m[1]) : undefined, quarter: CN_DIGITS[q] ?? Number(q) };
}

/**
 * 期次 as a local release of a quarterly title: a quarter, or 第3期 / 2026年第三期,
 * which offices write for the third release of the year (one a quarter).
 * Only the release lookup reads 期: another body's batch is kept as written.
 */
export function parseReleaseQuarter(value: string): { year?: number; quarter: number } | undefined {
  const q = parseQuarter(value);
  if (q) return q;
  const m = /^(?:(\d{4})(?:年|-)?)?(?:第)?([一二三四1-4])期$/.exec(value.replace(/\s/g, ''));
  if (!m) return undefined;
  const n = m[2] ?? '';
  return { year: m[1] ? Number(m[1]) : undefined, quarter: CN_DIGITS[n] ?? Number(n) };
}

/** 期次 as a session: 第9届, 9, 第九届 → 9. */
export function parseSession(value: string): number | undefined {
  const v = value.replace(/\s/g, '');
  const m = /^(?:第)?(\d+|[一二三四五六七八九十]+)(?:届)?$/.exec(v);
  if (!m) return undefined;
  const n = m[1] ?? '';
  if (/^\d+$/.test(n)) return Number(n);
  if (n === '十') return 10;
  if (n.startsWith('十')) return 10 + (CN_DIGITS[n[1] ?? ''] ?? 0);
  if (n.endsWith('十')) return (CN_DIGITS[n[0] ?? ''] ?? 0) * 10;
  if (n.length === 3 && n[1] === '十') return (CN_DIGITS[n[0] ?? ''] ?? 0) * 10 + (CN_DIGITS[n[2] ?? ''] ?? 0);
  return CN_DIGITS[n];
}

const KINDS: Record<string, EntryFileData['kind']> = {
  个人: 'person',
  家庭: 'family',
  家庭户: 'family',
  户: 'family',
  集体: 'group',
  团体: 'group',
  团队: 'group',
  组织: 'group',
  person: 'person',
  family: 'family',
  group: 'group',
};

/** 个人 / 家庭 / 集体 (or the English kind) as an entry kind; undefined if it is none of them. */
export function matchKind(value: string): EntryFileData['kind'] | undefined {
  return KINDS[value.trim()];
}

/**
 * The kind a name says it is: 张立新家庭 and 王家三户 are families, 银发志愿服务队 and
 * 某某协会 are groups; undefined for a name that says nothing (a person's).
 * A trailing bracket (张立新家庭（尧都区）) is not part of what it says.
 */
export function kindOfName(name: string): EntryFileData['kind'] | undefined {
  const n = name.trim().replace(/[（(][^（）()]*[）)]$/, '');
  if (/(?:家庭|户)$/.test(n)) return 'family';
  if (/(?:队|协会|学会|团队|小组|中心|服务站|委员会|公司|医院|卫生院|合作社|车间|班组)$/.test(n)) return 'group';
  return undefined;
}

/** Quotes and 书名号 around a name: "临汾好人", “临汾好人”, 《临汾好人》 all mean 临汾好人. */
export function unquote(value: string): string {
  return value.replace(/["'“”‘’《》〈〉「」『』]/g, '');
}

/** 工作单位及职务: “尧都区某社区卫生服务站 医生” → unit and role; without a separator, all is the unit. */
export function splitUnit(text: string): [string | undefined, string | undefined] {
  const v = text.trim();
  if (!v) return [undefined, undefined];
  const m = /^(.+?)[\s\u3000,，、]+([^\s\u3000,，、]{1,12})$/.exec(v);
  return m ? [m[1], m[2]] : [v, undefined];
}

/** Which parts of a date a number format shows: 年月 formats show no day, and none is made up. */
function dateParts(numFmt: string): 'year' | 'month' | 'day' {
  // Literal text ("年", \-) and bracketed sections ([$-804], [Red]) are not date parts.
  const codes = numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .toLowerCase();
  if (/[dh]|aaa/.test(codes) || !/y/.test(codes)) return 'day';
  return /m/.test(codes) ? 'month' : 'year';
}

/** A date as YYYY-MM-DD, YYYY-MM or YYYY, as much as its format shows. */
function dateText(date: Date, numFmt: string | undefined): string {
  const iso = date.toISOString();
  const parts = numFmt ? dateParts(numFmt) : 'day';
  return iso.slice(0, parts === 'year' ? 4 : parts === 'month' ? 7 : 10);
}

/** Days from 1899-12-30, Excel's (1900 system) day 0, to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;

/**
 * A number or date cell's text as the editor sees it in Excel or WPS. A
 * number typed `2008.10` is stored as 2008.1: only its format ('0.00')
 * shows the trailing zero, so a fixed-decimals format is applied — and only
 * when the text it shows is the same number (a format that hides digits, a
 * grouping, a percent or a scale would change the value, or hide a phone
 * number from the privacy scan; the value is kept then). A date keeps the
 * parts its format shows. `loose` is true when the text reads as a year and
 * a one-digit month (2008.1), which is 2008.10 with its zero dropped as
 * often as January.
 */
export function shownText(value: number | Date, numFmt: string | undefined): { text: string; loose: boolean } {
  const fmt = numFmt && numFmt !== 'General' && numFmt !== '@' ? numFmt : undefined;
  if (value instanceof Date) return { text: dateText(value, fmt), loose: false };
  let text = String(value);
  if (fmt && isDateFormat(fmt)) {
    return { text: dateText(new Date(Math.round((value - EXCEL_EPOCH_DAYS) * 86_400_000)), fmt), loose: false };
  }
  if (fmt) {
    const info = getFormatInfo(fmt);
    if (info.type === 'number' && !info.grouped && !info.isPercent && info.scale === 1) {
      const shown = formatNumber(fmt, value).trim();
      if (/^-?\d+(?:\.\d+)?$/.test(shown) && Number(shown) === value) text = shown;
    }
  }
  return { text, loose: /^\d{4}\.\d$/.test(text) };
}

/** Why a number cell read as `2008.1` cannot be a birth month, and what to type instead. */
export function looseBirthReason(text: string): string {
  const year = text.slice(0, 4);
  return `出生年月“${text}”在表格里是数字，Excel 会去掉末尾的 0，看不出是 1 月还是 10 月：请把这一格改成文字，写成 ${year}-10 或 ${year}年10月（1 月就写 ${year}-01）`;
}

/** Row numbers as a short list: 5—8、11. */
export function rowRanges(rows: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === (rows[j] ?? 0) + 1) j++;
    parts.push(j > i ? `${rows[i]}—${rows[j]}` : `${rows[i]}`);
    i = j;
  }
  return parts.join('、');
}
