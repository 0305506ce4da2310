import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEVEL_COLOURS, badgePieces, levelOfClass, phrasePieces } from './honour-badge.ts';

describe('level colours', () => {
  it('are the colours the pages paint the badges in (the share card draws them)', () => {
    const css = readFileSync(new URL('../styles/global.css', import.meta.url), 'utf8');
    const painted = (selector: string) =>
      new RegExp(`${selector.replace(/\./g, '\\.')} \\{[^}]*background: (#[0-9a-f]{6})`).exec(css)?.[1];
    expect(painted('.badge')).toBe(LEVEL_COLOURS.county);
    for (const level of ['national', 'provincial', 'city'] as const)
      expect(painted(`.badge.level-${level}`), level).toBe(LEVEL_COLOURS[level]);
  });

  it('reads a level from a badge’s classes', () => {
    expect(levelOfClass('badge level-national')).toBe('national');
    expect(levelOfClass('badge')).toBeUndefined();
    expect(levelOfClass('badge level-toString')).toBeUndefined();
  });
});

describe('badgePieces', () => {
  it('breaks a long title before the tail it shares with its short name, never before a lone character', () => {
    expect(badgePieces('全国道德模范提名奖', '全国提名奖')).toEqual(['全国道德模范', '提名奖']);
    expect(badgePieces('临汾市新时代好少年', '新时代好少年')).toEqual(['临汾市', '新时代好少年']);
    expect(badgePieces('临汾市道德模范', '临汾道德模范')).toEqual(['临汾市', '道德模范']);
    expect(badgePieces('中国好人榜', '中国好人')).toEqual(['中国好人榜']);
    expect(badgePieces('山西好人', '山西好人')).toEqual(['山西好人']);
    expect(badgePieces('隰县好人')).toEqual(['隰县好人']);
    expect(badgePieces('𠀀𠀁道德模范', '道德模范')).toEqual(['𠀀𠀁', '道德模范']);
  });
});

describe('phrasePieces', () => {
  it('breaks a name or title after a leading place, and leaves a person’s name whole', () => {
    expect(phrasePieces('汾西县巾帼志愿服务队')).toEqual(['汾西县', '巾帼志愿服务队']);
    expect(phrasePieces('临汾市最佳志愿服务组织')).toEqual(['临汾市', '最佳志愿服务组织']);
    expect(phrasePieces('吉县壶口志愿救援队')).toEqual(['吉县', '壶口志愿救援队']);
    expect(phrasePieces('尧都区“银发”志愿服务队')).toEqual(['尧都区', '“银发”志愿服务队']);
    for (const whole of ['区志强', '何淑珍', '欧阳明', '中国好人榜', '隰县好人', '全国道德模范提名奖'])
      expect(phrasePieces(whole), whole).toEqual([whole]);
  });
});
