import { describe, expect, it } from 'vitest';
import { findPersonalData, mask, urlScanText } from './privacy.ts';

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

  it('sees through disguises: references, full-width, zero-width, separators, line breaks, emphasis', () => {
    expect(kinds('电话1381234&#53;678')).toEqual(['mobile:13812345678']);
    expect(kinds('电话1381234&#x35;678')).toEqual(['mobile:13812345678']);
    expect(kinds('电话１３８１２３４５６７８')).toEqual(['mobile:13812345678']);
    expect(kinds('电话138\u200b1234\u200d5678')).toEqual(['mobile:13812345678']);
    expect(kinds('电话138.1234.5678')).toEqual(['mobile:138.1234.5678']);
    expect(kinds('电话138\n1234\n5678')).toEqual(['mobile:138\n1234\n5678']);
    expect(kinds('电话138**1234**5678')).toEqual(['mobile:138**1234**5678']);
    expect(kinds('身份证 140102 19800101 1234')).toEqual(['id:140102 19800101 1234']);
  });

  it('finds old 15-digit IDs, landlines without a dash, emails and bank cards', () => {
    expect(kinds('老身份证140102800101123')).toEqual(['id:140102800101123']);
    expect(kinds('座机03571234567')).toEqual(['landline:03571234567']);
    expect(kinds('邮箱 zhang.san@qq.com，或 li＠163.com')).toEqual(['email:zhang.san@qq.com', 'email:li@163.com']);
    expect(kinds('卡号 6222 0000 0000 0007')).toEqual([]); // fails the Luhn check: not a card number
    expect(kinds('卡号 4111 1111 1111 1111')).toEqual(['bank:4111 1111 1111 1111']);
  });

  it('finds addresses written in Chinese numerals, but not flats described or textbook units', () => {
    expect(kinds('家住解放路十二号五号楼二单元')).toEqual([
      'address:家住解放路十二号',
      'address:五号楼',
      'address:二单元',
    ]);
    expect(kinds('一家人挤在三室一厅里，学完了第二单元的课文')).toEqual([]);
  });

  it('accepts exactly the declared public contacts', () => {
    const allowed = { emails: ['jiucuo@example.cn'], phones: ['0357-1234567'] };
    expect(findPersonalData('请发邮件至 jiucuo@example.cn 或致电 0357 1234567', allowed)).toEqual([]);
    expect(kinds('请发邮件至 jiucuo2@example.cn')).toEqual(['email:jiucuo2@example.cn']);
    expect(findPersonalData('致电 0357-1234568', allowed)).toHaveLength(1);
  });

  it('reads only the query and fragment of a URL', () => {
    expect(kinds(urlScanText('https://news.example.cn/a/13812345678.html'))).toEqual([]);
    expect(kinds(urlScanText('https://news.example.cn/a?tel=13812345678'))).toEqual(['mobile:13812345678']);
    expect(kinds(urlScanText('https://news.example.cn/a#%E7%94%B5%E8%AF%9D13812345678'))).toEqual([
      'mobile:13812345678',
    ]);
  });

  it('masks a number for messages', () => {
    expect(mask('140102196805171234')).toBe('140************234');
  });
});
