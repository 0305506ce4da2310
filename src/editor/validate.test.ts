import { describe, expect, it } from 'vitest';
import { likelyDuplicates, similarity, validateContent, type EntryFacts, type Taxonomy } from './validate.ts';

const tax: Taxonomy = {
  files: { regions: 'regions.yaml', titles: 'titles.yaml', categories: 'categories.yaml', releases: 'releases.yaml' },
  regions: new Set(['yaodu', 'houma']),
  categories: new Set(['zhuren']),
  titles: new Map([
    ['lf-hr', { forMinors: false, name: '临汾好人' }],
    ['sx-hr', { forMinors: false, name: '山西好人' }],
    ['hsn', { forMinors: true, name: '新时代好少年' }],
  ]),
  releases: new Map([['2026-q1', { honour: 'lf-hr', date: '2026-03-27' }]]),
};

const entry = (over: Partial<EntryFacts> = {}): EntryFacts => ({
  id: 'zhang-jianguo-yaodu',
  file: 'entries/yaodu/zhang-jianguo-yaodu.mdx',
  name: '张建国',
  region: 'yaodu',
  category: 'zhuren',
  minor: false,
  honours: [{ title: 'lf-hr', year: 2026, release: '2026-q1' }],
  formerSlugs: [],
  summary: '扎根社区卫生站三十年',
  ...over,
});

const fields = (entries: EntryFacts[], t = tax) => validateContent(t, entries).map((p) => `${p.file}|${p.field}`);

describe('validateContent', () => {
  it('passes consistent content', () => {
    expect(validateContent(tax, [entry(), entry({ id: 'li-si-houma', file: 'b.mdx', region: 'houma' })])).toEqual([]);
  });

  it('names the file and field of a reference to a missing region, category, title or release', () => {
    const problems = validateContent(tax, [
      entry({
        region: 'yaoduqu',
        category: 'xiaolao',
        honours: [{ title: 'lf-haoren', year: 2026, release: '2026-q9' }],
      }),
    ]);
    expect(problems.map((p) => p.field)).toEqual(['region', 'category', 'honours[0].title', 'honours[0].release']);
    expect(problems[0]).toMatchObject({
      file: 'entries/yaodu/zhang-jianguo-yaodu.mdx',
      severity: 'error',
      message: expect.stringMatching(/地区 “yaoduqu” 不存在.*regions\.yaml/),
    });
  });

  it('keeps every route to its page: no slug or former slug takes over a roll page, an entry or another redirect', () => {
    const messages = (entries: EntryFacts[]) =>
      validateContent(tax, entries).map((p) => `${p.file}|${p.field}|${p.message}`);
    expect(messages([entry({ formerSlugs: ['zhang-jianguo-yaodu'] })])).toEqual([
      expect.stringMatching(/\|formerSlugs\[0\]\|旧网址 “zhang-jianguo-yaodu” 就是这个条目现在的网址/),
    ]);
    expect(messages([entry({ formerSlugs: ['2', 'strokes', 'pinyin'] })])).toEqual([
      expect.stringMatching(/formerSlugs\[0\]\|旧网址 “2” 是榜单的页码/),
      expect.stringMatching(/formerSlugs\[1\]\|旧网址 “strokes” 是榜单排序页的网址/),
      expect.stringMatching(/formerSlugs\[2\]\|旧网址 “pinyin” 是榜单排序页的网址/),
    ]);
    expect(messages([entry({ id: 'strokes', file: 'strokes.mdx' }), entry({ id: '12', file: '12.mdx' })])).toEqual([
      expect.stringMatching(/^strokes\.mdx\|文件名\|文件名 “strokes” 是榜单排序页的网址/),
      expect.stringMatching(/^12\.mdx\|文件名\|文件名 “12” 是榜单的页码/),
    ]);
    expect(
      messages([
        entry({ formerSlugs: ['zhang-old'] }),
        entry({ id: 'li-si-houma', file: 'b.mdx', formerSlugs: ['zhang-old'] }),
      ]),
    ).toEqual([expect.stringMatching(/^b\.mdx\|formerSlugs\[0\]\|旧网址 “zhang-old” 已是 .* 的旧网址/)]);
    expect(messages([entry({ formerSlugs: ['zhang-old', 'zhang-old'] })])).toEqual([
      expect.stringMatching(/formerSlugs\[1\]\|旧网址 “zhang-old” 写了两次/),
    ]);
  });

  it('rejects duplicate slugs and former slugs that point at another entry', () => {
    expect(fields([entry(), entry({ file: 'other/zhang-jianguo-yaodu.mdx' })])).toEqual([
      'other/zhang-jianguo-yaodu.mdx|文件名',
    ]);
    expect(
      fields([entry(), entry({ id: 'li-si-houma', file: 'b.mdx', formerSlugs: ['zhang-jianguo-yaodu'] })]),
    ).toEqual(['b.mdx|formerSlugs[0]']);
    expect(fields([entry({ id: 'Zhang_JianGuo' })])).toEqual(['entries/yaodu/zhang-jianguo-yaodu.mdx|文件名']);
  });

  it('checks an honour against the release that published it', () => {
    const problems = validateContent(tax, [entry({ honours: [{ title: 'sx-hr', year: 2025, release: '2026-q1' }] })]);
    expect(problems.map((p) => p.field)).toEqual(['honours[0].title', 'honours[0].year']);
    expect(problems[1]?.message).toContain('请改为 2026');
  });

  it('gives a title for minors only to minors', () => {
    expect(fields([entry({ honours: [{ title: 'hsn', year: 2025 }] })])).toEqual([
      'entries/yaodu/zhang-jianguo-yaodu.mdx|minor',
    ]);
    expect(fields([entry({ minor: true, honours: [{ title: 'hsn', year: 2025 }] })])).toEqual([]);
  });

  it('rejects a release that publishes an unknown title', () => {
    const broken = { ...tax, releases: new Map([['2026-q1', { honour: 'nope', date: '2026-03-27' }]]) };
    expect(fields([], broken)).toEqual(['releases.yaml|2026-q1.honour']);
  });

  it('warns when an honour of a title with releases has none for a year that has one', () => {
    const problems = validateContent(tax, [
      entry({ honours: [{ title: 'lf-hr', year: 2026 }] }),
      entry({ id: 'a-yaodu', file: 'a.mdx', honours: [{ title: 'lf-hr', year: 2025 }] }),
      entry({ id: 'b-yaodu', file: 'b.mdx', honours: [{ title: 'sx-hr', year: 2026 }] }),
    ]);
    const missing = problems.filter((p) => p.code === 'ref.release-missing');
    expect(missing.map((p) => [p.file, p.field, p.severity])).toEqual([
      ['entries/yaodu/zhang-jianguo-yaodu.mdx', 'honours[0].release', 'warning'],
    ]);
    expect(missing[0]?.message).toContain('2026-q1');
  });

  it('warns when a person’s name contains a space (also full-width), naming the file', () => {
    const problems = validateContent(tax, [
      entry({ name: '张 三', id: 'zhang-san-yaodu', file: 'a.mdx' }),
      entry({ name: '李\u3000四', id: 'li-si-yaodu', file: 'b.mdx' }),
      entry({ name: '红 星 志愿队', kind: 'group', id: 'hong-xing-yaodu', file: 'c.mdx' }),
    ]);
    const spaced = problems.filter((p) => p.code === 'person.name-space');
    expect(spaced.map((p) => [p.file, p.field, p.severity])).toEqual([
      ['a.mdx', 'name', 'warning'],
      ['b.mdx', 'name', 'warning'],
    ]);
    expect(spaced[0]?.message).toContain('“张 三”');
    expect(spaced[0]?.message).toContain('删掉空格');
  });
});

