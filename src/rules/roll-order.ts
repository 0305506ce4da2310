/**
 * The two orders residents meet on honour rolls:
 * - by pinyin of the name, surnames read as surnames (曾 zēng, 单 shàn);
 * - 按姓氏笔画: by the surname's stroke count, then its strokes in writing
 *   order classed 横 丨 丿 丶 乛 (the order of official notices), then the
 *   given name the same way.
 */
import cnchar from 'cnchar';
import order from 'cnchar-order';
import { splitName } from '../model/names.ts';

cnchar.use(order);

/** The five stroke classes in their official order: 横 1, 竖 2, 撇 3, 点 4, 折 5. */
export function strokeClass(shape: string): number {
  const s = shape.split('|')[0] ?? '';
  if (s === '一' || s === '㇀') return 1; // 提 counts as 横
  if (s === '丨') return 2;
  if (s === '丿') return 3;
  if (s === '丶' || s === '㇏') return 4; // 捺 counts as 点
  return 5; // every turning or hooked stroke, 竖钩 included
}

const charKeys = new Map<string, number[]>();

/** Stroke count followed by the class of each stroke; unknown characters sort last. */
export function charStrokeKey(char: string): number[] {
  let key = charKeys.get(char);
  if (key) return key;
  const shapes = (cnchar.stroke(char, 'order', 'shape') as unknown as Array<string[] | undefined>)[0];
  key = shapes && shapes.length ? [shapes.length, ...shapes.map(strokeClass)] : [999];
  charKeys.set(char, key);
  return key;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

function compareChars(a: string, b: string): number {
  const ca = Array.from(a);
  const cb = Array.from(b);
  for (let i = 0; i < Math.max(ca.length, cb.length); i++) {
    const x = ca[i];
    const y = cb[i];
    if (x === undefined || y === undefined) return x === undefined ? (y === undefined ? 0 : -1) : 1;
    const d = compareKeys(charStrokeKey(x), charStrokeKey(y));
    if (d !== 0) return d;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** 按姓氏笔画: surname first (a compound surname as one unit), then the given name. */
export function compareStrokes(a: { name: string }, b: { name: string }): number {
  const na = splitName(a.name);
  const nb = splitName(b.name);
  return compareChars(na.surname, nb.surname) || compareChars(na.given, nb.given);
}

/** By pinyin with surname readings; names that read alike (区 and 欧 are both ōu) by strokes. */
export function comparePinyin(a: { pinyinKey: string; name: string }, b: { pinyinKey: string; name: string }): number {
  if (a.pinyinKey !== b.pinyinKey) return a.pinyinKey < b.pinyinKey ? -1 : 1;
  return compareStrokes(a, b);
}

/** The orders of a roll; each names a path segment of its pages (/people/strokes/). */
export const ROLL_ORDERS = ['pinyin', 'strokes'] as const;
export type RollOrder = (typeof ROLL_ORDERS)[number];

/** A sorted copy in the given order. */
export function sortBy<T extends { name: string; pinyinKey: string }>(items: readonly T[], by: RollOrder): T[] {
  return [...items].sort(by === 'pinyin' ? comparePinyin : compareStrokes);
}
