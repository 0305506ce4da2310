/**
 * Unfinished or foreign text in a hand-edited entry: the check refuses it with
 * the line and the fix, and never rewrites the file (only the import cleans).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkErrors } from './helpers.ts';
import { copyMini, editFile } from '../helpers/fixture.ts';
import { NEW_ENTRY_STORY, NEW_ENTRY_SUMMARY } from '../../src/editor/entry-template.ts';

const ZHANG = 'entries/zhang-san-xixian.mdx';
const ZHAO = 'entries/zhao-liu-dongqu.mdx';

/** A mini root whose 张三 has `story` as his story; the file is read back to prove the check left it alone. */
function withStory(story: string): { root: string; before: string } {
  const root = copyMini();
  editFile(root, ZHANG, (s) => s.replace('张三的故事。', story));
  return { root, before: readFileSync(join(root, ZHANG), 'utf8') };
}

describe('the check refuses what is not finished', () => {
  it('refuses placeholder text in the front matter and the story, with the line', async () => {
    const { root } = withStory('他在某某村修了十年农具。\n\n（此处填写事迹）\n\nTODO 补上照片说明');
    editFile(root, ZHANG, (s) => s.replace('义务为乡亲修理农具十多年。', '义务修理农具，待补充。'));
    const before = readFileSync(join(root, ZHANG), 'utf8');
    const errors = await checkErrors(root);
    expect(errors).toEqual([
      expect.stringMatching(/^［错误］entries\/zhang-san-xixian\.mdx:10 — summary — .*“待补充”.*请换成真实的内容/),
      expect.stringMatching(/^［错误］entries\/zhang-san-xixian\.mdx:15 — 正文 — .*“某某”/),
      expect.stringMatching(/^［错误］entries\/zhang-san-xixian\.mdx:17 — 正文 — .*“（此处填写事迹）”/),
      expect.stringMatching(/^［错误］entries\/zhang-san-xixian\.mdx:19 — 正文 — .*“TODO”/),
    ]);
    expect(errors[0]).toContain('draft: true');
    expect(readFileSync(join(root, ZHANG), 'utf8')).toBe(before);
  });

  it('refuses XXX, xxx and 请填写 prompts, but not a single 某 or an X in a word', async () => {
    const { root } = withStory('他住在XXX村。\n\n请填写获奖情况。\n\n他在东区某厂工作，开一辆 SUV，住 xxx 号。');
    const errors = await checkErrors(root);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/:15 — 正文 — .*“XXX”/);
    expect(errors[1]).toMatch(/:17 — 正文 — .*“请填写”/);
    expect(errors[2]).toMatch(/:19 — 正文 — .*“xxx”/);
  });

  it('refuses the text content:new writes once draft: true is deleted, and leaves a draft alone', async () => {
    const root = copyMini();
    // 赵六 is a draft: the template there is expected.
    editFile(root, ZHAO, (s) =>
      s.replace('这是一个草稿，不应发布。', NEW_ENTRY_SUMMARY).replace('草稿。', NEW_ENTRY_STORY),
    );
    expect(await checkErrors(root)).toEqual([]);
    editFile(root, ZHAO, (s) => s.replace('draft: true\n', ''));
    const errors = await checkErrors(root);
    expect(errors.filter((e) => e.includes(' — summary — '))).toEqual([
      expect.stringMatching(
        /^［错误］entries\/zhao-liu-dongqu\.mdx:9 — summary — 还是新建条目时的提示文字“（一句话事迹，待填写/,
      ),
    ]);
    // Every prompt line of the story is named, each on its line.
    const story = errors.filter((e) => e.includes(' — 正文 — '));
    expect(story).toHaveLength(3);
    expect(story.map((e) => /:(\d+) —/.exec(e)?.[1])).toEqual(['12', '14', '16']);
    for (const e of story) expect(e).toContain('新建条目时的提示文字');
  });
});

