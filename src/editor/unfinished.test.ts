import { describe, expect, it } from 'vitest';
import { boilerplateProblems, copiedStories, copyKey, invisibleProblem, placeholderProblems } from './unfinished.ts';
import { boilerplateIn } from './import-clean.ts';
import { NEW_ENTRY_PROMPTS, NEW_ENTRY_SUMMARY } from './entry-template.ts';

const messages = (found: Array<{ message: string }>) => found.map((p) => p.message);

describe('placeholderProblems', () => {
  it('finds the placeholders offices and templates leave, one problem a line', () => {
    for (const [text, label] of [
      ['事迹待补充', '待补充'],
      ['家住XX村', 'XX'],
      ['××单位', '××'],
      ['某某同志', '某某'],
      ['TODO: 补照片', 'TODO'],
      ['请填写获奖情况', '请填写'],
      ['他在（此处填写单位）工作', '（此处填写单位）'],
    ])
      expect(messages(placeholderProblems(text ?? '', false))).toEqual([expect.stringContaining(`“${label}”`)]);
    expect(placeholderProblems('待补充\n某某', true)).toHaveLength(2);
  });

  it('leaves words that only contain the letters or characters', () => {
    for (const text of ['东区某厂', '开一辆 SUV', 'XXL 号的衣服', '他叫张某', '请大家帮忙', '这里写着他的名字'])
      expect(placeholderProblems(text, true)).toEqual([]);
  });

  it("names content:new's prompts as the template's, whole", () => {
    expect(messages(placeholderProblems(NEW_ENTRY_SUMMARY, false))).toEqual([
      `还是新建条目时的提示文字“${NEW_ENTRY_SUMMARY}”：请改成真实的内容；手写的条目还没写完时，请保留 draft: true（草稿不会发布）`,
    ]);
    for (const prompt of NEW_ENTRY_PROMPTS)
      expect(messages(placeholderProblems(prompt, true))).toEqual([expect.stringContaining('请删除这一段')]);
  });
});

describe('boilerplateProblems', () => {
  it('uses the import cleaner’s patterns and labels', () => {
    expect(boilerplateIn('点击上方蓝字关注我们')).toEqual(['“点击上方蓝字关注我们”']);
    expect(boilerplateIn('编辑：李四 审核：王五')).toEqual(['编辑、审核署名行']);
    // The global patterns keep no state between calls.
    expect(boilerplateIn('长按识别二维码关注')).toEqual(['“长按识别二维码”']);
    expect(boilerplateIn('长按识别二维码关注')).toEqual(['“长按识别二维码”']);
    expect(messages(boilerplateProblems('好人好事\n编辑：李四 审核：王五'))).toEqual([
      '是文章的编辑、审核署名行（“编辑：李四 审核：王五”），不是事迹：请删除这一行',
    ]);
    expect(boilerplateProblems('她是报社的编辑：二十年如一日。')).toEqual([]);
  });
});

describe('invisibleProblem', () => {
  it('names each kind once, counts all, and points after the visible text before the first', () => {
    expect(invisibleProblem('王小花')).toBeUndefined();
    expect(invisibleProblem('王\u200b小花\u200b\u00ad')).toMatch(
      /^有 3 个看不见的字符（零宽空格 U\+200B、软连字符 U\+00AD），第一个在“王”之后：.*每个字符按一次/,
    );
    expect(invisibleProblem('name: \u2066王')).toMatch(/（文字方向隔离符 U\+2066），在“name:”之后/);
    expect(invisibleProblem('name: \u2066王', 'name: '.length)).toMatch(/在这一行开头/);
  });
});

describe('copiedStories', () => {
  const story = (file: string, text: string, summary = '一句话。') => ({
    file,
    name: file,
    line: 12,
    key: copyKey(text, summary),
  });

  it('refuses the later of two identical stories, naming both files', () => {
    const problems = copiedStories([story('a.mdx', '他救了人。\n\n很勇敢。'), story('b.mdx', '他救了人。\n很勇敢。 ')]);
    expect(problems).toEqual([expect.objectContaining({ file: 'b.mdx', line: 12, field: '正文', severity: 'error' })]);
    expect(problems[0]?.message).toMatch(/^正文与 a\.mdx 的正文一字不差/);
  });

  it('leaves empty stories and a story that is only its own summary (the import’s stand-in)', () => {
    expect(copiedStories([story('a.mdx', ''), story('b.mdx', '')])).toEqual([]);
    expect(
      copiedStories([story('a.mdx', '帮助邻居。', '帮助邻居。'), story('b.mdx', '帮助邻居。', '帮助邻居。')]),
    ).toEqual([]);
  });
});
