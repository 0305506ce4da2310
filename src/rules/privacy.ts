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
import type { ProblemCode } from './problem-codes.ts';

export type PersonalDataKind = 'id' | 'mobile' | 'landline' | 'email' | 'im' | 'bank' | 'address';

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
  im: { what: 'QQ号或微信号', fix: '请删除QQ号、微信号，网站上不公开' },
  bank: { what: '银行卡号', fix: '请删除银行卡号，网站上不公开' },
  address: { what: '详细家庭住址', fix: '请只写到村、社区或单位，删除门牌号、楼号、单元和房间号' },
};

/** The problem code of each kind (src/rules/problem-codes.ts). */
export const PERSONAL_DATA_CODES = {
  id: 'privacy.id-card',
  mobile: 'privacy.mobile',
  landline: 'privacy.landline',
  email: 'privacy.email',
  im: 'privacy.im',
  bank: 'privacy.bank-card',
  address: 'privacy.address',
} as const satisfies Record<PersonalDataKind, ProblemCode>;

/** Contacts the site publishes on purpose (the office's own): accepted exactly, nothing else. */
export interface PublicContacts {
  emails?: readonly string[];
  phones?: readonly string[];
  addresses?: readonly string[];
}

/** Every decimal digit of another script (Arabic-Indic ١, Devanagari १, …) with its value, by code point. */
const SCRIPT_DIGITS: ReadonlyMap<number, string> = (() => {
  const digits = new Map<number, string>();
  // Unicode keeps each script's digits 0-9 on consecutive code points, zero first; all of them are
  // below U+20000. Built once per process in about 10 ms.
  let zero = -1;
  for (let cp = 0x80; cp < 0x20000; cp++) {
    if (!/\p{Nd}/u.test(String.fromCodePoint(cp))) {
      zero = -1;
      continue;
    }
    if (zero < 0 || cp - zero >= 10) zero = cp;
    digits.set(cp, String(cp - zero));
  }
  return digits;
})();

/** Chinese digit words, everyday, financial (大写, and its variants 叄 弌 壱), as read over a radio (洞幺两拐勾) and Suzhou numerals (〡〢〣), as digits. 十, 百, 千 and 万 are not among them: they end a run. */
const WORD_DIGITS: Readonly<Record<string, string>> = Object.fromEntries(
  [
    ['〇零○洞', '0'],
    ['一幺壹弌壱〡', '1'],
    ['二两贰貳兩弍弐〢', '2'],
    ['三叁參叄弎参〣', '3'],
    ['四肆〤', '4'],
    ['五伍〥', '5'],
    ['六陆陸〦', '6'],
    ['七柒拐〧', '7'],
    ['八捌〨', '8'],
    ['九玖勾〩', '9'],
  ].flatMap(([words = '', digit = '']) => Array.from(words, (w) => [w, digit])),
);
const WORD = `[${Object.keys(WORD_DIGITS).join('')}0-9]`;
/**
 * Seven or more digit words and digits side by side, or with spacing or
 * punctuation between them (一三八一二三四五六七八): from this many, the words
 * are read as digits. A run of digits alone is left as it is.
 */
const WORD_RUN = new RegExp(`${WORD}(?:[\\s\\p{P}\\p{S}]*${WORD}){6,}`, 'gu');
/**
 * A decimal digit of another script than ASCII, as an explicit class: a
 * `\p{Nd}` test at every character took 7 times as long on the pages of the
 * 10,000-entry bench.
 */
const SCRIPT_DIGIT = new RegExp(
  `[${[...SCRIPT_DIGITS.keys()]
    .filter((cp) => SCRIPT_DIGITS.get(cp) === '0')
    .map((zero) => `\\u{${zero.toString(16)}}-\\u{${(zero + 9).toString(16)}}`)
    .join('')}]`,
  'gu',
);

/**
 * Digits in circles that NFKC leaves as they are (❶ ➀ ➊ ⓵ ⓿ 🄋): the first code point of each
 * run of nine (1-9), and the zeros.
 */
