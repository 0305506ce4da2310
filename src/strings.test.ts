import { describe, expect, it } from 'vitest';
import { countIn, t } from './strings.ts';

describe('counts in their units', () => {
  it('counts people in 位, families in 户 and groups in 个, and says what a mixed count is made of', () => {
    expect(countIn({ person: 12, family: 0, group: 0 })).toBe('12\u00a0位');
    expect(countIn({ person: 0, family: 3, group: 0 })).toBe('3\u00a0户');
    expect(countIn({ person: 0, family: 0, group: 2 })).toBe('2\u00a0个');
    expect(countIn({ person: 10, family: 1, group: 1 })).toBe(
      '12\u00a0个（10\u00a0位个人、1\u00a0户家庭、1\u00a0个集体）',
    );
    expect(countIn({ person: 0, family: 0, group: 0 })).toBe('0\u00a0位');
  });

  it('words every home count tile as a total, in 位 for people alone, and 个 over its parts with families or groups', () => {
    expect(t.homeCounts.total({ person: 7, family: 0, group: 0 })).toBe('7 位');
    // Families and groups among them: 个, as the roll's total says it (位 is for people).
    expect(t.homeCounts.total({ person: 44, family: 3, group: 4 })).toBe('51 个');
    // People alone: 7 位 says it (7 位 7 位个人 read twice); a family alone still says what its 个 is.
    expect(t.homeCounts.parts({ person: 7, family: 0, group: 0 })).toEqual([]);
    expect(t.homeCounts.parts({ person: 0, family: 2, group: 0 })).toEqual(['2 户家庭']);
    expect(t.homeCounts.parts({ person: 44, family: 3, group: 4 })).toEqual(['44 位个人', '3 户家庭', '4 个集体']);
  });
});
