import { describe, expect, it } from 'vitest';
import { findPersonalData, mask } from './privacy.ts';

const kinds = (text: string) => findPersonalData(text).map((h) => `${h.kind}:${h.match}`);

describe('findPersonalData', () => {
  it('finds 18-digit ID numbers with a digit or X check digit, also in full-width digits', () => {
    expect(kinds('身份证号140102196805171234。')).toEqual(['id:140102196805171234']);
    expect(kinds('证件号：14010219680517123X')).toEqual(['id:14010219680517123X']);
    expect(kinds('１４０１０２１９６８０５１７１２３ｘ')).toEqual(['id:14010219680517123x']);
  });

  it('does not take other long numbers, years or amounts for IDs', () => {
    expect(kinds('累计服务时长 12000 小时，捐款 200000 元，2026年3月。')).toEqual([]);
    expect(kinds('编号 1401021968051712345678')).toEqual([]);
  });

  it('finds mobile numbers however they are spaced', () => {
    expect(kinds('联系电话13812345678')).toEqual(['mobile:13812345678']);
    expect(kinds('电话 138-1234-5678 或 +86 139 1234 5678')).toEqual([
      'mobile:138-1234-5678',
      'mobile:+86 139 1234 5678',
    ]);
    expect(kinds('他已坚持 12345678901 次')).toEqual([]); // starts with 12: not a mobile prefix
  });

  it('finds landlines with an area code', () => {
    expect(kinds('办公电话0357-2345678')).toEqual(['landline:0357-2345678']);
    expect(kinds('（0357）2345678')).toEqual(['landline:(0357)2345678']);
  });

  it('finds street numbers, buildings, units and rooms, but not counts of things', () => {
    expect(kinds('家住尧都区解放路12号3单元501室')).toEqual([
      'address:家住尧都区解放路12号',
      'address:3单元',
      'address:501室',
    ]);
    expect(kinds('住在5号楼')).toEqual(['address:5号楼']);
    expect(kinds('住在某村，帮助了30名老人，修了2座桥，照顾3户人家')).toEqual([]);
  });

  it('masks a number for messages', () => {
    expect(mask('140102196805171234')).toBe('140************234');
  });
});
