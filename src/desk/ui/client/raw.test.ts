import { describe, expect, it } from 'vitest';
import { checkEntrySource } from '../../../editor/check.ts';
import { entryText } from './raw.ts';
import { fieldName } from './panel.ts';

describe('the entry a form describes', () => {
  it('is the MDX file the check reads: front matter without blanks or helper fields, then the story', () => {
    const text = entryText({
      name: '韩梅梅',
      kind: 'person',
      region: 'yaodu',
      category: 'zhuren',
      honours: [{ title: 'lf-hr', year: 2026, release: '', note: '' }],
      summary: '（示例）常年义务为村里老人理发，十年不间断。',
      photo: { src: '', alt: '' },
      gender: '',
      sources: [],
      _slug: 'han-meimei-yaodu',
      body: '她说：\n\n<Quote by="韩梅梅">能帮一把是一把。</Quote>\n',
    });
    expect(text).toBe(
      '---\nname: 韩梅梅\nkind: person\nregion: yaodu\ncategory: zhuren\nhonours:\n  - title: lf-hr\n    year: 2026\n' +
        'summary: （示例）常年义务为村里老人理发，十年不间断。\n---\n\n她说：\n\n<Quote by="韩梅梅">能帮一把是一把。</Quote>\n',
    );
    const checked = checkEntrySource(text, 'entries/yaodu/han-meimei-yaodu.mdx');
    expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('a problem’s field in the panel', () => {
  it('is named in Chinese from the catalogue, items counted from 1', () => {
    expect(fieldName('honours[0].year')).toBe('荣誉 第 1 项 年份');
    expect(fieldName('photo.src')).toBe('照片 照片文件');
    expect(fieldName('正文')).toBe('事迹正文');
    expect(fieldName('nickname')).toBe('nickname');
  });
});
