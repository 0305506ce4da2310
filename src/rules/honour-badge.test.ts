import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEVEL_COLOURS, levelOfClass } from './honour-badge.ts';

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
