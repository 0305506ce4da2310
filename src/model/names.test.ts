import { describe, expect, it } from 'vitest';
import { nameInitials, nameSyllables, personPinyin, placePinyin, splitName } from './names.ts';

describe('names', () => {
  it('reads surnames with their surname reading, not the common one', () => {
    expect(nameSyllables('曾小红')[0]).toBe('zeng');
    expect(nameSyllables('单建军')[0]).toBe('shan');
    expect(nameSyllables('解红梅')[0]).toBe('xie');
    expect(nameSyllables('区志强')[0]).toBe('ou');
    expect(nameSyllables('仇建华')[0]).toBe('qiu');
    expect(nameSyllables('查文华')[0]).toBe('zha');
    expect(nameSyllables('盖红英')[0]).toBe('ge');
  });

  it('keeps compound surnames together', () => {
    expect(splitName('欧阳明')).toEqual({ surname: '欧阳', given: '明' });
    expect(splitName('上官静')).toEqual({ surname: '上官', given: '静' });
    expect(splitName('张建国')).toEqual({ surname: '张', given: '建国' });
    expect(personPinyin('欧阳明')).toEqual({ surname: 'ouyang', given: 'ming' });
    expect(personPinyin('尉迟恭')).toEqual({ surname: 'yuchi', given: 'gong' });
  });

  it('writes ü as v and gives initials', () => {
    expect(nameSyllables('吕女')).toEqual(['lv', 'nv']);
    expect(nameInitials('张建国')).toBe('zjg');
    expect(nameInitials('曾小红')).toBe('zxh');
  });
});

describe('place names', () => {
  it('reads 洪洞 as hongtong and 尧都 as yaodu, as residents say them', () => {
    expect(nameSyllables('尧都区志愿队').slice(0, 2)).toEqual(['yao', 'du']);
    expect(nameSyllables('洪洞县志愿服务队').slice(0, 3)).toEqual(['hong', 'tong', 'xian']);
  });
});

describe('placePinyin', () => {
  it("reads a county's name without its 县, 市 or 区, as residents say it", () => {
    expect(placePinyin('洪洞县')).toBe('hongtong');
    expect(placePinyin('尧都区')).toBe('yaodu');
    expect(placePinyin('侯马市')).toBe('houma');
    expect(placePinyin('吉县')).toBe('ji');
    expect(placePinyin('曲沃县')).toBe('quwo');
  });
});
