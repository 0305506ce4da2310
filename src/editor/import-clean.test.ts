import { describe, expect, it } from 'vitest';
import { cleanCell } from './import-clean.ts';

describe('cleanCell: what a copy from WeChat or Word brings along', () => {
  it('removes invisible characters from any cell and counts them', () => {
    expect(cleanCell('name', '王\u200b小花\ufeff')).toEqual({ text: '王小花', removed: ['2 个不可见字符'] });
    expect(cleanCell('region', '尧都区')).toEqual({ text: '尧都区', removed: [] });
  });

  it('closes the spaces offices put inside a two-character name', () => {
    expect(cleanCell('name', '王　芳')).toEqual({ text: '王芳', removed: ['字间空格'] });
    expect(cleanCell('name', 'Ali Khan').text).toBe('Ali Khan');
  });

  it('removes WeChat boilerplate from a summary or story, line by line, and names it', () => {
    const story = [
      '点击上方蓝字关注我们',
      '2026年3月，王小花救起落水儿童。',
      '长按识别二维码关注',
      '编辑：李四 审核：王五',
      '阅读原文',
    ].join('\n');
    expect(cleanCell('story', story)).toEqual({
      text: '2026年3月，王小花救起落水儿童。',
      removed: ['“点击上方蓝字关注我们”', '“长按识别二维码”', '编辑、审核署名行', '“阅读原文”'],
    });
    expect(cleanCell('summary', '点击上方蓝字关注我们王小花救起落水儿童。')).toEqual({
      text: '王小花救起落水儿童。',
      removed: ['“点击上方蓝字关注我们”'],
    });
    // Words that only look like boilerplate stay: 编辑 in a sentence is not a signature.
    expect(cleanCell('story', '她是报社的编辑：二十年如一日。').removed).toEqual([]);
    for (const said of ['他教老人扫描二维码付款。', '她请大家阅读原文件。', '邻居们都在看'])
      expect(cleanCell('story', said)).toEqual({ text: said, removed: [] });
  });
});
