import { describe, expect, it } from 'vitest';
import { countIn } from './strings.ts';

describe('counts in their units', () => {
  it('counts people in 位, families in 户 and groups in 个, and says what a mixed count is made of', () => {
    expect(countIn({ person: 12, family: 0, group: 0 })).toBe('12 位');
    expect(countIn({ person: 0, family: 3, group: 0 })).toBe('3 户');
    expect(countIn({ person: 0, family: 0, group: 2 })).toBe('2 个');
    expect(countIn({ person: 10, family: 1, group: 1 })).toBe('12（10 位个人、1 户家庭、1 个集体）');
    expect(countIn({ person: 0, family: 0, group: 0 })).toBe('0 位');
  });
});
