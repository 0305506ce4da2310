/**
 * Chinese names: surname splitting and pinyin with surname readings
 * (曾 zēng, 单 shàn, 解 xiè, 区 ōu, 仇 qiú …), through pinyin-pro's surname mode.
 */
import { customPinyin, pinyin } from 'pinyin-pro';
import type { Kind } from './schema.ts';

// Place names whose local reading differs from the dictionary's (洪洞 is Hóngtóng),
// so a group named after its county gets the slug and search key residents expect.
customPinyin({ 洪洞: 'hóng tóng', 尧都: 'yáo dū', 六安: 'lù ān', 蚌埠: 'bèng bù', 番禺: 'pān yú', 铅山: 'yán shān' });

/** Two-character surnames that must be read and sorted as one surname. */
export const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '尉迟',
  '长孙',
  '令狐',
  '皇甫',
  '东方',
  '慕容',
  '司徒',
  '夏侯',
  '公孙',
  '宇文',
  '澹台',
  '万俟',
  '端木',
  '轩辕',
  '西门',
  '独孤',
  '南宫',
  '申屠',
  '闻人',
  '呼延',
  '赫连',
  '百里',
  '东郭',
  '公冶',
  '太叔',
  '钟离',
] as const;

const compound = new Set<string>(COMPOUND_SURNAMES);

/** Splits a person's name into surname and given name. */
export function splitName(name: string): { surname: string; given: string } {
  const n = name.trim();
  const head = n.slice(0, 2);
  const cut = compound.has(head) && n.length > 2 ? 2 : 1;
  return { surname: n.slice(0, cut), given: n.slice(cut) };
}

/** Toneless pinyin syllables of a name, surnames read as surnames; ü is written v. */
export function nameSyllables(name: string): string[] {
  return pinyin(name.trim(), { toneType: 'none', type: 'array', surname: 'head', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
}

/** A county's pinyin without its suffix, as residents type it: 洪洞县 → hongtong, 侯马市 → houma, 吉县 → ji. */
export function placePinyin(name: string): string {
  const bare = name.trim().replace(/(?<=.)[县市区旗]$/u, '');
  return pinyin(bare, { toneType: 'none', type: 'array', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .join('');
}

/** Pinyin of a person's name as surname and given name: 欧阳明 → ["ouyang", "ming"]. */
export function personPinyin(name: string): { surname: string; given: string } {
  const { surname, given } = personSyllables(name);
  return { surname: surname.join(''), given: given.join('') };
}

/** The syllables of a person's name, split at the surname (read as a surname). */
function personSyllables(name: string): { surname: string[]; given: string[] } {
  const all = nameSyllables(name);
  const cut = nameSyllables(splitName(name).surname).length;
  return { surname: all.slice(0, cut), given: all.slice(cut) };
}

/** Initials of each syllable: 张建国 → zjg. */
export function nameInitials(name: string): string {
  return nameSyllables(name)
    .map((s) => s[0])
    .join('');
}

/**
 * Sort key by pinyin: a person's surname is one unit (欧阳 → "ouyang"), so
 * 欧伟 ("ou wei") sorts before 欧阳明 ("ouyang ming"); families and groups
 * sort by all their syllables.
 */
export function pinyinSortKey(name: string, kind: Kind = 'person'): string {
  if (kind !== 'person') return nameSyllables(name).join(' ');
  const { surname, given } = personSyllables(name);
  return [surname.join(''), ...given].join(' ');
}
