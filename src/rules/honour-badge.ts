/**
 * What an honour badge says of its level, for HonourBadge.astro and the search
 * page's cards (src/client/): the colour by class, and the same in words for
 * screen readers. Browser-safe.
 */
import type { Level } from '../model/schema.ts';
import { t } from '../strings.ts';

/** The badge's classes: its colour says the level. */
export const badgeClass = (level?: Level): string => (level ? `badge level-${level}` : 'badge');

/** The level in words, read before the title (never colour alone). */
export const levelWords = (level: Level): string => `${t.levels[level]}${t.entry.honourOf}`;

/** A level as the search index stores it (text), if it is one. */
export const levelOf = (text: string | undefined): Level | undefined =>
  text !== undefined && Object.hasOwn(t.levels, text) ? (text as Level) : undefined;

/** Each level's badge colour (residents' design brief; global.css paints the same, a test keeps them equal). */
export const LEVEL_COLOURS = {
  national: '#a3161b',
  provincial: '#8c1c2c',
  city: '#734a0e',
  county: '#3d5566',
} as const satisfies Record<Level, string>;

/** The level a badge's classes say (`badgeClass`), if any: the share card reads it from the page. */
export const levelOfClass = (classes: string): Level | undefined =>
  levelOf(/(?:^|\s)level-([a-z]+)/.exec(classes)?.[1] ?? '');

/** Where a badge's title may break, in the text the search page's cards receive (a zero-width space). */
export const BADGE_BREAK = '\u200b';

/**
 * A title in the pieces a badge keeps whole, so a line never ends with a lone character
 * (全国道德模范提名奖 broke as 全国道德模范提名 / 奖): the break goes before the tail the
 * title shares with its short name (全国道德模范 | 提名奖, short 全国提名奖), or before the
 * short name when the title ends with it (临汾市 | 新时代好少年). A tail of one character,
 * or none, leaves the title whole.
 */
export function badgePieces(name: string, short?: string): string[] {
  const chars = Array.from(name);
  const shortChars = Array.from(short ?? '');
  let tail = 0;
  while (
    tail < chars.length &&
    tail < shortChars.length &&
    chars[chars.length - 1 - tail] === shortChars[shortChars.length - 1 - tail]
  )
    tail++;
  if (tail < 2 || tail >= chars.length) return [name];
  return [chars.slice(0, -tail).join(''), chars.slice(-tail).join('')];
}

/** A title's pieces: before its tail (badgePieces), and its head after a leading place (phrasePieces). */
export const titlePieces = (name: string, short?: string): string[] =>
  badgePieces(name, short).flatMap((piece, i) => (i === 0 ? phrasePieces(piece) : [piece]));

/** A place at the start of a name or title: 汾西县 of 汾西县巾帼志愿服务队, 临汾市 of 临汾市最佳志愿服务组织. */
const LEADING_PLACE = /^(\p{sc=Han}{1,3}?[省市县区])(.{3,})$/u;

/**
 * A name or title in the pieces a line may break between (pages set them with word-break: keep-all, so
 * a browser breaks only there, and inside a piece only when nothing else fits): after a leading place,
 * so 汾西县巾帼志愿服务队 breaks as 汾西县 / 巾帼志愿服务队, never inside a word (汾西县巾帼志 / 愿服务队).
 */
export function phrasePieces(text: string): string[] {
  const m = LEADING_PLACE.exec(text);
  return m?.[1] && m[2] ? [m[1], m[2]] : [text];
}
