import { describe, expect, it } from 'vitest';
import { namesRegion, passageAround, searchesStories, storyHit, storyTerms } from './story-terms.ts';

describe('storyTerms', () => {
  it('splits a query into its words, and letters and digits apart from characters', () => {
    expect(storyTerms('xyz不存在')).toEqual(['xyz', '不存在']);
    expect(storyTerms(' 孤寡  送终 ')).toEqual(['孤寡', '送终']);
    expect(storyTerms('G209国道')).toEqual(['G209', '国道']);
    expect(storyTerms('“送终”。')).toEqual(['送终']);
  });

  it('keeps a one-term query whole', () => {
    expect(storyTerms('不离不弃')).toEqual(['不离不弃']);
    expect(storyTerms('zhang')).toEqual(['zhang']);
    expect(storyTerms('  ')).toEqual([]);
  });

  it('asks the story indexes for two characters or more, never for one', () => {
    for (const q of ['的', ' 好 ', 'z', '𠀀']) expect(searchesStories(q), q).toBe(false);
    for (const q of ['送终', '好 人', 'zh', 'G2']) expect(searchesStories(q), q).toBe(true);
  });

  it('says why a story result was found: its story, a name close to the query, or the query in its name', () => {
    expect(storyHit('送终', '何淑珍')).toBe('story');
    expect(storyHit('何树珍', '何淑珍')).toBe('similarName');
    expect(storyHit('志愿', '汾西县巾帼志愿服务队')).toBe('plain');
    expect(storyHit('孤寡 送终', '何淑珍')).toBe('story');
    expect(storyHit('“志愿”', '吉县壶口志愿救援队')).toBe('plain');
    // Two characters of the query in a name that does not start as it does: found by the story.
    expect(storyHit('志愿服务', '吉县壶口志愿救援队')).toBe('story');
    // Letters find names and counties by pinyin: nothing in a story.
    expect(storyHit('hongtong', '王秀英')).toBe('plain');
  });
});

describe('namesRegion', () => {
  it('offers a county for its name with or without 县, never for one character or a story word', () => {
    expect(namesRegion('大宁', '大宁县')).toBe(true);
    expect(namesRegion('大宁县', '大宁县')).toBe(true);
    expect(namesRegion('大宁县 照顾', '大宁县')).toBe(true);
    expect(namesRegion('宁', '大宁县')).toBe(false);
    expect(namesRegion('敬老院', '大宁县')).toBe(false);
    expect(namesRegion('daning', '大宁县')).toBe(false);
  });

  it('offers a county for its pinyin with or without xian, never for a shorter run of letters', () => {
    const hongtong = { name: '洪洞县', pinyin: 'hongtong' };
    expect(namesRegion('hongtong', hongtong.name, hongtong.pinyin)).toBe(true);
    expect(namesRegion('HongTong', hongtong.name, hongtong.pinyin)).toBe(true);
    expect(namesRegion('hong tong', hongtong.name, hongtong.pinyin)).toBe(true);
    expect(namesRegion('hongtongxian', hongtong.name, hongtong.pinyin)).toBe(true);
    expect(namesRegion('hong', hongtong.name, hongtong.pinyin)).toBe(false);
    expect(namesRegion('hongtongren', hongtong.name, hongtong.pinyin)).toBe(false);
    // 吉县 (ji): two letters are a name's initials far more often than a county.
    expect(namesRegion('ji', '吉县', 'ji')).toBe(false);
    expect(namesRegion('jixian', '吉县', 'ji')).toBe(true);
    expect(namesRegion('houmashi', '侯马市', 'houma')).toBe(true);
  });
});

describe('passageAround', () => {
  it('cuts the words around the first term found, marks every term, and says where it cut', () => {
    const text = '林秀芳退休后，每周三到社区敬老院，带着志愿服务队的姐妹们给老人剪发、量血压，十年没有间断过一次。';
    const pieces = passageAround(text, ['志愿服务', '老人'], 6, 20);
    expect(pieces.map((p) => p.text).join('')).toBe('…带着志愿服务队的姐妹们给老人剪发、量血压，十…');
    expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['志愿服务', '老人']);
    // Letters in any case; nothing when no term is there.
    expect(passageAround('参加G209国道救援', ['g209']).filter((p) => p.mark)).toEqual([{ text: 'G209', mark: true }]);
    expect(passageAround(text, ['外星人'])).toEqual([]);
    expect(passageAround(text, [])).toEqual([]);
    // A character that lowers to two (İ) before the term does not shift the passage off it.
    expect(
      passageAround('İİİİİİ他参加志愿服务多年', ['志愿服务'], 2)
        .map((p) => p.text)
        .join(''),
    ).toBe('…志愿服务多年');
    // Never from the middle of a name: from the comma before, or from the word itself.
    const care = '家里老人卧床多年，王金花每天按时喂饭、翻身、擦洗，把老人照顾得干干净净。';
    expect(
      passageAround(care, ['擦洗'], 10)
        .map((p) => p.text)
        .join(''),
    ).toBe('…翻身、擦洗，把老人照顾得干干净净。');
    expect(
      passageAround('王金花每天按时喂饭擦洗', ['擦洗'], 4)
        .map((p) => p.text)
        .join(''),
    ).toBe('…擦洗');
    // Within its sentence: the fields indexed before it and the note after it are not part of it.
    const indexed = '陈思雨. 助人为乐. 坚持每周到敬老院为老人读报、表演节目。 未成年人，按规定只公开姓名、学校和事迹。';
    expect(
      passageAround(indexed, ['敬老院'])
        .map((p) => p.text)
        .join(''),
    ).toBe('坚持每周到敬老院为老人读报、表演节目。');
  });
});
