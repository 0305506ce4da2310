import { describe, expect, it } from 'vitest';
import { slugFor, nameSlug } from './slug.ts';
import { slugPattern } from './schema.ts';

describe('slugFor', () => {
  const none = new Set<string>();

  it('is surname-given-region in pinyin with surname readings', () => {
    expect(slugFor('张建国', 'person', 'yaodu', none)).toBe('zhang-jianguo-yaodu');
    expect(slugFor('曾小红', 'person', 'yaodu', none)).toBe('zeng-xiaohong-yaodu');
    expect(slugFor('单田芳', 'person', 'houma', none)).toBe('shan-tianfang-houma');
    expect(slugFor('欧阳明', 'person', 'xiangfen', none)).toBe('ouyang-ming-xiangfen');
  });

  it('adds a number only when the slug is taken', () => {
    const taken = new Set(['zhang-jianguo-yaodu', 'zhang-jianguo-yaodu-2']);
    expect(slugFor('张建国', 'person', 'yaodu', taken)).toBe('zhang-jianguo-yaodu-3');
    expect(slugFor('张建国', 'person', 'houma', taken)).toBe('zhang-jianguo-houma');
  });

  it('joins the syllables of a family or group name and keeps long names short', () => {
    expect(slugFor('李建国家庭', 'family', 'hongtong', none)).toBe('lijianguojiating-hongtong');
    const long = nameSlug('洪洞县大槐树下志愿服务队第一分队爱心小组', 'group');
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long.startsWith('hongtongxian')).toBe(true);
  });

  it('always produces a valid URL slug, even from punctuation and Latin letters', () => {
    for (const name of ['尧都区“银发”志愿服务队', 'AB志愿队', '王·小明']) {
      expect(slugFor(name, 'group', 'yaodu', none)).toMatch(slugPattern);
    }
  });
});
