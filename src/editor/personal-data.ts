/** Personal data in the content, as the content check and the import report it (the scanner is src/rules/privacy.ts). */
import { fieldPath, type ProblemCode } from '../rules/problems.ts';
import { formatPartialDate } from '../strings.ts';
import {
  findPersonalData,
  hitKey,
  joinedText,
  mask,
  normaliseForScan,
  PERSONAL_DATA_CODES,
  PERSONAL_DATA_LABELS,
  type PersonalDataHit,
  type PublicContacts,
} from '../rules/privacy.ts';

/**
 * Every string and number in parsed YAML with its field path, as the privacy scan reads it (a
 * number field such as `session: 13812345679` is shown on the page as its digits).
 */
export function textFields(value: unknown, path: Array<string | number> = []): Array<[string, string]> {
  if (typeof value === 'string') return [[fieldPath(path), value]];
  if (typeof value === 'number' || typeof value === 'bigint') return [[fieldPath(path), String(value)]];
  if (Array.isArray(value)) return value.flatMap((v, i) => textFields(v, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => textFields(v, [...path, k]));
  }
  return [];
}

/** Problems with personal data in a text, in the form the checks print; `allowed` are the site's own public contacts. */
export function personalDataProblems(text: string, allowed: PublicContacts = {}): string[] {
  return personalDataFindings(text, allowed).map((f) => f.message);
}

/** The same problems, each with its code (src/rules/problem-codes.ts). */
export function personalDataFindings(
  text: string,
  allowed: PublicContacts = {},
): Array<{ code: ProblemCode; message: string }> {
  return findPersonalData(text, allowed).map(finding);
}

/** A hit as the checks report it. */
const finding = (hit: PersonalDataHit): { code: ProblemCode; message: string } => {
  const label = PERSONAL_DATA_LABELS[hit.kind];
  return { code: PERSONAL_DATA_CODES[hit.kind], message: `含有${label.what}（${mask(hit.match)}）：${label.fix}` };
};

/**
 * Personal data that only shows when `blocks` are read one after another —
 * a number split across paragraphs, list items or table cells — as 语音阅读
 * and the story index read them (joinedText); what one block holds alone is
 * reported with that block. Each with the index of the block it starts in.
 */
export function joinedDataProblems(
  blocks: readonly string[],
  allowed: PublicContacts = {},
  /** The hits already reported from the texts one by one (hitKey); the blocks' own when not given. */
  alone: ReadonlySet<string> = keysOf(blocks, allowed),
): Array<{ message: string; block: number }> {
  return findPersonalData(joinedText(blocks), allowed)
    .filter((hit) => !alone.has(hitKey(hit)))
    .map((hit) => {
      const label = PERSONAL_DATA_LABELS[hit.kind];
      const head = /^[^\s\p{P}\p{S}]+/u.exec(hit.match)?.[0] ?? hit.match;
      return {
        message: `分在几段、几个列表项或表格格子里的数字，连起来读是${label.what}（${mask(hit.match)}）：朗读和站内搜索会把它们读成一个号码。${label.fix}`,
        block: Math.max(
          0,
          blocks.findIndex((b) => normaliseForScan(b).includes(head)),
        ),
      };
    });
}

/** Personal-data problems of one story listed in full; past this, one line says how many more there are. */
const STORY_LISTED = 20;

/**
 * Personal data in a story's blocks (storyText, with their lines): each
 * block alone, then the blocks read one after another (links apart: a reader
 * does not hear them). A story of nothing but numbers gets its first
 * STORY_LISTED problems and a count, not 24,000 lines.
 */
export function storyDataProblems(
  blocks: ReadonlyArray<{ line: number; text: string; url?: true }>,
  allowed: PublicContacts = {},
): Array<{ code: ProblemCode; message: string; line?: number }> {
  const found: Array<{ code: ProblemCode; message: string; line?: number }> = [];
  // Each block is scanned once: its hits are reported, and are not reported again when joined.
  const alone = new Set<string>();
  for (const b of blocks)
    for (const hit of findPersonalData(b.text, allowed)) {
      alone.add(hitKey(hit));
      found.push({ ...finding(hit), line: b.line });
    }
  const spoken = blocks.filter((b) => !b.url);
  for (const { message, block } of joinedDataProblems(
    spoken.map((b) => b.text),
    allowed,
    alone,
  ))
    found.push({ code: 'privacy.joined', message, line: spoken[block]?.line });
  if (found.length <= STORY_LISTED) return found;
  return [
    ...found.slice(0, STORY_LISTED),
    {
      code: 'privacy.more',
      message: `正文里还有 ${found.length - STORY_LISTED} 处个人信息（电话、证件号、邮箱、住址等）：请先删除上面列出的，再运行检查`,
      line: found[STORY_LISTED]?.line,
    },
  ];
}

/** The hits of texts read one by one, as hitKey names them. */
const keysOf = (texts: readonly string[], allowed: PublicContacts): Set<string> =>
  new Set(texts.flatMap((t) => findPersonalData(t, allowed).map(hitKey)));

const stringAt = (record: unknown, key: string): string => {
  const value = (record as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

/**
 * Personal data that an entry's fields spell only as the page shows them side
 * by side: an honour's batch and note on one line (第138 1234 · 5678号), each
 * source's title with its date (第1381234（2026年3月21日）) and the sources one
 * after another. Each field alone is scanned with the others (textFields).
 */
export function sideBySideProblems(
  data: unknown,
  allowed: PublicContacts = {},
): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  const list = (key: string): unknown[] => {
    const value = (data as Record<string, unknown> | null)?.[key];
    return Array.isArray(value) ? value : [];
  };
  list('honours').forEach((honour, i) => {
    const parts = [stringAt(honour, 'batch'), stringAt(honour, 'note')].filter(Boolean);
    for (const { message } of joinedDataProblems([parts.join(' · ')], allowed, keysOf(parts, allowed)))
      out.push({ field: `honours[${i}].note`, message });
  });
  const sources = list('sources').map((source) => {
    const date = stringAt(source, 'date');
    return {
      title: stringAt(source, 'title'),
      shown: date ? `${stringAt(source, 'title')}（${formatPartialDate(date)}）` : stringAt(source, 'title'),
    };
  });
  for (const { message, block } of joinedDataProblems(
    sources.map((s) => s.shown),
    allowed,
    keysOf(
      sources.map((s) => s.title),
      allowed,
    ),
  ))
    out.push({ field: `sources[${block}].title`, message });
  return out;
}
