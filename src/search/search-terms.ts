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
