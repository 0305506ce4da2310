/**
 * Extra words indexed for each name, so a resident finds a person by any
 * part of the name or by pinyin typed without switching input methods.
 * Pagefind's Chinese segmentation alone misses substrings that cross a word
 * boundary, and it knows no pinyin.
 */
import { nameInitials, nameSyllables, personPinyin } from '../model/names.ts';
import type { Kind } from '../model/schema.ts';

/** Longest name whose every substring is indexed; longer group names index their 2–4 character runs. */
const FULL_SUBSTRINGS_UP_TO = 8;

/** Every run of two or more consecutive characters: 张建国 → 张建 建国 张建国. */
export function nameSubstrings(name: string): string[] {
  const chars = Array.from(name.replace(/[\s\p{P}]/gu, ''));
  const maxLen = chars.length <= FULL_SUBSTRINGS_UP_TO ? chars.length : 4;
  const out = new Set<string>();
  for (let len = 2; len <= maxLen; len++) {
    for (let i = 0; i + len <= chars.length; i++) out.add(chars.slice(i, i + len).join(''));
  }
  if (chars.length > FULL_SUBSTRINGS_UP_TO) out.add(chars.join(''));
  return [...out];
}

/**
 * The words a name is found by: its substrings, full pinyin joined
 * (zhangjianguo), surname and given name apart (zhang jianguo), each
 * syllable, and initials (zjg). Surnames take their surname reading.
 */
export function nameSearchTerms(name: string, kind: Kind): string[] {
  const syllables = nameSyllables(name);
  const terms = new Set<string>(nameSubstrings(name));
  terms.add(syllables.join(''));
  terms.add(nameInitials(name));
  if (kind === 'person') {
    const { surname, given } = personPinyin(name);
    terms.add(surname);
    if (given) terms.add(given);
    terms.add(surname + given);
  }
  for (const s of syllables) terms.add(s);
  return [...terms].filter(Boolean);
}

/** Letters and digits run together: where a query's segmenter cuts them apart and the index's does not. */
const LETTERS_AND_DIGITS =
  /[\p{Script=Latin}\p{N}]*(?:\p{Script=Latin}\p{N}|\p{N}\p{Script=Latin})[\p{Script=Latin}\p{N}]*/gu;

/**
 * The parts of each run of Latin letters and digits in `text` (G309 → G, 309). The index keeps
 * such a run whole (g309) while the browser cuts a query at the digits (309国道 → 309 | 国道),
 * so "309国道" found nothing where the page says "G309国道".
 */
export function letterDigitParts(text: string): string[] {
  const out = new Set<string>();
  for (const [run] of text.matchAll(LETTERS_AND_DIGITS))
    for (const part of run.match(/\p{Script=Latin}+|\p{N}+/gu) ?? []) out.add(part);
  return [...out];
}

/**
 * Extra words for a short field the story index must find by any of its words (a work unit,
 * an honour's or a release's title): the words as the browser's segmenter cuts a query
 * (Pagefind segments the page with jieba when it builds and the query with Intl.Segmenter when
 * it searches, and the two disagree: Pagefind issue #1237), and the parts of letter-digit runs.
 * Node's ICU cuts as Chromium's and WebKit's do.
 */
export function fieldSearchTerms(text: string): string[] {
  const out = new Set<string>();
  for (const { segment, isWordLike } of new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment(text))
    // Single characters are words of the index already.
    if (isWordLike && Array.from(segment).length > 1) out.add(segment);
  for (const part of letterDigitParts(text)) out.add(part);
  return [...out];
}
