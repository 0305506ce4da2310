import { describe, expect, it } from 'vitest';
import { nameSearchTerms, nameSubstrings } from './search-terms.ts';

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