const DINGBAT_DIGITS: ReadonlyMap<string, string> = new Map([
  ...[0x2776, 0x2780, 0x278a, 0x24f5].flatMap((one) =>
    Array.from({ length: 9 }, (_, k): [string, string] => [String.fromCodePoint(one + k), String(k + 1)]),
  ),
  ...[0x24ff, 0x1f10b, 0x1f10c].map((zero): [string, string] => [String.fromCodePoint(zero), '0']),
]);
const DINGBAT_DIGIT = new RegExp(`[${[...DINGBAT_DIGITS.keys()].join('')}]`, 'gu');
/** Characters that show as blank space though they are letters or symbols (Hangul fillers, the Braille blank). */
const BLANKS = /[\u115f\u1160\u3164\uffa0\u2800]/g;

/**
 * The text a reader would see, in the form the detectors read: references
 * decoded, full-width folded, format characters (zero-width spaces, joiners,
 * soft hyphens, BOMs) and combining marks removed, blank-looking letters as
 * spaces, digits of every script and in circles as ASCII digits, and
 * runs of seven or more Chinese digit words (幺三八 幺二三四 五六七八) as digits.
 * A year or an amount in words (一九九八, 一千三百) stays as it is.
 */
export function normaliseForScan(text: string): string {
  return normalised(text).text;
}

/**
 * normaliseForScan's text, and which of its characters were digit words: a name that ends in one
 * (张三, 周一, 王五六) glued to a number becomes one digit longer than the number (张311010519…),
 * so the scan also reads a run without the word digits at its ends.
 */
function normalised(text: string): { text: string; words: Uint8Array } {
  const folded = decodeHTML(text)
    .normalize('NFKC')
    // Format characters and combining marks are invisible or sit on a digit (the keycap of 1️⃣).
    .replace(/[\p{Cf}\p{Mn}\p{Me}]/gu, '')
    .replace(BLANKS, ' ')
    .replace(DINGBAT_DIGIT, (d) => DINGBAT_DIGITS.get(d) ?? d)
    .replace(SCRIPT_DIGIT, (d) => SCRIPT_DIGITS.get(d.codePointAt(0) ?? 0) ?? d);
  const words = new Uint8Array(folded.length);
  // Each word is one UTF-16 unit and becomes one digit: offsets stay as they were.
  const out = folded.replace(WORD_RUN, (run: string, offset: number) => {
    let at = offset;
    let digits = '';
    for (const c of run) {
      const digit = WORD_DIGITS[c];
      if (digit !== undefined) words[at] = 1;
      digits += digit ?? c;
      at += c.length;
    }
    return digits;
  });
  return { text: out, words };
}

/**
 * Characters that may sit between the digits of one number: any punctuation
 * or symbol (dots, dashes, commas, 、, ★, emoji, brackets, Markdown emphasis); any
 * run of spacing may sit there too, however long (a reader and a search
 * index collapse it).
 */
const SEPARATOR = /^[\p{P}\p{S}]$/u;
const SPACE = /^\s$/u;
/**
 * At most this many separator characters (besides spacing) between two digit
 * groups of one number: a Chinese ellipsis (……, six dots once folded) or a
 * run of dashes or emoji still joins; a colon never does (13:45:20, 13:8).
 */
