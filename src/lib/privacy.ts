/**
 * Personal data that must never publish: resident ID numbers, mobile and
 * landline numbers, and detailed home addresses. Used by the content check
 * and the spreadsheet import on every text field and the story.
 */

export interface PersonalDataHit {
  kind: 'id' | 'mobile' | 'landline' | 'address';
  /** The text that matched, as written. */
  match: string;
}

/** What each kind is called in messages, and how to fix it. */
export const PERSONAL_DATA_LABELS: Record<PersonalDataHit['kind'], { what: string; fix: string }> = {
  id: { what: '身份证号码', fix: '请删除身份证号码，网站上不公开' },
  mobile: { what: '手机号码', fix: '请删除手机号码，网站上不公开' },
  landline: { what: '固定电话号码', fix: '请删除电话号码；纠错联系方式只写在站点设置里' },
  address: { what: '详细家庭住址', fix: '请只写到村、社区或单位，删除门牌号、楼号、单元和房间号' },
};

// 18-digit resident ID: 6-digit area code, birth date 18xx–20xx, 3-digit sequence, check digit or X.
const ID =
  /(?<![0-9０-９])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9０-９])/g;
// Mainland mobile: 1[3-9] then 9 digits, optionally written 138-1234-5678 or 138 1234 5678, optionally +86.
const MOBILE = /(?<![0-9])(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?![0-9])/g;
// Landline with area code: 0357-1234567, (0357)1234567, （0357）1234567, 0357 1234567.
const LANDLINE = /(?<![0-9])(?:[(（]0\d{2,3}[)）]\s?|0\d{2,3}[\s-])\d{7,8}(?![0-9])/g;
// A street number, or a building, unit or room: 解放路12号, 3号楼, 2单元, 501室, 5栋.
const ADDRESS =
  /(?:[\u4e00-\u9fa5]{1,10}(?:路|街|巷|胡同|大道)\s?\d+\s?号(?:院)?)|(?:\d+\s?(?:号楼|栋|幢|单元|室)(?![\u4e00-\u9fa5]{0,1}(?:年|人|次|名)))/g;

/** Normalises full-width digits and letters so ０３５７ is caught like 0357. */
function halfWidth(text: string): string {
  return text.replace(/[０-９Ｘｘ（）－]/g, (c) =>
    c === '（' ? '(' : c === '）' ? ')' : c === '－' ? '-' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** Every piece of personal data in a text. */
export function findPersonalData(text: string): PersonalDataHit[] {
  const t = halfWidth(text);
  const hits: PersonalDataHit[] = [];
  const ids = [...t.matchAll(ID)].map((m) => m[0]);
  for (const m of ids) hits.push({ kind: 'id', match: m });
  for (const m of t.matchAll(MOBILE)) {
    if (!ids.some((id) => id.includes(m[0].replace(/\D/g, '')))) hits.push({ kind: 'mobile', match: m[0].trim() });
  }
  for (const m of t.matchAll(LANDLINE)) hits.push({ kind: 'landline', match: m[0].trim() });
  for (const m of t.matchAll(ADDRESS)) hits.push({ kind: 'address', match: m[0].trim() });
  return hits;
}

/** A masked form for messages, so the error output does not spread the number further: 1401**********1234. */
export function mask(match: string): string {
  const s = match.replace(/\s/g, '');
  return s.length <= 6 ? s : `${s.slice(0, 3)}${'*'.repeat(s.length - 6)}${s.slice(-3)}`;
}
