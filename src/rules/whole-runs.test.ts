import { describe, expect, it } from 'vitest';
import { nameWholeIn, wholeRuns } from './whole-runs.ts';

const whole = (text: string) => wholeRuns(text).filter((_, i) => i % 2 === 1);

describe('wholeRuns', () => {
  it('keeps notes, quoted titles, counts, places and 好人榜 whole', () => {
    expect(whole('临汾市文明办（示例）')).toEqual(expect.arrayContaining(['临汾市', '（示例）']));
    expect(whole('2026年第三季度“临汾好人”')).toContain('“临汾好人”');
    expect(whole('这里先列出 2 位，本期共 6 位。')).toEqual(expect.arrayContaining(['2 位', '6 位']));
    expect(whole('找到 10\u00a0位个人、3\u00a0户家庭')).toEqual(
      expect.arrayContaining(['10\u00a0位个人', '3\u00a0户家庭']),
    );
    expect(whole('入选的好人会在临汾市好人榜和本站公布。')).toEqual(expect.arrayContaining(['临汾市', '好人榜']));
    expect(whole('点县名，看这个县的好人榜。')).toEqual(expect.arrayContaining(['这个县', '好人榜']));
  });

  it('keeps the words of running text whole', () => {
    const kept = whole('数字是上榜人数，一个家庭、一个集体都算一个。');
    expect(kept).toEqual(expect.arrayContaining(['上榜', '家庭', '集体']));
    // No run is a single character or a whole sentence.
    for (const run of kept) expect(run.length, run).toBeGreaterThan(1);
    for (const run of kept) expect(run.length, run).toBeLessThanOrEqual(8);
  });

  it('loses and adds no character, and leaves long brackets to wrap', () => {
    for (const text of [
      '',
      '好人',
      '按县（市、区）浏览',
      '（这是一段很长的括号里的说明）',
      '共 65 个（56 位个人）',
      'abc 好人榜',
    ])
      expect(wholeRuns(text).join('')).toBe(text);
    expect(whole('（这是一段很长的括号里的说明）')).not.toContain('（这是一段很长的括号里的说明）');
    expect(whole('按县（市、区）浏览')).toContain('（市、区）');
  });
});

describe('nameWholeIn', () => {
  it('keeps the name whole in the text, never in a tag or an attribute', () => {
    const html = '<p>提起何淑珍，村里人都说好。</p><img alt="何淑珍的照片" src="a.jpg"><p>何淑珍说：“应该的。”</p>';
    const out = nameWholeIn(html, '何淑珍');
    expect(out).toBe(
      '<p>提起<span class="keep-whole">何淑珍</span>，村里人都说好。</p><img alt="何淑珍的照片" src="a.jpg"><p><span class="keep-whole">何淑珍</span>说：“应该的。”</p>',
    );
    expect(out.replace(/<[^>]*>/gu, '')).toBe(html.replace(/<[^>]*>/gu, ''));
  });

  it('leaves a story alone for a name it could not safely mark', () => {
    for (const name of ['', '何', 'a<b', '侯马市爱心车队志愿服务总队'])
      expect(nameWholeIn('<p>x</p>', name)).toBe('<p>x</p>');
  });

  it("never reaches into an attribute, even one holding > (an editor's alt text) or a comment", () => {
    const html = '<p><img alt="示例>何淑珍的照片" src="a.jpg">何淑珍<!-- 何淑珍 > --></p>';
    expect(nameWholeIn(html, '何淑珍')).toBe(
      '<p><img alt="示例>何淑珍的照片" src="a.jpg"><span class="keep-whole">何淑珍</span><!-- 何淑珍 > --></p>',
    );
  });

  it("keeps a group's name whole with its quotation marks", () => {
    expect(nameWholeIn('<p>尧都区“银发”志愿服务队成立于</p>', '尧都区“银发”志愿服务队')).toBe(
      '<p><span class="keep-whole">尧都区“银发”志愿服务队</span>成立于</p>',
    );
  });
});