describe('the check refuses a story copied from another entry', () => {
  it('names both files when two published entries tell the same story', async () => {
    const root = copyMini();
    const copied = '她每天清晨给独居老人送饭，风雨无阻坚持了十二年。';
    editFile(root, 'entries/zeng-hong-dongqu.mdx', (s) => s.replace(/曾红的故事正文.*/, copied));
    editFile(root, 'entries/chen-jia-dongqu.mdx', (s) => s.replace('陈家的故事。', `${copied}\n`));
    const errors = await checkErrors(root);
    expect(errors).toEqual([
      expect.stringMatching(
        /^［错误］entries\/zeng-hong-dongqu\.mdx:29 — 正文 — 正文与 entries\/chen-jia-dongqu\.mdx 的正文一字不差/,
      ),
    ]);
    // A draft may start as a copy: it is not published.
    editFile(root, ZHAO, (s) => s.replace('草稿。', copied));
    expect(await checkErrors(root)).toHaveLength(1);
  });
});

describe('the check refuses WeChat boilerplate and invisible characters, and changes nothing', () => {
  it('refuses each piece of boilerplate on its line, with the patterns the import cleans', async () => {
    const { root, before } = withStory(
      '点击上方蓝字关注我们\n\n2026年3月，张三救起落水儿童。\n\n长按识别二维码关注\n\n编辑：李四 审核：王五\n\n阅读原文',
    );
    const errors = await checkErrors(root);
    expect(errors).toEqual([
      expect.stringMatching(/:15 — 正文 — .*“点击上方蓝字关注我们”.*请删除/),
      expect.stringMatching(/:19 — 正文 — .*“长按识别二维码”/),
      expect.stringMatching(/:21 — 正文 — .*编辑、审核署名行.*请删除这一行/),
      expect.stringMatching(/:23 — 正文 — .*“阅读原文”/),
    ]);
    expect(readFileSync(join(root, ZHANG), 'utf8')).toBe(before);
  });

  it('leaves words that only look like boilerplate', async () => {
    const { root } = withStory('她是报社的编辑：二十年如一日。他教老人扫描二维码付款，请大家阅读原文件。');
    expect(await checkErrors(root)).toEqual([]);
  });

  it('refuses invisible characters anywhere in the file, naming them and the text before them', async () => {
    const { root } = withStory('张三\u200b的故事\u00ad。\n\n\uFFFC\n\n他说\u202e谢谢\u202c。');
    editFile(root, ZHANG, (s) =>
      s.replace('name: 张三', 'name: 张\u200d三').replace('义务为乡亲修理', '义务为乡亲\ufeff修理'),
    );
    const before = readFileSync(join(root, ZHANG), 'utf8');
    const errors = await checkErrors(root);
    expect(errors).toEqual([
      expect.stringMatching(/:2 — name — .*1 个看不见的字符（零宽连字 U\+200D），在“张”之后/),
      expect.stringMatching(/:10 — summary — .*（字节顺序标记 BOM U\+FEFF），在“义务为乡亲”之后/),
      expect.stringMatching(
        /:15 — 正文 — .*2 个看不见的字符（零宽空格 U\+200B、软连字符 U\+00AD），第一个在“张三”之后/,
      ),
      expect.stringMatching(/:17 — 正文 — .*对象替换符 U\+FFFC/),
      expect.stringMatching(/:19 — 正文 — .*文字方向控制符 U\+202E、文字方向控制符 U\+202C/),
    ]);
    for (const e of errors) expect(e).toContain('Delete');
    expect(readFileSync(join(root, ZHANG), 'utf8')).toBe(before);
  });

  it('accepts a byte order mark at the start of the file, where editors on Windows put it', async () => {
    const root = copyMini();
    writeFileSync(join(root, ZHANG), `\ufeff${readFileSync(join(root, ZHANG), 'utf8')}`);
    expect(await checkErrors(root)).toEqual([]);
  });
});
