import { describe, expect, it } from 'vitest';
import { fieldSearchTerms, letterDigitParts, nameSearchTerms, nameSubstrings } from './search-terms.ts';

describe('search words for a name', () => {
  it('indexes every run of two or more characters', () => {
    expect(nameSubstrings('张建国')).toEqual(['张建', '建国', '张建国']);
    expect(nameSubstrings('欧阳明')).toEqual(['欧阳', '阳明', '欧阳明']);
  });

  it('adds pinyin joined, surname and given name apart, syllables and initials, with surname readings', () => {
    const terms = nameSearchTerms('曾小红', 'person');
    for (const t of ['zengxiaohong', 'zeng', 'xiaohong', 'zxh', 'xiao', 'hong']) expect(terms).toContain(t);
    expect(terms).not.toContain('cengxiaohong');
    expect(nameSearchTerms('单建军', 'person')).toContain('shanjianjun');
  });

  it('keeps long group names to short runs plus the whole name', () => {
    const terms = nameSubstrings('吉县壶口志愿救援队第一分队');
    expect(terms).toContain('壶口');
    expect(terms).toContain('吉县壶口志愿救援队第一分队');
    expect(terms.every((t) => t.length <= 4 || t === '吉县壶口志愿救援队第一分队')).toBe(true);
  });
});

describe('search words for a field and a story', () => {
  it('cuts a field into the words the browser cuts a query into, and road numbers from their letters', () => {
    const terms = fieldSearchTerms('安泽县G309国道某加油站');
    for (const t of ['国道', '加油站', 'G309', 'G', '309']) expect(terms).toContain(t);
    // Single characters are words of the index already.
    expect(terms.every((t) => Array.from(t).length > 1 || /^[A-Z0-9]+$/i.test(t))).toBe(true);
  });

  it('splits only runs of Latin letters and digits, and keeps digits together', () => {
    expect(letterDigitParts('行驶在G209国道上，车牌号码不写，5A级景区，2026年，13800012026')).toEqual([
      'G',
      '209',
      '5',
      'A',
    ]);
    expect(letterDigitParts('没有字母的故事，2026年')).toEqual([]);
  });
});