const MAX_GAP = 8;

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
      let marks = 0;
      // By code point: an emoji is two UTF-16 units.
      while (i + gap < t.length) {
        const s = String.fromCodePoint(t.codePointAt(i + gap) ?? 0);
        if (!SPACE.test(s)) {
          if (!SEPARATOR.test(s) || s === ':' || marks === MAX_GAP) break;
          marks += 1;
        }
        gap += s.length;
      }
      const next = t[i + gap] ?? '';
      if (!(next >= '0' && next <= '9') || run[run.length - 1]?.digits.endsWith('X')) {
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

/** Whether an 18-digit ID number's last character is its check digit (GB 11643). */
function idCheckDigit(d: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((n, w, k) => n + w * Number(d[k]), 0);
  return '10X98765432'[sum % 11] === d[17];
}

/**
 * What a number is, read as a whole; undefined for counts, years, amounts
 * and the like. In a link (`inUrl`) an article's numeric id is an id: no
 * number is taken for a bank card, and an ID number needs its check digit.
 */
function classify(d: string, inUrl = false): PersonalDataKind | undefined {
  if (/^[1-9]\d{16}[\dX]$/.test(d) && (!inUrl || idCheckDigit(d))) {
    if (validDate(Number(d.slice(6, 10)), Number(d.slice(10, 12)), Number(d.slice(12, 14)))) return 'id';
  }
  if (
    !inUrl &&
    /^[1-9]\d{14}$/.test(d) &&
    validDate(1900 + Number(d.slice(6, 8)), Number(d.slice(8, 10)), Number(d.slice(10, 12)))
  )
    return 'id';
  const mobile = d.replace(/^(?:0086|86)(?=1[3-9]\d{9}$)/, '');
  if (/^1[3-9]\d{9}$/.test(mobile)) return 'mobile';
  if (/^0[1-9]\d{8,10}$/.test(d)) return 'landline';
  if (!inUrl && /^[3-6]\d{15,18}$/.test(d) && luhn(d)) return 'bank';
  return undefined;
}

/** An e-mail's local part, starting where a run of such characters starts (so a long run is tried once, not at every character). */
const LOCAL = '(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}';
/** `@` as people write it to get past filters: ＠ (folded), spaced, (at), [at], 【at】, 艾特. */
const AT = '(?:\\s*@\\s*|\\s*[([【]\\s*(?:@|at|艾特)\\s*[)\\]】]\\s*|\\s*艾特\\s*)';
/** Weaker stand-ins for `@`, `#` and the word at: read as one only before a mail provider's domain (not office#2021.com). */
const WEAK_AT = '(?:\\s*#\\s*|\\s+at\\s+)';
/** Mail providers people in China use, which `#` or `at` before them makes an address. */
const MAIL_HOSTS = '(?:qq|foxmail|163|126|yeah|sina|sohu|139|189|wo|aliyun|gmail|hotmail|outlook|live|yahoo|icloud)';
/** Top-level domains that a space may stand in for the dot before (liuyi@qq com). */
const TLD = '(?:com|cn|net|org|edu|gov)';
/** `.` likewise: spaced, (dot), [dot], the word dot, 点, or a space before a common top-level domain. */
const DOT = `(?:\\s*[.。]\\s*|\\s*[([【]\\s*(?:dot|点|[.。])\\s*[)\\]】]\\s*|\\s+dot\\s+|\\s*点\\s*|\\s+(?=${TLD}(?![A-Za-z])))`;
const EMAIL = new RegExp(
  [
    `${LOCAL}${AT}[A-Za-z0-9-]{1,63}(?:${DOT}[A-Za-z0-9-]{1,63})*?${DOT}[A-Za-z]{2,}(?![A-Za-z])`,
    `${LOCAL}${WEAK_AT}${MAIL_HOSTS}${DOT}${TLD}(?![A-Za-z])`,
    // A QQ mailbox written without its domain's end: 12345678@qq.
    `(?<![\\d.])\\d{5,12}${AT}qq(?![A-Za-z0-9.])`,
  ].join('|'),
  'gi',
);
/** A QQ or WeChat id given as a contact: QQ号123456789, 微信号：liuyi_1988. */
const IM =
  /(?:QQ|扣扣)\s*(?:号码?)?\s*[:：]?\s*[1-9]\d{4,11}(?!\d)|(?:微信|weixin|wechat|vx|v信)\s*(?:号)?\s*[:：]\s*[A-Za-z][-_A-Za-z0-9]{5,19}(?![-_A-Za-z0-9])/gi;
/** An e-mail as written, in its plain form: liuyi (at) qq [dot] com → liuyi@qq.com. */
const plainEmail = (written: string): string => {
  const local = /^[A-Za-z0-9._%+-]+/.exec(written)?.[0] ?? '';
  const domain = written
    .slice(local.length)
    .replace(new RegExp(`^(?:${AT}|${WEAK_AT})`, 'i'), '')
    .replace(new RegExp(DOT, 'gi'), '.');
  return `${local}@${domain}`;
};

/** A number in digits or words, short (a run of 43,000 十 made the patterns below try each start for 34 s). */
const NUM = '[0-9一二三四五六七八九十百零〇两壹贰叁肆伍陆柒捌玖拾佰]{1,6}';
/** 号 and its traditional form; likewise 楼, 单元, 栋. */
const HAO = '[号號]';
/** A house number: 12, 甲12, 12-3, 12之3. */
const HOUSE = `(?:[甲乙丙丁]\\s?)?${NUM}(?:\\s?[-‐‑‒–—之]\\s?${NUM}){0,3}\\s?${HAO}`;
/** The dash, slash or # between building, unit and room (3-2-501, 3/2/501, 3#2-501). */
const BUR = '\\s?[-‐‑‒–—/#]\\s?';
// A street or village number, a building, unit or room: 解放路12号, 解放路甲12号, 解放路12-3号, 解放路口北12号,
// 门牌12号, 王家村十二号, 王庄村三组12号, 屯里镇28号, after 家住 or 住址 and a place (家住东关12号: a resident's
// nomination had it beside an ID number), 3号楼, 二单元, 501室, 5栋, and 3-2-501 (building, unit, room; after a
// place's name also 3.2.501 and 3 2 501). Not 三室一厅, 第二单元 (of a textbook), counts of people, dates
// (2021-03-15, 15/03/2021, 3月12号), a numbered player (第三组12号队员) or page ranges.
const ADDRESS = new RegExp(
  [
    `(?:[\\u4e00-\\u9fa5]{1,10}(?:路|街|巷|胡同|大道|弄)(?:口|[东西南北]侧|[东西南北中]段)?[东西南北]?\\s?${HOUSE}(?:院)?)`,
    `(?:(?:村|庄|屯|寨|镇|大院|小区|社区|花园|家园|公寓|新村|门牌)(?:${NUM}[组組队隊])?\\s?${HOUSE}(?![楼樓]))`,
    `(?:(?:家住|住在|住址|地址)[:：]?\\s?[\\u4e00-\\u9fa5]{1,12}?${HOUSE}(?![楼樓]))`,
    `(?:(?<!第)${NUM}\\s?(?:${HAO}[楼樓]|[栋棟幢]|[单單]元|室)(?![\\u4e00-\\u9fa5]{0,1}(?:年|人|次|名|厅|卫)))`,
    `(?:(?<![\\d-/])\\d{1,3}${BUR}\\d{1,2}${BUR}(?!(?:19|20)\\d\\d(?!\\d))\\d{3,4}(?![\\d-/]))`,
    `(?:(?<=(?:小区|花园|家园|公寓|新村|大厦|苑|院|楼)\\s?)\\d{1,3}[.\\s]\\d{1,2}[.\\s]\\d{3,4}(?![\\d.]))`,
  ].join('|'),
  'g',
);

/** A link written in a text, as far as URL characters go (a Chinese character ends it). */
// A scheme starts where a run of scheme characters starts, and is short: tried at every letter of `a.a.a…`, an
// unbounded one took 25 s on a 128 KB story.
const URL_IN_TEXT =
  /(?:(?<![a-z0-9+.-])[a-z][a-z0-9+.-]{0,30}:\/\/|(?<![\w.])www\.|(?<![\w.])(?:mailto|tel|sms|callto):)[\w\-.~:/?#[\]@!$&'()*+,;=%]*/gi;

/** A URL with its percent-encoding undone, however often applied (`%2531` → `%31` → `1`), byte by byte. */
function percentDecoded(url: string): string {
  let out = url;
  for (let round = 0; round < 4 && /%[0-9a-f]{2}/i.test(out); round++) {
    out = out
      // ASCII first, one byte at a time: an invalid sequence beside it cannot keep it encoded.
      .replace(/%([0-7][0-9a-f])/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/(?:%[89a-f][0-9a-f])+/gi, (bytes) => {
        try {
          return decodeURIComponent(bytes);
        } catch {
          return bytes;
        }
      });
  }
  return out;
}

/** Whether digit groups are an amount written with thousands separators (13,812,345,678), not a number of one's own. */
const isAmount = (groups: readonly Group[], t: string): boolean =>
  groups.length > 1 &&
  groups.every((g, k) => k === 0 || (g.digits.length === 3 && t.slice(groups[k - 1]?.end ?? 0, g.start) === ','));

/** At most this many digit words at each end of a run are tried without it (a name of up to three such characters). */
const MAX_WORD_TRIM = 3;

/**
 * What the digits of a span of groups are, read whole, else without up to MAX_WORD_TRIM digits at
 * either end that were digit words (张三 before an ID number, 一家 after a mobile); where it starts and ends in `t`.
 */
function readNumber(
  groups: readonly Group[],
  digits: string,
  words: Uint8Array,
  inUrl: boolean,
): { kind: PersonalDataKind; number: string; from: number; to: number } | undefined {
  // Where each digit is in the text (one UTF-16 unit each, an X too).
  const at = groups.flatMap((g) => Array.from(g.digits, (_, k) => g.start + k));
  const word = (k: number) => words[at[k] ?? -1] === 1;
  let lead = 0;
  while (lead < MAX_WORD_TRIM && word(lead)) lead += 1;
  let trail = 0;
  while (trail < MAX_WORD_TRIM && word(at.length - 1 - trail)) trail += 1;
  for (let a = 0; a <= lead; a++) {
    for (let b = 0; b <= trail; b++) {
      const number = digits.slice(a, digits.length - b);
      if (number.length < 10 || number.length > 19) continue;
      const kind = classify(number, inUrl);
      if (kind) return { kind, number, from: at[a] ?? 0, to: (at[at.length - 1 - b] ?? 0) + 1 };
    }
  }
  return undefined;
}

/** The hits of one normalised text; in a link (`inUrl`) numbers are read as classify() says. */
function scan(t: string, allowed: PublicContacts, inUrl: boolean, words: Uint8Array): PersonalDataHit[] {
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
        if (digits.length < 10 || digits.length > 19 + MAX_WORD_TRIM * 2) continue;
        const read = readNumber(groups, digits, words, inUrl);
        if (!read || isAmount(groups, t)) continue;
        const { kind, number, from, to } = read;
        found = j - i;
        if ((kind === 'mobile' || kind === 'landline') && phones.has(number)) continue;
        // Show the + of +86 or the bracket of (0357) with the number.
        const start = from > 0 && '+('.includes(t[from - 1] ?? '') ? from - 1 : from;
        hits.push({ kind, match: t.slice(start, to) });
      }
      i += found || 1;
    }
  }
  const emails = new Set((allowed.emails ?? []).map((e) => e.toLowerCase()));
  for (const m of t.matchAll(EMAIL)) {
    const email = plainEmail(m[0]);
    if (!emails.has(email.toLowerCase())) hits.push({ kind: 'email', match: email });
  }
  for (const m of t.matchAll(IM)) hits.push({ kind: 'im', match: m[0].replace(/\s/g, '') });
  for (const m of t.matchAll(ADDRESS)) {
    if ((allowed.addresses ?? []).some((a) => normaliseForScan(a).includes(m[0].trim()))) continue;
    hits.push({ kind: 'address', match: m[0].trim() });
  }
  return hits;
}

