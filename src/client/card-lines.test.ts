import { describe, expect, it } from 'vitest';
import { wrap } from './card-lines.ts';

/** A context whose font sets every character 10 px wide: 17 a line at 170 px, as the card's deed at 38 px. */
const ctx = { measureText: (s: string) => ({ width: Array.from(s).length * 10 }) } as CanvasRenderingContext2D;

/** Where `lines` break inside a word of two to four characters, by the dictionary's words. */
function splitWords(lines: string[]): string[] {
  const text = lines.join('');
  const breaks = new Set(lines.slice(0, -1).map((_, i) => lines.slice(0, i + 1).join('').length));
  const split: string[] = [];
  for (const { segment, index } of new Intl.Segmenter('zh', { granularity: 'word' }).segment(text))
    if (/^\p{sc=Han}{2,4}$/u.test(segment))
      for (let k = index + 1; k < index + segment.length; k++) if (breaks.has(k)) split.push(segment);
  return split;
}

// Deeds of the sample's cards that the card had split (表演节 / 目。, 接送考 / 生) or ended on a line of one
// or two characters (过 / 冬。, 儿 / 童。).
const DEEDS = [
  '十几年如一日照顾瘫痪在床的婆婆，每逢节日还为村里老人表演节目。',
  '三十年来风雨无阻义务接送考生五千余人次，从不收取一分钱。',
  '入冬前为村里孤寡老人送去煤炭让他过冬。',
  '坚持为村里的留守儿童辅导功课帮助儿童。',
];

describe("the share card's wrap", () => {
  it('breaks between words, never inside one nor before a closing mark, within the width', () => {
    for (const deed of DEEDS) {
      const lines = wrap(ctx, deed, 170, 4);
      expect(lines.join('')).toBe(deed);
      expect(splitWords(lines), lines.join(' / ')).toEqual([]);
      for (const l of lines) {
        // A closing mark may hang past the width (悬挂标点), as it did before.
        expect(Array.from(l.replace(/[，。、]$/u, '')).length, l).toBeLessThanOrEqual(17);
        expect(l, lines.join(' / ')).not.toMatch(/^[，。、]/u);
      }
    }
  });

  it('leaves no last line of one or two characters', () => {
    for (const deed of DEEDS) {
      const lines = wrap(ctx, deed, 170, 4);
      expect(Array.from(lines.at(-1) ?? '').length, lines.join(' / ')).toBeGreaterThan(2);
    }
  });

  it('keeps a count with its unit, and cuts to the lines it may take with …', () => {
    const lines = wrap(ctx, DEEDS[1]?.repeat(3) ?? '', 170, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/u);
    // Six characters a line: one at a time, 共接送了12 / 位老人.
    const count = wrap(ctx, '共接送了12位老人', 60, 3);
    expect(count.join('|'), count.join(' / ')).not.toMatch(/\d\||\|位/u);
  });
});
