/** Personal data in the content, as the content check and the import report it (the scanner is src/rules/privacy.ts). */
import { fieldPath } from '../rules/problems.ts';
import {
  findPersonalData,
  hitKey,
  joinedText,
  mask,
  normaliseForScan,
  PERSONAL_DATA_LABELS,
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
  return findPersonalData(text, allowed).map((hit) => {
    const label = PERSONAL_DATA_LABELS[hit.kind];
    return `含有${label.what}（${mask(hit.match)}）：${label.fix}`;
  });
}

/**
 * Personal data that only shows when `blocks` are read one after another —
 * a number split across paragraphs, list items or table cells — as 语音阅读
 * and the story index read them (joinedText); what one block holds alone is
 * reported with that block. Each with the index of the block it starts in.
 */
export function joinedDataProblems(
  blocks: readonly string[],
  allowed: PublicContacts = {},
): Array<{ message: string; block: number }> {
  const alone = new Set(blocks.flatMap((b) => findPersonalData(b, allowed).map(hitKey)));
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