describe('likelyDuplicates', () => {
  it('warns about the same name and region with the same birth date or a close summary, naming both files', () => {
    const a = entry({ birth: '1968-05', summary: '扎根社区卫生站三十年，为老人上门问诊。' });
    const sameBirth = entry({
      id: 'zhang-jianguo-yaodu-2',
      file: 'b.mdx',
      birth: '1968-05',
      summary: '完全不同的事迹描述文字',
    });
    const closeSummary = entry({
      id: 'zhang-jianguo-yaodu-3',
      file: 'c.mdx',
      summary: '扎根社区卫生站三十年，上门为老人问诊。',
    });
    const other = entry({ id: 'zhang-jianguo-yaodu-4', file: 'd.mdx', birth: '1975', summary: '见义勇为救起落水儿童' });
    const otherRegion = entry({ id: 'zhang-jianguo-houma', file: 'e.mdx', region: 'houma', birth: '1968-05' });
    const warnings = likelyDuplicates([a, sameBirth, closeSummary, other, otherRegion]);
    expect(warnings.map((w) => [w.file, w.severity])).toEqual([
      ['b.mdx', 'warning'],
      ['c.mdx', 'warning'],
    ]);
    expect(warnings[0]?.message).toContain('entries/yaodu/zhang-jianguo-yaodu.mdx');
    expect(warnings[0]?.message).toContain('出生日期相同');
    expect(warnings[1]?.message).toContain('事迹相近');
  });

  it('warns once a file, naming the first earlier file it matches (35 copies made 595 warnings)', () => {
    const copies = Array.from({ length: 35 }, (_, i) => entry({ id: `c-${i}`, file: `${i}.mdx`, birth: '1968-05' }));
    const warnings = likelyDuplicates(copies);
    expect(warnings).toHaveLength(34);
    expect(warnings.every((w) => w.message.includes('0.mdx'))).toBe(true);
  });

  it('sees names that differ only in spaces (also full-width) as the same name', () => {
    const a = entry({ name: '张三', birth: '1968-03' });
    const spaced = entry({ id: 'zhang-san-yaodu-2', file: 'b.mdx', name: '张 三', birth: '1968-03' });
    const wide = entry({ id: 'zhang-san-yaodu-3', file: 'c.mdx', name: '张\u3000三 ', birth: '1968-03' });
    expect(likelyDuplicates([a, spaced, wide]).map((w) => w.file)).toEqual(['b.mdx', 'c.mdx']);
  });

  it('measures summary similarity by shared character pairs', () => {
    expect(similarity('照顾瘫痪婆婆十八年', '照顾瘫痪婆婆十八年')).toBe(1);
    expect(similarity('照顾瘫痪婆婆十八年', '救起落水儿童')).toBe(0);
  });
});