/**
 * Every piece of personal data in a text, however disguised; declared
 * public contacts excepted. A link in the text is read whole, percent-decoded
 * (scheme, path, query, fragment: `tel:%31%38…`, `mailto:liuyi%40qq.com`),
 * where only an article's numeric id is let through (classify); the rest of
 * the text is read around it.
 */
export function findPersonalData(text: string, allowed: PublicContacts = {}): PersonalDataHit[] {
  const links: PersonalDataHit[] = [];
  const { text: t, words } = normalised(text);
  // A link stands apart from the text around it: a control character ends any number.
  let rest = '';
  // No longer than the text: each link becomes one character.
  const restWords = new Uint8Array(t.length);
  let at = 0;
  for (const m of t.matchAll(URL_IN_TEXT)) {
    const url = normalised(percentDecoded(m[0]));
    links.push(...scan(url.text, allowed, true, url.words));
    restWords.set(words.subarray(at, m.index), rest.length);
    rest += `${t.slice(at, m.index)}\u0000`;
    at = m.index + m[0].length;
  }
  restWords.set(words.subarray(at), rest.length);
  rest += t.slice(at);
  return [...scan(rest, allowed, false, restWords), ...links];
}

/**
 * Blocks of a page read one after another, as the story index keeps them and
 * 语音阅读 speaks them: Pagefind joins blocks with `. ` and collapses
 * whitespace, so a number split across paragraphs, list items or table cells
 * is one number there.
 */
export const joinedText = (blocks: readonly string[]): string =>
  blocks
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('. ');

/** What identifies a hit whatever its spacing: its kind and its digits and letters. */
export const hitKey = (hit: PersonalDataHit): string =>
  `${hit.kind}:${hit.match.replace(/[^0-9A-Za-z@.\u4e00-\u9fa5]/g, '')}`;

/** A masked form for messages, so the error output does not spread the number further: 140************234. */
export function mask(match: string): string {
  const s = match.replace(/\s/g, '');
  if (s.includes('@')) return `${s.slice(0, 2)}***@${s.split('@')[1] ?? ''}`;
  return s.length <= 6 ? s : `${s.slice(0, 3)}${'*'.repeat(s.length - 6)}${s.slice(-3)}`;
}
